package io.genrelake.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The tracks on the first two principal components of the scaled features, one colour per genre. */
public final class PcaScatterPlot {

    /** One point: its two coordinates and its genre. */
    public record Point(double x, double y, String genre) {}

    private PcaScatterPlot() {}

    public static void write(List<Point> points, double[] explainedVariance, String title, Path file)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(760).height(600).title(title)
                .xAxisTitle(String.format(java.util.Locale.ROOT, "PC1 (%.0f%% of variance)", 100 * explainedVariance[0]))
                .yAxisTitle(String.format(java.util.Locale.ROOT, "PC2 (%.0f%% of variance)", 100 * explainedVariance[1]))
                .build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter)
                .setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(5);
        Map<String, List<double[]>> byGenre = new TreeMap<>();
        for (Point p : points) {
            byGenre.computeIfAbsent(p.genre(), g -> new ArrayList<>()).add(new double[] {p.x(), p.y()});
        }
        for (Map.Entry<String, List<double[]>> e : byGenre.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            double[] ys = e.getValue().stream().mapToDouble(v -> v[1]).toArray();
            chart.addSeries(e.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
        }
        Charts.savePng(chart, file);
    }
}
