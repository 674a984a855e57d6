package io.genrelake.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Saving charts as PNG, headless, and the colours the report's charts share. */
final class Charts {

    /** A blue ramp, white at zero: counts and shares read as darker = more. */
    static final Color[] SEQUENTIAL = {new Color(247, 251, 255), new Color(158, 202, 225), new Color(33, 113, 181),
        new Color(8, 48, 107)};
    /** Blue–white–red for correlations in [-1, 1]. */
    static final Color[] DIVERGING = {new Color(33, 102, 172), new Color(247, 247, 247), new Color(178, 24, 43)};

    static {
        // No display on servers and CI: AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Writes {@code chart} to {@code file} (a .png path). */
    static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
