package io.genrelake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureSet;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.CalibrationResult;
import io.genrelake.ml.CalibrationSelection;
import io.genrelake.ml.ConfusionMatrix;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.ModelResult;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.SplitPlan;
import io.genrelake.ml.SyntheticProbabilities;
import io.genrelake.ml.TrainOptions;
import io.genrelake.ml.TrainingOutcome;
import io.genrelake.ml.TrainingTable;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plots are real PNGs of a sensible size, drawn headless; the page shows the numbers and the protocol. */
class ReportTest {

    private static final List<String> GENRES = List.of("blues", "jazz", "<rock>");

    /** A calibration of over-confident synthetic predictions, for the page and the plots. */
    private static final CalibrationResult CALIBRATION = CalibrationSelection.run(
            SyntheticProbabilities.of(600, 3, 5, 3.0, 1), SyntheticProbabilities.of(200, 3, 1, 3.0, 2), 0.9);

    @TempDir
    Path dir;

    private static ModelResult result(String name, double foldAccuracy, boolean withTest) {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{8, 1, 1}, {2, 7, 1}, {0, 0, 10}});
        return new ModelResult(name, Map.of("k", 5), new double[] {foldAccuracy, foldAccuracy - 0.1},
                new double[] {0.7, 0.6}, cm, 0.99, withTest ? cm : null, 1.5, 2.5, 4, null, null, null, null, null);
    }

    private static TrainingOutcome outcome(Protocol protocol) {
        List<ModelResult> results = List.of(result("knn", 0.8, true), result("lr", 0.9, true));
        TrainOptions options = new TrainOptions("features.csv", "model", List.of(ModelKind.KNN, ModelKind.LR), 2,
                new PipelineSettings(0, true, 1, 1), protocol, 0.2, Aggregation.MEAN, 2, false);
        TrainingTable table = new TrainingTable(null, "features.csv", "csv", false, null, List.of("kaggle-csv"),
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 0);
        return new TrainingOutcome(options, table, new SplitPlan(null, null, 30, 6), GENRES, results,
                TrainingOutcome.best(results), Instant.parse("2026-01-01T00:00:00Z"), CALIBRATION);
    }

    private static BufferedImage png(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a PNG");
        return image;
    }

    @Test
    void plotsArePngs() throws Exception {
        TrainingOutcome outcome = outcome(Protocol.TRACKS);
        ConfusionMatrixPlot.write(outcome.best().cvConfusion(), GENRES, "confusion", dir.resolve("cm.png"));
        AccuracyChart.write(outcome.results(), "accuracy", dir.resolve("acc.png"));
        List<PcaScatterPlot.Point> points = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            points.add(new PcaScatterPlot.Point(Math.cos(i), Math.sin(i), GENRES.get(i % 3)));
        }
        PcaScatterPlot.write(points, new double[] {0.4, 0.2}, "pca", dir.resolve("pca.png"));
        int n = FeatureSet.SIZE;
        double[][] corr = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                corr[i][j] = i == j ? 1 : Math.cos(i - j) * 0.5;
            }
        }
        CorrelationHeatmap.write(corr, FeatureSet.NAMES, "corr", dir.resolve("corr.png"));
        assertTrue(png(dir.resolve("cm.png")).getWidth() >= 300);
        assertTrue(png(dir.resolve("acc.png")).getWidth() >= 640);
        assertTrue(png(dir.resolve("pca.png")).getHeight() >= 400);
        assertTrue(png(dir.resolve("corr.png")).getWidth() >= 16 * n, "one readable cell per feature");
        ReliabilityDiagram.write(CALIBRATION.binsBefore(), CALIBRATION.binsAfter(), CALIBRATION.consistency(),
                "reliability", dir.resolve("rel.png"));
        AccuracyCoverageChart.write(CALIBRATION.curve(), 0.9, CALIBRATION.choice(), "coverage", dir.resolve("cov.png"));
        assertTrue(png(dir.resolve("rel.png")).getWidth() >= 600);
        assertTrue(png(dir.resolve("cov.png")).getHeight() >= 400);
    }

    /**
     * Two tracks (a tiny feature table): correlations are ±1 give or take a rounding step, and XChart's gradient
     * indexes past its colours for a value one step below its maximum, (r + 1) / 2 rounding to 1 (train failed with
     * an ArrayIndexOutOfBoundsException).
     */
    @Test
    void heatmapOfATinyTableIsDrawn(@TempDir Path dir) throws Exception {
        double[][] corr = {{1, 0.9999999999999999, -0.9999999999999999}, {0.9999999999999999, 1, 0},
            {-0.9999999999999999, 0, 1}};
        CorrelationHeatmap.write(corr, List.of("a", "b", "c"), "corr", dir.resolve("tiny.png"));
        assertTrue(png(dir.resolve("tiny.png")).getWidth() >= 16 * 3);
    }

    @Test
    void pageShowsEveryModelTheBestAndEscapesNames() {
        String html = ReportPage.html(outcome(Protocol.TRACKS),
                new ReportPage.Plots("accuracy.png", "confusion-cv.png", "confusion-test.png", "pca.png", "correlation.png",
                        "reliability.png", "accuracy-coverage.png"));
        assertTrue(html.contains("<td>knn</td>") && html.contains("<td>lr</td>"), html);
        assertTrue(html.contains("<tr class=\"best\"><td>lr</td>"), "the best model (higher CV) is marked");
        assertTrue(html.contains("0.8500 ± 0.0500"), "lr's CV mean ± std");
        assertTrue(html.contains("&lt;rock&gt;") && !html.contains("<rock>"), "genre names are escaped");
        assertTrue(html.contains("Calibration and the uncertain threshold") && html.contains("15 equal-width"), html);
        for (String img : List.of("accuracy.png", "confusion-cv.png", "confusion-test.png", "pca.png", "correlation.png",
                "reliability.png", "accuracy-coverage.png")) {
            assertTrue(html.contains("src=\"" + img + "\""), img);
        }
        assertFalse(html.contains("LEAKY"));
    }

    @Test
    void aGroupedEvaluationLeadsWithItsFigureAndShowsTheTrackGroupedOneBeside() {
        TrainingOutcome track = outcome(Protocol.TRACKS);
        List<ModelResult> byTrack = List.of(result("knn", 0.95, true), result("lr", 0.97, true));
        TrainingOutcome grouped = new TrainingOutcome(track.options(), track.table(), track.split(), GENRES,
                track.results(), track.best(), track.createdAt(),
                new io.genrelake.ml.EvaluationScheme(io.genrelake.ml.Grouping.ARTIST, null, 2), byTrack,
                track.calibration());
        String html = ReportPage.html(grouped, new ReportPage.Plots("a.png", "b.png", null, "c.png", "d.png", null, null));
        assertTrue(html.contains("<b>lr</b>: CV accuracy grouped by artist 0.8500 ± 0.0500, test accuracy 0.8333 "
                + "(CV by track, for comparison: 0.9200 ± 0.0500)"), html);
        assertTrue(html.contains("<th>CV by artist acc. (mean ± std)</th><th>CV by track (comparison)</th>"), html);
        assertTrue(html.contains("grouped by artist; 6 held out"), html);
    }

    @Test
    void foldRepeatsAreARowBesideTheBestModel() {
        TrainingOutcome one = outcome(Protocol.TRACKS);
        assertFalse(ReportPage.html(one, new ReportPage.Plots("a.png", "b.png", null, "c.png", "d.png", null, null))
                .contains("fold repeats"));
        TrainingOutcome repeated = new TrainingOutcome(one.options(), one.table(), one.split(), GENRES, one.results(),
                one.best(), one.createdAt(), one.evaluation(), one.trackGrouped(), one.calibration(),
                new io.genrelake.ml.FoldRepeats("lr", new long[] {42, 43, 44}, new double[] {0.85, 0.8, 0.75}));
        String html = ReportPage.html(repeated, new ReportPage.Plots("a.png", "b.png", null, "c.png", "d.png", null,
                null));
        assertTrue(html.contains("<th>fold repeats</th><td style=\"text-align:left\">lr over 3 assignments of the groups to folds: CV accuracy "
                + "0.8000 ± 0.0408 (0.7500 to 0.8500; seed 42 0.8500, seed 43 0.8000, seed 44 0.7500); the grid point "
                + "chosen on the first</td>"), html);
    }

    @Test
    void leakyProtocolIsShoutedOnThePage() {
        String html = ReportPage.html(outcome(Protocol.LEAKY_SEGMENTS),
                new ReportPage.Plots("a.png", "b.png", null, "c.png", "d.png", null, null));
        assertTrue(html.contains("<title>genrelake training report (LEAKY)</title>"));
        assertTrue(html.contains("class=\"leaky\""));
        assertEquals(-1, html.indexOf("src=\"null\""), "no test plot without a test set");
    }
}
