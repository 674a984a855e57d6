package io.genrelake.report;

import io.genrelake.ml.CalibrationConsistency;
import io.genrelake.ml.Reliability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The reliability diagram: accuracy against mean confidence per confidence bin, before and after
 * calibration, with the diagonal of perfect calibration; a point's distance below the diagonal is
 * over-confidence. Empty bins are left out. Each calibrated bin carries its consistency bar (Bröcker & Smith
 * 2007): the range of accuracy calibrated predictions of that bin would show by chance, so a point inside its
 * bar is no evidence of miscalibration.
 */
public final class ReliabilityDiagram {

    private ReliabilityDiagram() {}

    public static void write(Reliability.Bin[] before, Reliability.Bin[] after,
            CalibrationConsistency.Result consistency, String title, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(560).title(title).xAxisTitle("confidence (mean of bin)")
                .yAxisTitle("accuracy").build();
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        styler.setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        chart.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1})
                .setMarker(SeriesMarkers.NONE).setLineColor(java.awt.Color.GRAY);
        addBars(chart, after, consistency); // first, so that the points are drawn over them
        add(chart, "before", before);
        add(chart, "after (cross-fitted)", after);
        Charts.savePng(chart, file);
    }

    /** One vertical segment per non-empty bin, at its mean confidence; only the first is named in the legend. */
    private static void addBars(XYChart chart, Reliability.Bin[] bins, CalibrationConsistency.Result consistency) {
        boolean named = false;
        for (int b = 0; b < bins.length; b++) {
            if (bins[b].count() == 0) {
                continue;
            }
            double x = bins[b].meanConfidence();
            String name = named ? "bar " + b : String.format(java.util.Locale.ROOT, "%.0f%% range if calibrated",
                    100 * (1 - CalibrationConsistency.OUTSIDE));
            XYSeries bar = chart.addSeries(name, new double[] {x, x},
                    new double[] {consistency.binLow()[b], consistency.binHigh()[b]});
            bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(java.awt.Color.LIGHT_GRAY);
            bar.setMarkerColor(java.awt.Color.LIGHT_GRAY);
            bar.setShowInLegend(!named);
            named = true;
        }
    }

    private static void add(XYChart chart, String name, Reliability.Bin[] bins) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Reliability.Bin b : bins) {
            if (b.count() > 0) {
                x.add(b.meanConfidence());
                y.add(b.accuracy());
            }
        }
        if (!x.isEmpty()) {
            XYSeries series = chart.addSeries(name, x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
    }
}
