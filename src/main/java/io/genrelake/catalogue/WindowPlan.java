package io.genrelake.catalogue;

import io.genrelake.features.FeatureExtractor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a track is cut into consecutive windows of its 22050-Hz mono signal: window k covers samples
 * {@code [k·W, k·W + W)}; the final, shorter window is kept only when it has at least the minimum
 * length, or when it is the track's only window (a track shorter than W is one window). A window is
 * never shorter than one analysis frame ({@link FeatureExtractor#MIN_SAMPLES}). Windows of 30 s match the
 * clips the GTZAN models were trained on; 3 s gives the layout of Kaggle's 3-second table.
 *
 * @param windowSamples  W, samples per window
 * @param minLastSamples the shortest final partial window that is kept (unless it is the only one)
 */
public record WindowPlan(int windowSamples, int minLastSamples) implements Serializable {

    public static final int SAMPLE_RATE = FeatureExtractor.SAMPLE_RATE;
    public static final double DEFAULT_WINDOW_SECONDS = 30;
    /** The longest default minimum final window: what 30-s windows have always kept (see {@link #defaultMinLastSeconds}). */
    public static final double DEFAULT_MIN_LAST_WINDOW_SECONDS = 10;
    /** Longer windows would make each task hold minutes of samples (4 bytes × 22050 per second). */
    public static final double MAX_WINDOW_SECONDS = 600;

    /** One window of a track. */
    public record Window(int index, long start, int length) {
        public double startSeconds() {
            return (double) start / SAMPLE_RATE;
        }

        public double endSeconds() {
            return (double) (start + length) / SAMPLE_RATE;
        }
    }

    public WindowPlan {
        if (windowSamples < FeatureExtractor.MIN_SAMPLES) {
            throw new IllegalArgumentException("windows must hold at least " + FeatureExtractor.MIN_SAMPLES
                    + " samples (one analysis frame), got " + windowSamples);
        }
        if (minLastSamples < 0) {
            throw new IllegalArgumentException("the minimum final window cannot be negative: " + minLastSamples);
        }
    }

    /** The plan for windows of {@code windowSeconds}, keeping final windows of at least {@code minLastSeconds}. */
    public static WindowPlan ofSeconds(double windowSeconds, double minLastSeconds) {
        double shortest = (double) FeatureExtractor.MIN_SAMPLES / SAMPLE_RATE;
        if (!(windowSeconds >= shortest && windowSeconds <= MAX_WINDOW_SECONDS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "window seconds must be between %.4f (one analysis frame) and %.0f, got %s", shortest,
                    MAX_WINDOW_SECONDS, windowSeconds));
        }
        if (!(minLastSeconds >= 0 && minLastSeconds <= MAX_WINDOW_SECONDS)) {
            throw new IllegalArgumentException("minimum final window seconds must be between 0 and "
                    + (int) MAX_WINDOW_SECONDS + ", got " + minLastSeconds);
        }
        return new WindowPlan(toSamples(windowSeconds), toSamples(minLastSeconds));
    }

    /**
     * The minimum final window when none is asked for: 10 s, or half a window when that is shorter. A fixed 10 s
     * would drop every final partial window of short windows (a 3-s model's track ending 2.9 s into a window);
     * half a window keeps a final window that carries at least half the audio the model's features summarise.
     */
    public static double defaultMinLastSeconds(double windowSeconds) {
        return Math.min(DEFAULT_MIN_LAST_WINDOW_SECONDS, windowSeconds / 2);
    }

    /** The minimum final window asked for, or {@link #defaultMinLastSeconds} for these windows when null. */
    public static double minLastSeconds(Double asked, double windowSeconds) {
        return asked != null ? asked : defaultMinLastSeconds(windowSeconds);
    }

    /** The plan for windows of {@code windowSeconds} with the default minimum final window. */
    public static WindowPlan ofSeconds(double windowSeconds) {
        return ofSeconds(windowSeconds, defaultMinLastSeconds(windowSeconds));
    }

    /** The default: 30-s windows, final windows under 10 s dropped. */
    public static WindowPlan standard() {
        return ofSeconds(DEFAULT_WINDOW_SECONDS);
    }

    /**
     * Whether a window of {@code samples} that ends the track, shorter than a whole window, is kept:
     * as the track's only window when it holds one analysis frame, otherwise when it also reaches the
     * minimum final length.
     */
    public boolean keepsPartial(int index, long samples) {
        long floor = index == 0 ? FeatureExtractor.MIN_SAMPLES : Math.max(minLastSamples, FeatureExtractor.MIN_SAMPLES);
        return samples >= floor;
    }

    /** The windows of a track of {@code totalSamples}: the same cut the streaming extraction makes. */
    public List<Window> windows(long totalSamples) {
        List<Window> windows = new ArrayList<>();
        long start = 0;
        int index = 0;
        while (totalSamples - start >= windowSamples) {
            windows.add(new Window(index++, start, windowSamples));
            start += windowSamples;
        }
        long rest = totalSamples - start;
        if (rest > 0 && keepsPartial(index, rest)) {
            windows.add(new Window(index, start, (int) rest));
        }
        return windows;
    }

    /** Window {@code index} of a track, {@code length} samples long. */
    public Window window(int index, int length) {
        return new Window(index, (long) index * windowSamples, length);
    }

    private static int toSamples(double seconds) {
        return Math.toIntExact(Math.round(seconds * SAMPLE_RATE));
    }
}
