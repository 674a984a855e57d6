package io.genrelake.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;

/**
 * Saving and loading a trained model's folder: the PipelineModel (MLlib's layout: {@code metadata/},
 * {@code stages/}) with {@code model-card.json} beside them, through Hadoop's FileSystem so any URI
 * Spark can write works.
 */
public final class ModelStore {

    private ModelStore() {}

    /**
     * The folder, inside the model's, of its calibration stage ({@link ProbabilityCalibrationModel}): applied to
     * a track's aggregated probabilities, so beside the PipelineModel (which scores windows), not in it.
     */
    public static final String CALIBRATION = "calibration";

    /**
     * Saves the best model, its calibration, its out-of-fold predictions ({@link OutOfFoldPredictions}) and, last,
     * its card into {@code uri}, which must not hold a model yet:
     * a model is never overwritten in place (a classify or nightly run may be reading it, and its model_id names
     * what the genre rows were classified with), so each training gets a new folder, e.g. {@code models/v2}.
     * A folder without its card is an unfinished save, and is refused by every reader.
     */
    public static void save(SparkSession spark, TrainingOutcome outcome, String uri) {
        refuseExisting(spark, uri);
        try {
            outcome.best().model().write().save(uri);
            if (outcome.calibration() != null) {
                new ProbabilityCalibrator().model(outcome.calibration().calibration()).write()
                        .save(new Path(uri, CALIBRATION).toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model to " + uri, e);
        }
        writeText(spark.sparkContext().hadoopConfiguration(), new Path(uri, OutOfFoldPredictions.FILE_NAME),
                OutOfFoldPredictions.csv(outcome));
        writeText(spark.sparkContext().hadoopConfiguration(), new Path(uri, ModelCard.FILE_NAME),
                ModelCard.of(outcome).toJson());
        // the plain-Java form that genrelake identify and serve score with, for the kinds it holds
        String whyNot = PortableModelExport.write(spark, uri);
        if (whyNot != null) {
            org.slf4j.LoggerFactory.getLogger(ModelStore.class).info("no {} for {}: {}",
                    io.genrelake.scoring.PortableModel.FILE_NAME, uri, whyNot);
        }
    }

    /** Throws when {@code uri} already holds a model (its card or MLlib's metadata). */
    public static void refuseExisting(SparkSession spark, String uri) {
        for (String name : new String[] {ModelCard.FILE_NAME, "metadata"}) {
            Path p = new Path(uri, name);
            try {
                if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
                    throw new TrainingDataException(uri + " already holds a model; models are never overwritten in "
                            + "place: give --output a new folder (e.g. one per version: models/v2)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot look for " + p, e);
            }
        }
    }

    public static PipelineModel loadModel(String uri) {
        try {
            return PipelineModel.load(uri);
        } catch (RuntimeException e) {
            throw new TrainingDataException("cannot load a genrelake model from " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The model's calibration stage, or null for a model saved without one (trained before calibration). */
    public static ProbabilityCalibrationModel loadCalibration(SparkSession spark, String uri) {
        Path path = new Path(uri, CALIBRATION);
        try {
            if (!path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path)) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + path, e);
        }
        try {
            return ProbabilityCalibrationModel.load(path.toString());
        } catch (RuntimeException e) {
            throw new TrainingDataException("cannot load the calibration of " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The card's JSON text. */
    public static String readCard(SparkSession spark, String uri) {
        Path path = new Path(uri, ModelCard.FILE_NAME);
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (InputStream in = fs.open(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new TrainingDataException("cannot read " + path + " (written by genrelake train beside the model): "
                    + e.getMessage(), e);
        }
    }

    public static void writeText(Configuration conf, Path path, String text) {
        try {
            FileSystem fs = path.getFileSystem(conf);
            fs.setWriteChecksum(false); // no .crc side files beside the card on a local disk
            try (OutputStream out = fs.create(path, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
