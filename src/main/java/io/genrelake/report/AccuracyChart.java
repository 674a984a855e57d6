package io.genrelake.report;

import io.genrelake.ml.ModelResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Grouped bars of each model's training, cross-validated and test accuracy: the gap between the first
 * and the others is how much a model memorises; CV carries its ± one standard deviation as error bars.
 */
public final class AccuracyChart {

    private AccuracyChart() {}

    public static void write(List<ModelResult> results, String title, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(640, 140 + 90 * results.size())).height(480).title(title)
                .xAxisTitle("model").yAxisTitle("accuracy").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        styler.setYAxisDecimalPattern("0.00");
        styler.setErrorBarsColor(java.awt.Color.BLACK);
        List<String> names = results.stream().map(ModelResult::name).toList();
        List<Double> train = new ArrayList<>();
        List<Double> cv = new ArrayList<>();
        List<Double> cvStd = new ArrayList<>();
        List<Double> test = new ArrayList<>();
        boolean hasTest = results.stream().anyMatch(r -> r.testMetrics() != null);
        for (ModelResult r : results) {
            train.add(r.trainAccuracy());
            cv.add(r.cvAccuracyMean());
            cvStd.add(r.cvAccuracyStd());
            test.add(r.testMetrics() == null ? 0.0 : r.testMetrics().accuracy());
        }
        chart.addSeries("train", names, train);
        chart.addSeries("cross-validation (± std)", names, cv, cvStd);
        if (hasTest) {
            chart.addSeries("held-out test", names, test);
        }
        Charts.savePng(chart, file);
    }
}
