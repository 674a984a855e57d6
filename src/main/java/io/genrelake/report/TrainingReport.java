package io.genrelake.report;

import static org.apache.spark.sql.functions.col;

import io.genrelake.features.FeatureSet;
import io.genrelake.ml.CalibrationResult;
import io.genrelake.ml.Reliability;
import io.genrelake.ml.TrainingOutcome;
import io.genrelake.ml.TrainingTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Correlation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes {@code report.html} and its PNG plots into the model folder: accuracy per model, the best
 * model's confusion matrices (CV and test), its reliability diagram and accuracy–coverage curve (calibration),
 * the training tracks on two principal components, and the feature correlations. Plots are drawn in a local temporary folder and copied through Hadoop's
 * FileSystem, so the model folder may be on HDFS or S3.
 */
public final class TrainingReport {

    public static final String FILE_NAME = "report.html";
    /** At most this many points in the scatter plot (a random sample beyond). */
    static final int MAX_SCATTER_POINTS = 5000;

    private TrainingReport() {}

    /** Writes the report next to the model; returns the report's file name. */
    public static String write(SparkSession spark, TrainingOutcome outcome, String modelUri) {
        Path local;
        try {
            local = Files.createTempDirectory("genrelake-report");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the report", e);
        }
        try {
            writeLocal(outcome, local);
            copyTo(spark, local, modelUri);
            return FILE_NAME;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report for " + modelUri, e);
        } finally {
            deleteQuietly(local);
        }
    }

    /** Draws the plots and the page into a local folder. */
    public static void writeLocal(TrainingOutcome outcome, Path dir) throws IOException {
        String tag = outcome.options().protocol().leaky() ? " — LEAKY" : "";
        String unit = outcome.options().protocol().leaky() ? "segments" : "tracks";
        var best = outcome.best();
        AccuracyChart.write(outcome.results(), "Accuracy per model (" + unit + ")" + tag, dir.resolve("accuracy.png"));
        ConfusionMatrixPlot.write(best.cvConfusion(), outcome.genres(),
                best.name() + ": cross-validation confusion (% of true genre)" + tag, dir.resolve("confusion-cv.png"));
        String testPlot = null;
        if (best.testConfusion() != null) {
            testPlot = "confusion-test.png";
            ConfusionMatrixPlot.write(best.testConfusion(), outcome.genres(),
                    best.name() + ": test confusion (% of true genre)" + tag, dir.resolve(testPlot));
        }
        String reliabilityPlot = null;
        String coveragePlot = null;
        CalibrationResult calibration = outcome.calibration();
        if (calibration != null) {
            reliabilityPlot = "reliability.png";
            coveragePlot = "accuracy-coverage.png";
            ReliabilityDiagram.write(calibration.binsBefore(), calibration.binsAfter(),
                    calibration.consistency(), best.name()
                    + ": reliability, out-of-fold " + unit + " (" + Reliability.BINS + " bins)" + tag,
                    dir.resolve(reliabilityPlot));
            AccuracyCoverageChart.write(calibration.curve(), calibration.targetPrecision(), calibration.choice(),
                    best.name() + ": accuracy against coverage, out-of-fold " + unit + tag, dir.resolve(coveragePlot));
        }
        // The best model's own pipeline output carries the assembled and the scaled features.
        Dataset<Row> transformed = best.model().transform(outcome.split().train()).cache();
        try {
            PCAModel pca = new PCA().setInputCol("scaled").setOutputCol("pc").setK(2).fit(transformed);
            Dataset<Row> projected = pca.transform(transformed).select(col("pc"), col(TrainingTable.LABEL));
            long n = projected.count();
            if (n > MAX_SCATTER_POINTS) {
                projected = projected.sample(false, (double) MAX_SCATTER_POINTS / n, outcome.options().pipeline().seed());
            }
            List<PcaScatterPlot.Point> points = new ArrayList<>();
            for (Row r : projected.collectAsList()) {
                Vector v = (Vector) r.get(0);
                points.add(new PcaScatterPlot.Point(v.apply(0), v.apply(1), r.getString(1)));
            }
            PcaScatterPlot.write(points, pca.explainedVariance().toArray(),
                    "Training " + unit + " on the first two principal components" + tag, dir.resolve("pca.png"));

            Matrix corr = (Matrix) Correlation.corr(transformed, "assembled").first().get(0);
            double[][] r = new double[corr.numRows()][corr.numCols()];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r.length; j++) {
                    double v = corr.apply(i, j);
                    r[i][j] = Double.isFinite(v) ? v : 0; // a constant feature has no correlation
                }
            }
            List<String> names = new ArrayList<>();
            for (String name : FeatureSet.NAMES) {
                names.add(outcome.options().pipeline().logVariances() && name.endsWith("_var") ? "log " + name : name);
            }
            CorrelationHeatmap.write(r, names, "Feature correlation (Pearson)" + tag, dir.resolve("correlation.png"));
        } finally {
            transformed.unpersist();
        }
        Files.writeString(dir.resolve(FILE_NAME), ReportPage.html(outcome, new ReportPage.Plots("accuracy.png",
                "confusion-cv.png", testPlot, "pca.png", "correlation.png", reliabilityPlot, coveragePlot)));
    }

    private static void copyTo(SparkSession spark, Path local, String modelUri) throws IOException {
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(modelUri);
        FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false); // no .crc side files beside the report on a local disk
        try (Stream<Path> files = Files.list(local)) {
            for (Path file : files.toList()) {
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.fs.Path(target, file.getFileName().toString()));
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
