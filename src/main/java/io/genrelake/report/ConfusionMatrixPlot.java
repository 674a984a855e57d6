package io.genrelake.report;

import io.genrelake.ml.ConfusionMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Heatmap of a confusion matrix: true genre up the side, predicted genre along the bottom, each cell
 * the share of the true genre's tracks (so rows sum to 100 whatever the class sizes), with the count.
 */
public final class ConfusionMatrixPlot {

    private ConfusionMatrixPlot() {}

    public static void write(ConfusionMatrix matrix, List<String> genres, String title, Path file) throws IOException {
        int n = genres.size();
        HeatMapChart chart = new HeatMapChartBuilder().width(140 + 62 * n).height(120 + 48 * n).title(title)
                .xAxisTitle("predicted genre").yAxisTitle("true genre").build();
        var styler = chart.getStyler();
        styler.setRangeColors(Charts.SEQUENTIAL).setShowValue(true).setMin(0).setMax(100)
                .setHeatMapValueDecimalPattern("0");
        styler.setPlotContentSize(1.0);
        chart.getStyler().setLegendVisible(false);
        List<Number[]> cells = new ArrayList<>();
        for (int actual = 0; actual < n; actual++) {
            long rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += matrix.count(actual, p);
            }
            for (int predicted = 0; predicted < n; predicted++) {
                double share = rowTotal == 0 ? 0 : 100.0 * matrix.count(actual, predicted) / rowTotal;
                // Rows drawn bottom-up: the first genre goes on top, as in a printed matrix.
                cells.add(new Number[] {predicted, n - 1 - actual, share});
            }
        }
        List<String> reversed = new ArrayList<>(genres);
        java.util.Collections.reverse(reversed);
        chart.addSeries("share of true genre (%)", genres, reversed, cells);
        Charts.savePng(chart, file);
    }
}
