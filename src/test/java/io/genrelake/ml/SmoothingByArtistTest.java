package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.genres.GenrePredictor;
import io.genrelake.genres.GenreRows;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --smooth-by artist} end to end in Spark: train judges and saves it (card, fold repeats, a calibration fitted on
 * the smoothed predictions), and classify mixes each track with its artist's tracks exactly as
 * {@link GroupSmoothing#mix} says, also when the artist's other tracks come only as context (nightly).
 */
class SmoothingByArtistTest {

    private static final List<String> GENRES = List.of("blues", "jazz", "metal");
    private static final SyntheticFeatures DATA = new SyntheticFeatures(GENRES, 9, 2, 5);
    private static final String LONER = "jazz.00004";
    private static final String SHOUTED = "blues.00003";

    private static SparkSession spark;
    private static Dataset<Row> table;
    private static TrainingOutcome outcome;
    private static String modelDir;

    @TempDir
    static Path dir;

    @BeforeAll
    static void train() {
        spark = SparkTestSession.start("SmoothingByArtistTest");
        // three artists per genre, three tracks each: "blues-0" sings blues.00000, .00003 and .00006
        Dataset<Row> rows = DATA.extractTable(spark).withColumn("artist", expr(
                "concat(substring_index(track_id, '.', 1), '-', cast(substring_index(track_id, '.', -1) as int) % 3)"))
                .withColumn("error", expr("cast(null as string)"));
        String path = dir.resolve("table").toString();
        rows.write().parquet(path);
        table = spark.read().parquet(path);
        modelDir = dir.resolve("model").toString();
        TrainOptions options = new TrainOptions(List.of(path), modelDir, ModelKind.listOf("lr"), 2,
                new PipelineSettings(0, true, 7, 2), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true, Grouping.ARTIST,
                null, null, 0.9, LabelOrigin.LABELS, null, false, 2, Grouping.ARTIST);
        outcome = new Trainer(spark, line -> { }).train(options);
        ModelStore.save(spark, outcome, modelDir);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void trainJudgesTheSmoothingOnTheSameFoldsAndSavesIt() {
        GroupSmoothing.Evaluation e = outcome.smoothing();
        assertNotNull(e);
        // unsmoothed, the per-fold figures from the predictions are the model's own: same units, same folds
        assertEquals(outcome.best().cvAccuracyMean(), e.accuracyBefore(), 1e-12);
        assertEquals(DATA.genres.size() * DATA.tracksPerGenre, e.outOfFold().size());
        // the calibration is fitted on the smoothed predictions
        assertEquals(Reliability.ece(e.outOfFold().probabilities(), e.outOfFold().labels()),
                outcome.calibration().eceBefore(), 1e-12);

        JsonNode card = ModelCard.parse(ModelStore.readCard(spark, modelDir));
        JsonNode s = card.get(ModelCard.SMOOTHING);
        assertEquals("artist", s.get("by").asText());
        assertEquals(e.chosen().weight(), s.get("weight").asDouble());
        assertEquals(e.accuracy(), s.get("cv_accuracy_mean").asDouble(), 1e-12);
        assertEquals(2, s.get("cv_fold_weights").size());
        assertTrue(card.get(ModelCard.CALIBRATION).get("fitted_on").asText().endsWith("smoothing by artist"));
        assertEquals(2, card.get("fold_repeats").get("smoothed_cv_accuracies").size());
        assertEquals(e.accuracy(), card.get("fold_repeats").get("smoothed_cv_accuracies").get(0).asDouble(), 1e-12);

        String html = io.genrelake.report.ReportPage.html(outcome,
                new io.genrelake.report.ReportPage.Plots("a.png", "b.png", null, "c.png", "d.png", null, null));
        assertTrue(html.contains("smoothed by artist: CV accuracy grouped by artist"), "report row");

        ModelIdentity identity = ModelIdentity.of(card, modelDir);
        if (e.chosen().weight() == 0) {
            assertNull(identity.smoothing()); // smoothing that did not help is not applied
        } else {
            assertEquals(e.chosen(), identity.smoothing());
        }
    }

    @Test
    void classifyMixesEachTrackWithItsArtistsTracks() {
        // one track's artist spelled differently (still the same artist), one track with none
        Dataset<Row> catalogue = table.withColumn("artist", expr("case when track_id = '" + LONER + "' then null "
                + "when track_id = '" + SHOUTED + "' then ' BLUES-0 ' else artist end"));
        Map<String, double[]> raw = probabilities(null, catalogue, null);
        Map<String, double[]> smoothed = probabilities(new GroupSmoothing(Grouping.ARTIST, 0.5), catalogue, null);
        assertEquals(raw.keySet(), smoothed.keySet());
        for (String track : raw.keySet()) {
            double[] expected = raw.get(track);
            if (!track.equals(LONER)) {
                double[] mean = new double[GENRES.size()];
                // SHOUTED's artist, trimmed and lower-cased, is its mates' artist
                List<String> mates = raw.keySet().stream().filter(t -> !t.equals(LONER)
                        && artistOf(t).equals(artistOf(track))).toList();
                for (String mate : mates) {
                    for (int k = 0; k < mean.length; k++) {
                        mean[k] += raw.get(mate)[k] / mates.size();
                    }
                }
                expected = new GroupSmoothing(Grouping.ARTIST, 0.5).mix(raw.get(track), mean);
            }
            for (int k = 0; k < GENRES.size(); k++) {
                assertEquals(expected[k], smoothed.get(track)[k], 1e-9, track + " " + GENRES.get(k));
            }
        }
        // a table that names no artist is classified unsmoothed
        Map<String, double[]> anonymous = probabilities(new GroupSmoothing(Grouping.ARTIST, 0.5),
                table.drop("artist"), null);
        for (String track : raw.keySet()) {
            for (int k = 0; k < GENRES.size(); k++) {
                assertEquals(raw.get(track)[k], anonymous.get(track)[k], 1e-12);
            }
        }
    }

    /** Nightly's case: the night's tracks, their artists' other tracks given as context only. */
    @Test
    void contextTracksCountForTheirArtistButGetNoRow() {
        GroupSmoothing smoothing = new GroupSmoothing(Grouping.ARTIST, 0.75);
        Map<String, double[]> whole = probabilities(smoothing, table, null);
        Dataset<Row> tonight = table.where(col("track_id").endsWith("0").or(col("track_id").endsWith("4")));
        Dataset<Row> before = table.except(tonight);
        Map<String, double[]> night = probabilities(smoothing, tonight, before.union(tonight));
        assertEquals(tonight.select("track_id").distinct().count(), night.size());
        for (Map.Entry<String, double[]> e : night.entrySet()) {
            for (int k = 0; k < GENRES.size(); k++) {
                assertEquals(whole.get(e.getKey())[k], e.getValue()[k], 1e-9, e.getKey());
            }
        }
        // without the context, a track of an artist with no other track tonight keeps its own probabilities
        Map<String, double[]> alone = probabilities(null, tonight, null);
        Map<String, double[]> noContext = probabilities(smoothing, tonight, null);
        assertEquals(alone.get("blues.00000")[0], noContext.get("blues.00000")[0], 1e-12);
        assertTrue(Math.abs(alone.get("blues.00000")[0] - night.get("blues.00000")[0]) > 1e-6);
    }

    /** {@code evaluate} scores a smoothing model as classify does: the same genres, so the same accuracy. */
    @Test
    void evaluateSmoothsAsTheCardSays() throws Exception {
        Path copy = dir.resolve("model-smoothed");
        try (var walk = Files.walk(Path.of(modelDir))) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(Path.of(modelDir).relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".model-card.json.crc")) {
                    Files.copy(p, target);
                }
            }
        }
        Path card = copy.resolve(ModelCard.FILE_NAME);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(Files.readString(card));
        json.putObject(ModelCard.SMOOTHING).put("by", "artist").put("weight", 0.75);
        Files.writeString(card, json.toString());

        // one artist with every blues track and one jazz track: smoothing takes the jazz one to blues
        String path = dir.resolve("evaluate-table").toString();
        table.withColumn("artist", expr("case when track_id like 'blues.%' or track_id = 'jazz.00000' then 'big' "
                + "else artist end")).write().parquet(path);
        Dataset<Row> mixed = spark.read().parquet(path);
        Map<String, double[]> smoothed = probabilities(new GroupSmoothing(Grouping.ARTIST, 0.75), mixed, null);
        long right = smoothed.entrySet().stream().filter(e -> GENRES.get(TrackPredictions.argmax(e.getValue()))
                .equals(e.getKey().substring(0, e.getKey().indexOf('.')))).count();
        Map<String, double[]> raw = probabilities(null, mixed, null);
        assertTrue(raw.keySet().stream().anyMatch(t -> TrackPredictions.argmax(raw.get(t))
                != TrackPredictions.argmax(smoothed.get(t))), "smoothing changes some genre here, so the test can tell");
        EvaluationResult result = new ModelEvaluation(spark).evaluate(copy.toString(), path, null);
        assertEquals(new GroupSmoothing(Grouping.ARTIST, 0.75), result.smoothing());
        assertEquals((double) right / smoothed.size(), result.metrics().accuracy(), 1e-12);
        assertTrue(result.toText().contains("each track smoothed by artist at weight 0.75"), result.toText());
    }

    /** "blues-0" for blues.00003. */
    private static String artistOf(String track) {
        String[] parts = track.split("\\.");
        return parts[0] + "-" + Integer.parseInt(parts[1]) % 3;
    }

    /** Each classified track's probabilities in genre order, with no calibration and no threshold. */
    private static Map<String, double[]> probabilities(GroupSmoothing smoothing, Dataset<Row> features,
            Dataset<Row> context) {
        ModelIdentity identity = new ModelIdentity("lr@test", GENRES, "mean", FeatureSetKind.DEFAULT, null, null,
                smoothing);
        PipelineModel model = ModelStore.loadModel(modelDir);
        Dataset<Row> genres = new GenrePredictor(spark, model, new GenreRows(identity, 0L, "2026-01-01"))
                .classify(features, context);
        Map<String, double[]> out = new HashMap<>();
        for (Row r : genres.select(GenreTable.TRACK_ID, GenreTable.PROBABILITIES).collectAsList()) {
            Map<String, Double> p = r.getJavaMap(1);
            out.put(r.getString(0), GENRES.stream().mapToDouble(p::get).toArray());
        }
        assertEquals(out.size(), genres.count(), "one row per track");
        return out;
    }
}
