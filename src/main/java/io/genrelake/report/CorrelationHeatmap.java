package io.genrelake.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** Pearson correlation of every pair of features, blue (−1) to red (+1): shows the redundant ones. */
public final class CorrelationHeatmap {

    private CorrelationHeatmap() {}

    public static void write(double[][] correlation, List<String> names, String title, Path file) throws IOException {
        int n = names.size();
        HeatMapChart chart = new HeatMapChartBuilder().width(260 + 16 * n).height(200 + 16 * n).title(title).build();
        var styler = chart.getStyler();
        styler.setRangeColors(Charts.DIVERGING).setMin(-1).setMax(1).setShowValue(false);
        styler.setPlotContentSize(1.0);
        styler.setXAxisLabelRotation(90);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 9));
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cells.add(new Number[] {j, n - 1 - i, shown(correlation[i][j])});
            }
        }
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        chart.addSeries("Pearson r", names, reversed, cells);
        Charts.savePng(chart, file);
    }

    /**
     * r in [-1, 1] to six decimals, more than a colour can show. XChart 3.8.8's gradient reads the colour after the
     * last for a value just below its maximum (r = 1 - 2⁻⁵³: (r + 1) / 2 rounds to 1), which two tracks produce.
     */
    static double shown(double r) {
        return Math.max(-1, Math.min(1, Math.rint(r * 1e6) / 1e6));
    }
}
