package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation grouped the way users meet music: folds and test split grouped by artist, the track-grouped
 * comparison beside it, several sources with a genre map, and GTZAN's fixed artist-disjoint split.
 */
class GroupedTrainingTest {

    private static SparkSession spark;
    /** 3 genres × 16 tracks × 2 windows; 4 tracks per artist. */
    private static final SyntheticFeatures DATA = new SyntheticFeatures(List.of("blues", "jazz", "metal"), 16, 2, 11);

    @TempDir
    static Path dir;

    private static String artistTable;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("GroupedTrainingTest");
        artistTable = parquet(withArtists(DATA.extractTable(spark)), "artists");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Artist = genre + track number mod 4 (four tracks each); album = artist + track number mod 2. */
    private static Dataset<Row> withArtists(Dataset<Row> rows) {
        return rows.withColumn("artist", concat(col("label"), lit("-artist"),
                        pmod(substring_index(col("track_id"), ".", -1).cast("int"), lit(4)).cast("string")))
                .withColumn("album", concat(col("artist"), lit("-album"),
                        pmod(substring_index(col("track_id"), ".", -1).cast("int"), lit(2)).cast("string")));
    }

    private static String parquet(Dataset<Row> rows, String name) {
        String path = dir.resolve(name).toString();
        rows.write().parquet(path);
        return path;
    }

    private static TrainOptions options(String models, List<String> features, String model, Grouping groupBy,
            String split, String genreMap) {
        return new TrainOptions(features, dir.resolve(model).toString(), ModelKind.listOf(models), 3,
                new PipelineSettings(0, true, 7, 2), Protocol.TRACKS, 0.25, Aggregation.MEAN, 2, true, groupBy, split,
                genreMap, CalibrationSelection.DEFAULT_TARGET_PRECISION);
    }

    @Test
    void noArtistIsInTwoFoldsNorOnBothSidesOfTheTestSplit() {
        TrainingTable table = new FeatureTableReader(spark).read(artistTable);
        SplitPlan split = SplitPlan.of(spark, table.rows(), Protocol.TRACKS, Grouping.ARTIST, 3, 0.25, 9);
        assertEquals(0, split.train().groupBy(TrainingTable.ARTIST).agg(countDistinct(SplitPlan.FOLD).as("n"))
                .filter(col("n").gt(1)).count(), "an artist in two folds");
        assertEquals(0, split.train().select(TrainingTable.ARTIST).intersect(split.test().select(TrainingTable.ARTIST))
                .count(), "an artist in training and test");
        assertEquals(48, split.trainUnits() + split.testUnits());
        assertEquals(16 * 3 * 2, split.train().count() + split.test().count(), "no row lost");
        assertTrue(split.testUnits() >= 4 && split.testUnits() <= 16, "about a quarter held out: " + split.testUnits());
        assertEquals(List.of(), split.warnings(), "3 genres × 4 artists, about 3 per genre in training: 3 folds fit");

        SplitPlan fiveFolds = SplitPlan.of(spark, table.rows(), Protocol.TRACKS, Grouping.ARTIST, 5, 0.25, 9);
        assertEquals(1, fiveFolds.warnings().size());
        assertTrue(fiveFolds.warnings().get(0).contains("fewer artists than folds (5)"), fiveFolds.warnings().get(0));
    }

    @Test
    void refoldingKeepsEachArtistInOneFoldAndTheTestSetAndDealsAnotherAssignment() {
        TrainingTable table = new FeatureTableReader(spark).read(artistTable);
        SplitPlan split = SplitPlan.of(spark, table.rows(), Protocol.TRACKS, Grouping.ARTIST, 3, 0.25, 9);
        java.util.Map<String, Integer> first = foldOfArtist(split);
        boolean another = false;
        for (long seed = 10; seed < 12; seed++) {
            SplitPlan again = split.refolded(spark, Grouping.ARTIST, 3, seed);
            assertEquals(0, again.train().groupBy(TrainingTable.ARTIST).agg(countDistinct(SplitPlan.FOLD).as("n"))
                    .filter(col("n").gt(1)).count(), "an artist in two folds");
            assertEquals(split.train().count(), again.train().count(), "the same training rows");
            assertEquals(split.test().collectAsList().size(), again.test().count(), "the same test rows");
            assertEquals(first.keySet(), foldOfArtist(again).keySet(), "the same training artists");
            assertEquals(3, again.train().select(SplitPlan.FOLD).distinct().count());
            another |= !foldOfArtist(again).equals(first);
        }
        assertTrue(another, "other seeds deal the artists into other folds");
    }

    private static java.util.Map<String, Integer> foldOfArtist(SplitPlan split) {
        java.util.Map<String, Integer> folds = new java.util.TreeMap<>();
        for (Row r : split.train().select(TrainingTable.ARTIST, SplitPlan.FOLD).distinct().collectAsList()) {
            folds.put(r.getString(0), r.getInt(1));
        }
        return folds;
    }

    @Test
    void foldRepeatsCrossValidateTheChosenModelOnOtherAssignmentsOfTheArtists() throws Exception {
        List<String> progress = new ArrayList<>();
        TrainOptions asked = options("lr,knn,ensemble", List.of(artistTable), "repeats", null, null, null);
        TrainOptions options = new TrainOptions(asked.features(), asked.modelOut(), asked.models(), asked.folds(),
                asked.pipeline(), asked.protocol(), asked.testFraction(), asked.aggregation(), asked.ensembleSize(),
                asked.quickGrids(), asked.groupBy(), null, null, asked.targetPrecision(), asked.labelsFrom(),
                asked.neural(), false, 3);
        TrainingOutcome outcome = new Trainer(spark, progress::add).train(options);
        FoldRepeats repeats = outcome.foldRepeats();
        assertEquals(outcome.best().name(), repeats.model());
        assertEquals(3, repeats.assignments());
        assertEquals(List.of(7L, 8L, 9L), java.util.Arrays.stream(repeats.seeds()).boxed().toList());
        assertEquals(outcome.best().cvAccuracyMean(), repeats.accuracies()[0], "the first is the run's own folds");
        for (double a : repeats.accuracies()) {
            assertTrue(a > 0.5 && a <= 1, "three separable genres: " + a);
        }
        assertTrue(repeats.min() <= repeats.mean() && repeats.mean() <= repeats.max());
        String all = String.join("\n", progress);
        assertTrue(all.contains("fold repeats: " + repeats.model() + " at its chosen grid point on 2 more assignments "
                + "of the artists to 3 folds"), all);
        assertTrue(all.contains("folds of seed 8: ") && all.contains("folds of seed 9: "), all);
        assertTrue(all.contains(ConsoleTable.foldRepeatsLine(repeats)), all);

        ModelStore.save(spark, outcome, options.modelOut());
        JsonNode card = ModelCard.parse(Files.readString(Path.of(options.modelOut(), ModelCard.FILE_NAME)));
        JsonNode f = card.path("fold_repeats");
        assertEquals(3, f.path("assignments").asInt());
        assertEquals(3, f.path("cv_accuracies").size());
        assertEquals(repeats.mean(), f.path("cv_accuracy_mean").asDouble(), 1e-12);
        assertEquals(card.path("cv_accuracy_mean").asDouble(), f.path("cv_accuracies").get(0).asDouble(), 1e-12);
    }

    @Test
    void foldRepeatsNeedAtLeastOneAssignmentAndNoFixedSplit() {
        TrainOptions asked = options("lr", List.of(artistTable), "bad", null, null, null);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new TrainOptions(
                asked.features(), asked.modelOut(), asked.models(), asked.folds(), asked.pipeline(), asked.protocol(),
                asked.testFraction(), asked.aggregation(), asked.ensembleSize(), asked.quickGrids(), null, null, null,
                asked.targetPrecision(), null, null, true, 0));
        assertEquals("--fold-repeats must be at least 1, got 0", none.getMessage());
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class, () -> new TrainOptions(
                asked.features(), asked.modelOut(), asked.models(), asked.folds(), asked.pipeline(), asked.protocol(),
                asked.testFraction(), asked.aggregation(), asked.ensembleSize(), asked.quickGrids(), null,
                "split.csv", null, asked.targetPrecision(), null, null, true, 2));
        assertTrue(split.getMessage().startsWith("--fold-repeats and --split exclude each other"), split.getMessage());
    }

    @Test
    void trainingGroupsByArtistWhenEveryTrackHasOneAndComparesWithTrackGroupedFolds() throws Exception {
        List<String> progress = new ArrayList<>();
        TrainOptions options = options("lr,knn,ensemble", List.of(artistTable), "by-artist", null, null, null);
        TrainingOutcome outcome = new Trainer(spark, progress::add).train(options);
        assertEquals(Grouping.ARTIST, outcome.evaluation().grouping());
        assertTrue(progress.contains("grouping by artist: every labelled track names one (--group-by track to change)"),
                String.join("\n", progress));
        assertEquals(3, outcome.trackGrouped().size());
        assertEquals(List.of("lr", "knn", "ensemble"), outcome.trackGrouped().stream().map(ModelResult::name).toList());
        for (int i = 0; i < 3; i++) {
            ModelResult grouped = outcome.results().get(i);
            ModelResult byTrack = outcome.trackGrouped().get(i);
            assertEquals(grouped.params(), byTrack.params(), "the comparison runs the chosen grid point");
            assertEquals(grouped.cvConfusion().total(), byTrack.cvConfusion().total(), "same training tracks");
            assertEquals(1, byTrack.gridSize());
        }
        String table = ConsoleTable.table(outcome);
        assertTrue(table.startsWith("CV accuracy grouped by artist first;"), table);
        assertTrue(table.lines().findFirst().orElseThrow().endsWith("; CV by track: the same models at their chosen "
                + "grid points on 3 track-grouped folds, for comparison"), table);
        assertTrue(table.lines().skip(1).findFirst().orElseThrow().contains("CV by artist      CV by track"), table);

        ModelStore.save(spark, outcome, options.modelOut());
        JsonNode card = ModelCard.parse(Files.readString(Path.of(options.modelOut(), ModelCard.FILE_NAME)));
        assertEquals("artist", card.path("group_by").asText());
        assertTrue(card.path("evaluation").asText().startsWith("CV accuracy grouped by artist"));
        assertTrue(card.path("models").get(0).has("track_grouped_cv_accuracy_mean"));
        assertEquals(artistTable, card.path("sources").get(0).path("uri").asText());
        assertOutOfFoldFileAgreesWith(outcome, Path.of(options.modelOut(), OutOfFoldPredictions.FILE_NAME));
    }

    /**
     * The saved out-of-fold predictions: every training track once, in its artist's one fold, and the test tracks;
     * each fold's accuracy recomputed from the file is the one the best model reported.
     */
    private static void assertOutOfFoldFileAgreesWith(TrainingOutcome outcome, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith(
                "unit_id,track_name,artist,album,fold,genre,predicted,correct,confidence,p_"), lines.get(0));
        ModelResult best = outcome.best();
        assertEquals(best.outOfFold().size() + best.heldOut().size(), lines.size() - 1);
        double[] right = new double[best.foldAccuracies().length];
        double[] all = new double[right.length];
        Map<String, String> foldOfArtist = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertFalse(f[1].isEmpty() || f[2].isEmpty(), "track name and artist: " + line);
            assertEquals(f[5].equals(f[6]), Boolean.parseBoolean(f[7]), line);
            if (!f[4].equals(OutOfFoldPredictions.TEST)) {
                assertEquals(f[4], foldOfArtist.computeIfAbsent(f[2], a -> f[4]), "one fold per artist: " + line);
                int fold = Integer.parseInt(f[4]);
                all[fold]++;
                right[fold] += Boolean.parseBoolean(f[7]) ? 1 : 0;
            }
        }
        for (int fold = 0; fold < right.length; fold++) {
            assertEquals(best.foldAccuracies()[fold], right[fold] / all[fold], 1e-12, "fold " + fold);
        }
    }

    @Test
    void aTrackWithoutAnArtistIsAnErrorUnderGroupByArtistAndMeansTrackGroupingByDefault() {
        Dataset<Row> rows = withArtists(DATA.extractTable(spark))
                .withColumn("artist", when(col("track_id").equalTo("jazz.00003"), lit(" ")).otherwise(col("artist")));
        String table = parquet(rows, "one-missing");
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new Trainer(spark, l -> {}).train(options("knn", List.of(table), "missing", Grouping.ARTIST, null, null)));
        assertTrue(e.getMessage().startsWith("--group-by artist: 1 of 48 tracks have no artist, e.g. track jazz.00003"),
                e.getMessage());

        List<String> progress = new ArrayList<>();
        TrainingOutcome outcome = new Trainer(spark, progress::add)
                .train(options("knn", List.of(table), "missing-default", null, null, null));
        assertEquals(Grouping.TRACK, outcome.evaluation().grouping());
        assertTrue(outcome.trackGrouped().isEmpty(), "track grouping needs no comparison");
        assertTrue(progress.contains("grouping by track: 1 of 48 tracks name no artist (--group-by artist needs one "
                + "for every track)"), String.join("\n", progress));
    }

    @Test
    void severalSourcesKeepTheirOwnGroupsAndTheGenreMapRenamesAndDrops() throws Exception {
        Path csv = new SyntheticFeatures(List.of("Blues", "polka"), 6, 1, 3).writeCsv(dir.resolve("other.csv"));
        Path map = Files.writeString(dir.resolve("genres.csv"), "source_genre,genre\nBlues,blues\npolka,\n");
        TrainingTable table = TrainingSources.read(spark, List.of(artistTable, csv.toString()),
                GenreMap.read(map.toString(), spark.sparkContext().hadoopConfiguration()));
        assertEquals(2, table.sources().size());
        assertEquals(6, table.sources().get(1).skippedRows(), "the polka rows mapped to no genre");
        List<Row> second = table.rows().filter(col(TrainingTable.TRACK_ID).startsWith("2:")).collectAsList();
        assertEquals(6, second.size());
        assertTrue(second.stream().allMatch(r -> "blues".equals(r.getAs(TrainingTable.LABEL))));
        assertTrue(second.stream().allMatch(r -> r.getAs(TrainingTable.ARTIST) == null), "a CSV names no artist");
        assertEquals("Blues.00000", second.stream().map(r -> (String) r.getAs(TrainingTable.NAME)).sorted()
                .findFirst().orElseThrow(), "file names stay unprefixed for a split");
        assertTrue(table.rows().filter(col(TrainingTable.TRACK_ID).startsWith("1:")).select(TrainingTable.ARTIST)
                .collectAsList().stream().allMatch(r -> r.getString(0).startsWith("1:")));
        assertFalse(table.sha256().equals(table.sources().get(0).sha256()));

        TrainingOutcome outcome = new Trainer(spark, l -> {})
                .train(options("knn", List.of(artistTable, csv.toString()), "two-sources", null, null, map.toString()));
        assertEquals(Grouping.TRACK, outcome.evaluation().grouping(), "the CSV's tracks name no artist");
        assertEquals(List.of("blues", "jazz", "metal"), outcome.genres());
        JsonNode card = ModelCard.parse(ModelCard.of(outcome).toJson());
        assertEquals(2, card.path("sources").size());
        assertEquals(csv.toString(), card.path("sources").get(1).path("uri").asText());
        assertEquals(map.toString(), card.path("genre_map").asText());
    }

    @Test
    void gtzansFaultFilteredSplitTrainsOnTrainAndValidAndMeasuresOnTest() throws Exception {
        Path features = SharedData.require("gtzan/features_30_sec.csv");
        Path splitFile = SharedData.require("gtzan/splits/fault_filtered.csv");
        List<String> progress = new ArrayList<>();
        TrainOptions options = new TrainOptions(List.of(features.toString()), dir.resolve("ff").toString(),
                ModelKind.listOf("lr"), 3, new PipelineSettings(0, true, 42, 2), Protocol.TRACKS, 0.2,
                Aggregation.MEAN, 2, true, null, splitFile.toString(), null, CalibrationSelection.DEFAULT_TARGET_PRECISION);
        TrainingOutcome outcome = new Trainer(spark, progress::add).train(options);
        assertEquals(443 + 197, outcome.split().trainUnits());
        assertEquals(290, outcome.split().testUnits());
        assertEquals(1000 - 930, outcome.split().leftOut(), "tracks the split removed as repeated or faulty");
        assertEquals(2, outcome.split().folds());
        ModelResult lr = outcome.results().get(0);
        assertEquals(2, lr.foldAccuracies().length, "train and valid as the two folds");
        assertEquals(640, lr.cvConfusion().total());
        assertEquals(290, lr.testConfusion().total());
        assertTrue(lr.testMetrics().accuracy() > 0.4, "well above chance (0.1): " + lr.testMetrics().accuracy());
        ModelResult byTrack = outcome.trackGroupedOf(lr);
        assertEquals(3, byTrack.foldAccuracies().length);
        assertTrue(byTrack.cvAccuracyMean() > lr.testMetrics().accuracy(),
                "track-grouped folds share artists, so they look better");
        assertEquals("test accuracy on the fault_filtered split", outcome.evaluation().headline());
        assertTrue(progress.stream().anyMatch(l -> l.contains("70 tracks the split does not name left out")),
                String.join("\n", progress));
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("best: lr, test accuracy on the fault_filtered split 0.")
                && l.contains("(chosen by CV train↔valid")), String.join("\n", progress));
        JsonNode card = ModelCard.parse(ModelCard.of(outcome).toJson());
        assertTrue(card.path("group_by").isNull());
        assertEquals(InputFingerprint.sha256(splitFile.toString(), spark.sparkContext().hadoopConfiguration()),
                card.path("split").path("sha256").asText());
        assertNull(card.path("test_fraction").textValue());
    }
}
