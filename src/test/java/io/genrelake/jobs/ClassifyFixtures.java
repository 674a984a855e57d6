package io.genrelake.jobs;

import io.genrelake.audio.WavWriter;
import io.genrelake.catalogue.TestLibrary;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.CalibrationSelection;
import io.genrelake.ml.Grouping;
import io.genrelake.ml.LabelOrigin;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.SyntheticFeatures;
import io.genrelake.ml.TrainOptions;
import io.genrelake.ml.Trainer;
import io.genrelake.neural.NeuralSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Shared by the classify, nightly and cluster tests: a small trained model and small audio files. */
public final class ClassifyFixtures {

    public static final List<String> GENRES = List.of("blues", "jazz", "metal");

    private ClassifyFixtures() {}

    /**
     * A logistic regression trained on generated features (fast: 2 folds, one grid point) of 1-s segments, so that
     * its card's {@code window_seconds} is the tests' window plan (1 s, last window ≥ 0.5 s).
     */
    public static String trainModel(SparkSession spark, Path dir) throws IOException {
        Path csv = new SyntheticFeatures(GENRES, 6, 2, 11).writeCsv(dir.resolve("train.csv"), 22050);
        String model = dir.resolve("model").toString();
        TrainOptions options = new TrainOptions(csv.toString(), model, ModelKind.listOf("lr"), 2,
                new PipelineSettings(0, true, 7, 1), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true);
        ModelStore.save(spark, new Trainer(spark, line -> { }).train(options), model);
        return model;
    }

    /**
     * A CNN trained for two quick epochs on {@code library} (labels: the files' folders) extracted with neural
     * inputs in the tests' window plan (1 s, last window ≥ 0.5 s): a real neural model in a saved model folder,
     * not a good one. Two folds grouped by track, no track-grouped comparison, one TensorFlow thread.
     */
    public static String trainCnn(SparkSession spark, Path dir, Path library) throws IOException, NoInputException {
        String table = dir.resolve("cnn-train").toString();
        ExtractJob.run(spark, new ExtractOptions().inputs(List.of(library.toString())).output(table)
                .windowSeconds(1).minLastWindowSeconds(0.5).neuralInputs(true));
        String model = dir.resolve("cnn").toString();
        NeuralSettings quick = new NeuralSettings(4, 0.01f, 2, 1, 1, 0.25, 0.5, 0.2, 64, false, 1, 1);
        TrainOptions options = new TrainOptions(List.of(table), model, ModelKind.listOf("cnn"), 2,
                new PipelineSettings(0, true, 7, 1), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true, Grouping.TRACK,
                null, null, CalibrationSelection.DEFAULT_TARGET_PRECISION, LabelOrigin.LABELS, quick, false);
        ModelStore.save(spark, new Trainer(spark, line -> { }).train(options), model);
        return model;
    }

    /**
     * A logistic regression trained on six tones in the tests' window plan, three low (labelled {@code low}) and three
     * high: unlike {@link #trainModel}, whose generated features are nothing like a tone's, it gives tones in between
     * probabilities in between, not a certain 1.
     */
    public static String trainOnTones(SparkSession spark, Path dir) throws IOException, NoInputException {
        return trainOnTones(spark, dir, FeatureSetKind.GTZAN);
    }

    /** As {@link #trainOnTones(SparkSession, Path)}, a model of {@code featureSet}'s columns. */
    public static String trainOnTones(SparkSession spark, Path dir, FeatureSetKind featureSet)
            throws IOException, NoInputException {
        String suffix = featureSet == FeatureSetKind.GTZAN ? "" : "-" + featureSet.label();
        Path tones = dir.resolve("tones");
        for (int i = 0; i < 3; i++) {
            writeTone(tones.resolve("low/" + i + ".wav"), 110 + 40 * i, 20 + i);
            writeTone(tones.resolve("high/" + i + ".wav"), 2000 + 400 * i, 30 + i);
        }
        String table = dir.resolve("tones-table" + suffix).toString();
        ExtractJob.run(spark, new ExtractOptions().inputs(List.of(tones.toString())).output(table).windowSeconds(1)
                .minLastWindowSeconds(0.5).featureSet(featureSet));
        String model = dir.resolve("tones-model" + suffix).toString();
        TrainOptions options = new TrainOptions(List.of(table), model, ModelKind.listOf("lr"), 2,
                new PipelineSettings(0, true, 7, 1), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true, Grouping.TRACK,
                null, null, CalibrationSelection.DEFAULT_TARGET_PRECISION, LabelOrigin.LABELS, null, false);
        ModelStore.save(spark, new Trainer(spark, line -> { }).train(options), model);
        return model;
    }

    /** The same model under a new identity: its card says it was created at another time. */
    public static String retrained(String model, Path dir) throws IOException {
        Path copy = copy(model, dir.resolve("model-v2"));
        Path card = copy.resolve("model-card.json");
        String text = Files.readString(card);
        Files.deleteIfExists(copy.resolve(".model-card.json.crc")); // Hadoop's checksum of the old text
        Files.writeString(card, text.replaceFirst("\"created_at\" : \"[^\"]*\"", "\"created_at\" : \"2030-01-01T00:00:00Z\""));
        return copy.toString();
    }

    private static Path copy(String model, Path copy) throws IOException {
        try (var walk = Files.walk(Path.of(model))) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(Path.of(model).relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    /**
     * A copy of the model in {@code dir/name} whose card's calibration threshold is {@code threshold}; with
     * null, the model as trained before calibration: no calibration stage, no calibration in the card.
     */
    public static String withThreshold(String model, Path dir, String name, Double threshold) throws IOException {
        Path copy = copy(model, dir.resolve(name));
        Path card = copy.resolve(ModelCard.FILE_NAME);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(card));
        if (threshold == null) {
            json.remove(ModelCard.CALIBRATION);
            try (var walk = Files.walk(copy.resolve(ModelStore.CALIBRATION))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } else {
            ((ObjectNode) json.get(ModelCard.CALIBRATION)).put(ModelCard.THRESHOLD, threshold);
        }
        Files.deleteIfExists(copy.resolve(".model-card.json.crc"));
        Files.writeString(card, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return copy.toString();
    }

    /**
     * A copy of the model in {@code dir/name}, under a new identity, whose card says to smooth by {@code by} at
     * {@code weight} ({@code train --smooth-by}).
     */
    public static String withSmoothing(String model, Path dir, String name, String by, double weight)
            throws IOException {
        Path copy = copy(model, dir.resolve(name));
        Path card = copy.resolve(ModelCard.FILE_NAME);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(card));
        json.putObject(ModelCard.SMOOTHING).put("by", by).put("weight", weight);
        json.put("created_at", "2031-01-01T00:00:00Z");
        Files.deleteIfExists(copy.resolve(".model-card.json.crc"));
        Files.writeString(card, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        return copy.toString();
    }

    /** A 1.5-s tone (two 1-s windows with the tests' plan: 1 s, last window ≥ 0.5 s). */
    public static void writeTone(Path file, double hz, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        WavWriter.writePcm16(file, TestLibrary.music(1.5, hz, seed), TestLibrary.SR);
    }
}
