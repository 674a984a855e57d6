package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole training run on a small generated segment table: cross-validation, model choice, the saved
 * model and its card, reloading, and evaluation of the saved model.
 */
class TrainerTest {

    private static SparkSession spark;
    private static final SyntheticFeatures DATA = new SyntheticFeatures(List.of("blues", "jazz", "metal"), 16, 3, 4);

    @TempDir
    static Path dir;

    private static Path csv;
    private static TrainingOutcome outcome;
    private static String modelDir;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void train() throws Exception {
        spark = SparkTestSession.start("TrainerTest");
        csv = DATA.writeCsv(dir.resolve("segments.csv"));
        TrainOptions options = new TrainOptions(csv.toString(), dir.resolve("model").toString(),
                ModelKind.listOf("knn,lr,dt,ensemble"), 3, new PipelineSettings(0, true, 7, 2), Protocol.TRACKS,
                0.25, Aggregation.MEAN, 2, true);
        outcome = new Trainer(spark, progress::add).train(options);
        modelDir = options.modelOut();
        ModelStore.save(spark, outcome, modelDir);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void everyModelIsCrossValidatedPerTrackAndTheBestIsChosenByCvAccuracy() {
        assertEquals(List.of("knn", "lr", "dt", "ensemble"), outcome.results().stream().map(ModelResult::name).toList());
        for (ModelResult r : outcome.results()) {
            assertEquals(3, r.foldAccuracies().length);
            // Per track: 36 training tracks in 3 folds; windows would give 108.
            assertEquals(36, r.cvConfusion().total(), r.name());
            assertEquals(12, r.testConfusion().total(), r.name());
            assertTrue(r.cvAccuracyMean() > 0.5, r.name() + " learns the generated genres: " + r.cvAccuracyMean());
            assertTrue(r.trainSeconds() > 0);
        }
        double bestCv = outcome.results().stream().mapToDouble(ModelResult::cvAccuracyMean).max().orElseThrow();
        assertEquals(bestCv, outcome.best().cvAccuracyMean());
        assertEquals(1, outcome.results().get(0).gridSize(), "quick grids: one point");
        List<String> twoBest = outcome.results().subList(0, 3).stream()
                .sorted(java.util.Comparator.comparingDouble(ModelResult::cvAccuracyMean).reversed())
                .limit(2).map(ModelResult::name).toList();
        assertEquals(twoBest, outcome.results().get(3).params().get("members"),
                "the ensemble averages the two best probabilistic models");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("protocol tracks")), String.join("\n", progress));
    }

    @Test
    void savedModelReloadsAndPredictsIdentically() {
        TrainingTable table = new FeatureTableReader(spark).read(csv.toString());
        Dataset<Row> before = outcome.best().model().transform(table.rows());
        PipelineModel loaded = ModelStore.loadModel(modelDir);
        Dataset<Row> after = loaded.transform(table.rows());
        String scores = List.of(before.columns()).contains("probability") ? "probability" : "rawPrediction";
        List<Row> a = before.orderBy("track_id", "window").select(scores, "predicted_genre").collectAsList();
        List<Row> b = after.orderBy("track_id", "window").select(scores, "predicted_genre").collectAsList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(((Vector) a.get(i).get(0)).toArray(), ((Vector) b.get(i).get(0)).toArray(), 0.0);
            assertEquals(a.get(i).getString(1), b.get(i).getString(1));
        }
        // It classifies rows without a label too (what the catalogue job gives it).
        assertEquals(table.rows().count(), loaded.transform(table.rows().drop("label")).count());
    }

    @Test
    void outOfFoldPredictionsCoverEveryTrainingTrackOnceAndCalibrationIsSavedWithTheModel() throws Exception {
        for (ModelResult r : outcome.results()) {
            TrackPredictions oof = r.outOfFold();
            assertEquals(36, oof.size(), r.name() + ": one prediction per training track (not per window)");
            assertEquals(java.util.Set.of(0, 1, 2), java.util.Arrays.stream(oof.folds()).boxed()
                    .collect(java.util.stream.Collectors.toSet()));
            assertEquals(r.cvConfusion().total(), oof.confusion(3).total());
            assertArrayEquals(r.cvConfusion().counts(), oof.confusion(3).counts(), r.name());
            assertEquals(12, r.heldOut().size());
            assertArrayEquals(r.testConfusion().counts(), r.heldOut().confusion(3).counts(), r.name());
        }
        JsonNode calibration = ModelCard.parse(Files.readString(Path.of(modelDir, ModelCard.FILE_NAME)))
                .get(ModelCard.CALIBRATION);
        for (String field : List.of("method", "ece_bins", "ece_before", "ece_after", "target_precision",
                ModelCard.THRESHOLD, "expected_precision", "coverage", "test_ece_after", "test_precision")) {
            assertTrue(calibration.has(field), "calibration lacks " + field);
        }
        assertEquals(0.9, calibration.get("target_precision").asDouble());
        assertTrue(calibration.get("ece_after").asDouble() <= calibration.get("ece_before").asDouble());
        for (String block : List.of("ece_after_if_calibrated", "test_ece_after_if_calibrated")) {
            JsonNode noise = calibration.get(block);
            assertEquals(CalibrationConsistency.DRAWS, noise.get("draws").asInt(), block);
            assertTrue(noise.get("mean_ece").asDouble() >= 0 && noise.get("mean_ece").asDouble()
                    <= noise.get("high_ece").asDouble(), block + ": " + noise);
            assertTrue(noise.get("p_value").asDouble() >= 0 && noise.get("p_value").asDouble() <= 1, block);
        }
        assertEquals(outcome.calibration().consistency().consistent(),
                calibration.get("ece_after_if_calibrated").get("consistent").asBoolean());
        ProbabilityCalibrationModel saved = ModelStore.loadCalibration(spark, modelDir);
        assertEquals(outcome.calibration().calibration(), saved.calibration());
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("calibration: ")), String.join("\n", progress));
    }

    @Test
    void modelCardHasTheIssuesFields() throws Exception {
        JsonNode card = ModelCard.parse(Files.readString(Path.of(modelDir, ModelCard.FILE_NAME)));
        for (String field : List.of("genres", "feature_columns", "extractor_version", "protocol", "best_model",
                "cv_accuracy_mean", "cv_accuracy_std", "test_accuracy", "models", "training_data_sha256", "created_at")) {
            assertTrue(card.has(field), "model card lacks " + field);
        }
        assertEquals("[\"blues\",\"jazz\",\"metal\"]", card.get("genres").toString());
        assertEquals(57, card.get("feature_columns").size());
        assertEquals(3.0, card.get(ModelCard.WINDOW_SECONDS).asDouble(), "the 3-s segments of the training table");
        assertEquals("tracks", card.get("protocol").asText());
        assertFalse(card.get("leaky").asBoolean());
        assertEquals(outcome.best().name(), card.get("best_model").asText());
        assertEquals(4, card.get("models").size());
        for (JsonNode m : card.get("models")) {
            for (String field : List.of("name", "params", "cv_accuracy_mean", "cv_accuracy_std", "macro_f1",
                    "train_seconds")) {
                assertTrue(m.has(field), "model entry lacks " + field);
            }
        }
        assertEquals(outcome.table().sha256(), card.get("training_data_sha256").asText());
        assertEquals(InputFingerprint.sha256(csv.toString(), spark.sparkContext().hadoopConfiguration()),
                card.get("training_data_sha256").asText());
    }

    @Test
    void evaluateReproducesTheMetricsOfTheSavedModel() {
        EvaluationResult result = new ModelEvaluation(spark).evaluate(modelDir, csv.toString(), null);
        assertEquals(48, result.confusion().total(), "one prediction per track");
        assertTrue(result.sameDataAsTraining(), "the card's sha256 recognises the training data");
        // Training and test tracks together: the refit model's per-track accuracy on them.
        ModelResult best = outcome.best();
        double expected = (best.trainAccuracy() * 36 + best.testMetrics().accuracy() * 12) / 48;
        assertEquals(expected, result.metrics().accuracy(), 1e-9);
        assertTrue(result.toText().contains("accuracy"));
    }

    /**
     * On the test split's tracks alone, evaluate's check of the saved calibration and threshold reads what the card
     * recorded for the test split when training: the same probabilities, map, threshold and figures.
     */
    @Test
    void evaluateChecksTheSavedCalibrationAsTheCardDidOnTheTestSplit() throws Exception {
        java.util.Set<String> testTracks = java.util.Set.of(outcome.best().heldOut().units());
        List<String> lines = Files.readAllLines(csv);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            String name = line.substring(0, line.indexOf(','));
            if (testTracks.contains(name.substring(0, name.indexOf('.', name.indexOf('.') + 1)))) {
                kept.add(line);
            }
        }
        Path testCsv = Files.write(dir.resolve("test-tracks.csv"), kept);
        EvaluationResult result = new ModelEvaluation(spark).evaluate(modelDir, testCsv.toString(), null);
        assertEquals(12, result.confusion().total());
        JsonNode card = ModelCard.parse(Files.readString(Path.of(modelDir, ModelCard.FILE_NAME)))
                .get(ModelCard.CALIBRATION);
        CalibrationCheck check = result.calibration();
        assertEquals(outcome.calibration().calibration().describe(), check.method());
        assertEquals(card.get("test_ece_before").asDouble(), check.eceBefore(), 1e-9);
        assertEquals(card.get("test_ece_after").asDouble(), check.eceAfter(), 1e-9);
        assertEquals(card.get("test_ece_after_if_calibrated").get("mean_ece").asDouble(),
                check.consistency().meanEce(), 1e-9);
        assertEquals(card.get(ModelCard.THRESHOLD).asDouble(), check.atThreshold().threshold(), 1e-12);
        assertEquals(card.get("test_coverage").asDouble(), check.atThreshold().coverage(), 1e-12);
        if (!card.get("test_precision").isNull()) {
            assertEquals(card.get("test_precision").asDouble(), check.atThreshold().precision(), 1e-12);
        }
        assertEquals(card.get("expected_precision").asDouble(), check.expectedPrecision(), 1e-12);
        assertEquals(card.get("coverage").asDouble(), check.expectedCoverage(), 1e-12);
        String text = result.toText();
        assertTrue(text.contains("calibration (" + check.method() + ")") && text.contains("the model card expected"),
                text);
    }

    @Test
    void evaluateRefusesGenresTheModelDoesNotKnow() throws Exception {
        Path other = new SyntheticFeatures(List.of("blues", "polka"), 3, 1, 5).writeCsv(dir.resolve("other.csv"));
        TrainingDataException e = org.junit.jupiter.api.Assertions.assertThrows(TrainingDataException.class,
                () -> new ModelEvaluation(spark).evaluate(modelDir, other.toString(), null));
        assertTrue(e.getMessage().contains("[polka]"), e.getMessage());
    }
}
