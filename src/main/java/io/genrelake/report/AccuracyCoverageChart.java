package io.genrelake.report;

import io.genrelake.ml.PrecisionThreshold;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against coverage: keeping only the predictions above a confidence threshold, how many are
 * kept and how many of those are right; the target precision as a line and the chosen threshold as a point.
 */
public final class AccuracyCoverageChart {

    private AccuracyCoverageChart() {}

    public static void write(List<PrecisionThreshold.Point> curve, double target, PrecisionThreshold.Choice chosen,
            String title, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(480).title(title)
                .xAxisTitle("coverage (share of tracks kept)").yAxisTitle("accuracy of the kept tracks").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideSW);
        styler.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMax(1.0);
        styler.setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        double[] coverage = curve.stream().mapToDouble(PrecisionThreshold.Point::coverage).toArray();
        double[] accuracy = curve.stream().mapToDouble(PrecisionThreshold.Point::accuracy).toArray();
        chart.addSeries("calibrated, cross-fitted", coverage, accuracy).setMarker(SeriesMarkers.NONE);
        chart.addSeries(String.format(java.util.Locale.ROOT, "target precision %.2f", target),
                new double[] {0, 1}, new double[] {target, target}).setMarker(SeriesMarkers.NONE)
                .setLineColor(java.awt.Color.GRAY);
        if (chosen.coverage() > 0) {
            chart.addSeries(String.format(java.util.Locale.ROOT, "threshold %.3f", chosen.threshold()),
                    new double[] {chosen.coverage()}, new double[] {chosen.precision()})
                    .setMarker(SeriesMarkers.DIAMOND);
        }
        Charts.savePng(chart, file);
    }
}
