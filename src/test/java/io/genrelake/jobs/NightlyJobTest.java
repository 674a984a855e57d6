package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.genres.GenreTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly run over the nights of one small catalogue, as one scenario whose steps run in the order the code
 * calls them (not in an order JUnit is asked to keep between test methods): a first run classifies everything;
 * a run after one file was added, one changed and one deleted decodes only those two and marks the third;
 * rerunning that date changes nothing; a run killed after publishing its genre partition is completed by the
 * next start; a new model reclassifies every track from stored features, decoding none; a second writer is
 * refused; an earlier date is refused; a tagged file gets its tag's genre beside the prediction. A failing step
 * names itself and stops the scenario.
 */
class NightlyJobTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String model;
    static Path library;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        model = ClassifyFixtures.trainModel(spark, dir);
        library = dir.resolve("library");
        ClassifyFixtures.writeTone(library.resolve("a/one.wav"), 220, 1);
        ClassifyFixtures.writeTone(library.resolve("a/two.wav"), 330, 2);
        ClassifyFixtures.writeTone(library.resolve("b/three.wav"), 440, 3);
        ClassifyFixtures.writeTone(library.resolve("b/four.wav"), 550, 4);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static NightlyOptions options(String runDate, String modelUri) {
        return new NightlyOptions().inputs(List.of(library.toString())).model(modelUri)
                .output(dir.resolve("out").toString()).state(dir.resolve("state").toString()).runDate(runDate);
        // windows of 1 s, the model's; final windows of 0.5 s or more kept, the default for 1-s windows
    }

    static org.apache.spark.sql.Dataset<Row> delta(String table) {
        return spark.read().format("delta").load(dir.resolve(table).toString());
    }

    static List<Row> partition(String date) {
        return delta("out/genres").where("run_date = DATE'" + date + "'")
                .collectAsList();
    }

    /** Current's rows by file name; fails if a track appears twice. */
    static Map<String, Row> current() {
        List<Row> rows = delta("out/current").collectAsList();
        Map<String, Row> byName = new TreeMap<>();
        for (Row r : rows) {
            String p = r.getAs(GenreTable.PATH);
            assertTrue(byName.put(p.substring(p.lastIndexOf('/') + 1), r) == null, "twice in current: " + p);
        }
        return byName;
    }

    static String date(Row r) {
        return r.getAs(GenreTable.RUN_DATE).toString();
    }

    @Test
    void nightsOfOneCatalogue() throws Exception {
        theFirstRunClassifiesEveryFile();
        aLaterRunDecodesOnlyNewAndChangedFilesAndMarksDeletedOnes();
        rerunningADateGivesTheSameTables();
        aRunKilledMidwayIsCompletedByTheNextStartWithNothingLostOrDuplicated();
        aNewModelReclassifiesEveryTrackFromStoredFeaturesWithoutDecoding();
        aSecondWriterIsRefusedAndTouchesNothing();
        anEarlierDateIsRefused();
        aTaggedFileGetsItsTagGenreBesideThePrediction();
        aNewTrackIsSmoothedWithItsArtistsStoredTracks();
    }

    private void theFirstRunClassifiesEveryFile() throws Exception {
        NightlySummary s = NightlyJob.run(spark, options("2026-02-01", model));
        assertEquals(4, s.filesListed());
        assertEquals(4, s.filesNew());
        assertEquals(4, s.filesDecoded());
        assertEquals(4, s.rowsOk());
        assertEquals(4, partition("2026-02-01").size());
        assertEquals(List.of("four.wav", "one.wav", "three.wav", "two.wav"), List.copyOf(current().keySet()));
        assertEquals(1, delta("state/runs").count());
        assertEquals(4, delta("state/catalogue").count());
        assertEquals(4, delta("state/features").where("run_date = DATE'2026-02-01'").select("track_id").distinct()
                .count());
        Row run = delta("state/runs").first();
        assertEquals(new io.genrelake.tables.Table(spark, dir.resolve("out/current").toString()).version(),
                (long) run.getAs("current_version"), "the run records the versions it committed");
    }

    private void aLaterRunDecodesOnlyNewAndChangedFilesAndMarksDeletedOnes() throws Exception {
        ClassifyFixtures.writeTone(library.resolve("a/five.wav"), 660, 5);
        Path three = library.resolve("b/three.wav");
        ClassifyFixtures.writeTone(three, 770, 6); // same length, new content: only the time tells
        Files.setLastModifiedTime(three, FileTime.fromMillis(Files.getLastModifiedTime(three).toMillis() + 60_000));
        Files.delete(library.resolve("b/four.wav"));

        NightlySummary s = NightlyJob.run(spark, options("2026-02-02", model));
        assertEquals("2026-02-01", s.previousRun());
        assertEquals(List.of(1L, 1L, 2L, 1L, 2L), List.of(s.filesNew(), s.filesChanged(), s.filesUnchanged(),
                s.filesDeleted(), s.filesDecoded()));
        Map<String, String> status = new TreeMap<>();
        for (Row r : partition("2026-02-02")) {
            String p = r.getAs(GenreTable.PATH);
            status.put(p.substring(p.lastIndexOf('/') + 1), r.getAs(GenreTable.STATUS));
        }
        assertEquals(Map.of("five.wav", "ok", "three.wav", "ok", "four.wav", "deleted"), status);

        Map<String, Row> current = current();
        assertEquals(5, current.size());
        assertEquals("2026-02-01", date(current.get("one.wav")), "unchanged tracks are carried forward");
        assertEquals("2026-02-01", date(current.get("two.wav")));
        assertEquals("2026-02-02", date(current.get("three.wav")));
        assertEquals("deleted", current.get("four.wav").getAs(GenreTable.STATUS));
    }

    private void rerunningADateGivesTheSameTables() throws Exception {
        Map<String, Row> before = current();
        NightlySummary s = NightlyJob.run(spark, options("2026-02-02", model));
        assertEquals("2026-02-01", s.previousRun(), "a rerun compares with the same snapshot");
        assertEquals(2, s.filesDecoded());
        assertEquals(3, partition("2026-02-02").size());
        assertEquals(7, delta("out/genres").count());
        Map<String, Row> after = current();
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            for (String column : List.of(GenreTable.TRACK_ID, GenreTable.GENRE, GenreTable.CONFIDENCE,
                    GenreTable.STATUS, GenreTable.RUN_DATE, GenreTable.MODEL_ID, GenreTable.WINDOWS)) {
                assertEquals((Object) before.get(name).getAs(column), after.get(name).getAs(column), name + " " + column);
            }
        }
        assertEquals(2, delta("state/catalogue").select("run_date")
                .distinct().count());
    }

    private void aRunKilledMidwayIsCompletedByTheNextStartWithNothingLostOrDuplicated() throws Exception {
        Path one = library.resolve("a/one.wav");
        Files.setLastModifiedTime(one, FileTime.fromMillis(Files.getLastModifiedTime(one).toMillis() + 60_000));

        // Killed right after listing: nothing changes.
        assertThrows(IllegalStateException.class, () -> NightlyJob.run(spark, options("2026-02-03", model), stage -> {
            if (stage.equals("listed")) {
                throw new IllegalStateException("killed");
            }
        }));
        assertTrue(partition("2026-02-03").isEmpty());

        // Killed after the genre rows were committed, before current and the state.
        assertThrows(IllegalStateException.class, () -> NightlyJob.run(spark, options("2026-02-03", model), stage -> {
            if (stage.equals("committed:genres")) {
                throw new IllegalStateException("killed");
            }
        }));
        assertEquals(1, partition("2026-02-03").size());
        assertEquals(0, delta("state/runs").where("run_date = DATE'2026-02-03'").count());
        assertFalse(Files.exists(dir.resolve("out/_writer.lock")), "the lock is released on failure");

        NightlySummary s = NightlyJob.run(spark, options("2026-02-03", model));
        assertTrue(s.recovered());
        assertEquals("2026-02-02", s.previousRun());
        assertEquals(1, s.filesChanged());
        assertEquals(1, s.filesDecoded());
        assertEquals(1, partition("2026-02-03").size());
        Map<String, Row> current = current();
        assertEquals(5, current.size());
        assertEquals("2026-02-03", date(current.get("one.wav")));
        assertEquals("2026-02-01", date(current.get("two.wav")));
        assertEquals(1, delta("state/runs").where("run_date = DATE'2026-02-03'").count());
    }

    private void aNewModelReclassifiesEveryTrackFromStoredFeaturesWithoutDecoding() throws Exception {
        String v2 = ClassifyFixtures.retrained(model, dir);
        NightlySummary s = NightlyJob.run(spark, options("2026-02-04", v2));
        assertTrue(s.modelChanged());
        assertEquals(0, s.filesDecoded());
        assertEquals(4, s.reclassifiedFromStore());
        List<Row> rows = partition("2026-02-04");
        assertEquals(4, rows.size());
        for (Row r : rows) {
            assertEquals(s.modelId(), r.getAs(GenreTable.MODEL_ID));
            assertEquals("ok", r.getAs(GenreTable.STATUS));
            assertEquals(2, (int) r.getAs(GenreTable.WINDOWS));
        }
        Map<String, Row> current = current();
        assertEquals(5, current.size());
        assertEquals(s.modelId(), current.get("two.wav").getAs(GenreTable.MODEL_ID));
        // Unchanged since, so nothing to do: the next night decodes and classifies nothing.
        NightlySummary next = NightlyJob.run(spark, options("2026-02-05", v2));
        assertEquals(0, next.filesDecoded());
        assertEquals(0, next.reclassifiedFromStore());
        assertTrue(partition("2026-02-05").isEmpty());
    }

    private void aSecondWriterIsRefusedAndTouchesNothing() throws Exception {
        long genres = new io.genrelake.tables.Table(spark, dir.resolve("out/genres").toString()).version();
        // a live holder: this JVM, as a driver of another run would be
        try (var held = io.genrelake.tables.WriterLock.acquire(spark.sparkContext().hadoopConfiguration(),
                dir.resolve("out").toString(), "another nightly", 60_000)) {
            NightlyJob.NightlyRefusal e = assertThrows(NightlyJob.NightlyRefusal.class,
                    () -> NightlyJob.run(spark, options("2026-02-06", model)));
            assertTrue(e.getMessage().contains("is being written by another run"), e.getMessage());
        }
        assertEquals(genres, new io.genrelake.tables.Table(spark, dir.resolve("out/genres").toString()).version());
        assertTrue(partition("2026-02-06").isEmpty());
    }

    private void anEarlierDateIsRefused() {
        NightlyJob.NightlyRefusal e = assertThrows(NightlyJob.NightlyRefusal.class,
                () -> NightlyJob.run(spark, options("2026-01-15", model)));
        assertTrue(e.getMessage().contains("go forward"), e.getMessage());
        // other windows than the state's (here asked for; a model trained on other windows is refused alike)
        NightlyJob.NightlyRefusal windows = assertThrows(NightlyJob.NightlyRefusal.class,
                () -> NightlyJob.run(spark, options("2026-02-07", model).windowSeconds(2)));
        assertTrue(windows.getMessage().contains("the stored features use windows of 1 s (min last 0.5 s), this run "
                + "asks for 2 s (min last 1 s); this run's length comes from --window-seconds: start a new --state"),
                windows.getMessage());
        assertTrue(partition("2026-02-07").isEmpty());
    }

    /**
     * A model smoothing by artist: a new track is mixed with its artist's track already in the store, as classifying
     * the two together would; the earlier track's row is not rewritten.
     */
    private void aNewTrackIsSmoothedWithItsArtistsStoredTracks() throws Exception {
        // uncalibrated: a temperature fitted on six tones would make any mix certain again
        String tones = ClassifyFixtures.withThreshold(ClassifyFixtures.trainOnTones(spark, dir), dir, "tones-raw",
                null);
        String smoothing = ClassifyFixtures.withSmoothing(tones, dir, "model-smooth", "artist", 0.5);
        taggedTone(library.resolve("d/first.wav"), 150, 7, "Tone Band"); // low
        NightlySummary first = NightlyJob.run(spark, options("2026-02-08", smoothing));
        assertTrue(first.modelChanged());
        taggedTone(library.resolve("d/second.wav"), 2200, 8, " tone band"); // high, the same artist
        NightlySummary s = NightlyJob.run(spark, options("2026-02-09", smoothing));
        assertEquals(1, s.filesDecoded());
        List<Row> rows = partition("2026-02-09");
        assertEquals(1, rows.size(), "a row for the new track only");
        Row second = rows.get(0);

        org.apache.spark.sql.Dataset<Row> stored = delta("state/features").drop(GenreTable.RUN_DATE);
        org.apache.spark.sql.Dataset<Row> both = stored.where("path like '%/d/first.wav' or path like '%/d/second.wav'");
        Map<String, Double> together = probabilities(smoothing, both, "second.wav");
        Map<String, Double> alone = probabilities(smoothing, both.where("path like '%/d/second.wav'"), "second.wav");
        Map<String, Double> written = second.getJavaMap(second.fieldIndex(GenreTable.PROBABILITIES));
        double moved = 0;
        for (String genre : List.of("high", "low")) {
            assertEquals(together.get(genre), written.get(genre), 1e-9, genre);
            moved = Math.max(moved, Math.abs(alone.get(genre) - written.get(genre)));
        }
        assertTrue(moved > 0.05, "the stored track of the same artist made no difference: alone " + alone + ", with "
                + "it " + written + "; the stored track alone " + probabilities(smoothing,
                        both.where("path like '%/d/first.wav'"), "first.wav") + "; tags " + both.select("path",
                        "tag_artist").collectAsList());
        assertEquals("2026-02-08", date(current().get("first.wav")), "the earlier track's row is kept");
    }

    /** A 1.5-s tone whose tags name {@code artist}. */
    private static void taggedTone(Path file, double hz, long seed, String artist) throws Exception {
        Path plain = dir.resolve("plain-" + file.getFileName());
        ClassifyFixtures.writeTone(plain, hz, seed);
        Files.createDirectories(file.getParent());
        io.genrelake.testing.FfmpegCli.run("-i", plain.toString(), "-metadata", "artist=" + artist, "-c:a",
                "pcm_s16le", file.toString());
    }

    /** The probabilities {@code model} gives the track named {@code name} among {@code features}. */
    private static Map<String, Double> probabilities(String model, org.apache.spark.sql.Dataset<Row> features,
            String name) {
        io.genrelake.genres.ModelIdentity identity = io.genrelake.genres.ModelIdentity.of(
                io.genrelake.ml.ModelCard.parse(io.genrelake.ml.ModelStore.readCard(spark, model)), model);
        assertEquals(0.5, identity.smoothing().weight());
        Row r = new io.genrelake.genres.GenrePredictor(spark, io.genrelake.ml.ModelStore.loadModel(model),
                io.genrelake.ml.ModelStore.loadCalibration(spark, model),
                new io.genrelake.genres.GenreRows(identity, 0L, "2026-02-09")).classify(features)
                .where("path like '%/" + name + "'").first();
        return r.getJavaMap(r.fieldIndex(GenreTable.PROBABILITIES));
    }

    /** The file's genre tag, normalised, beside the model's genre; disputed where the model is sure of another. */
    private void aTaggedFileGetsItsTagGenreBesideThePrediction() throws Exception {
        Path tagged = library.resolve("c/tagged.wav");
        Files.createDirectories(tagged.getParent());
        List<String> args = new java.util.ArrayList<>(io.genrelake.testing.FfmpegCli.sine(2));
        args.addAll(List.of("-metadata", "genre=Jazz", "-c:a", "pcm_s16le", tagged.toString()));
        io.genrelake.testing.FfmpegCli.run(args.toArray(new String[0]));
        String v2 = dir.resolve("model-v2").toString(); // the model of the last nights: nothing to reclassify
        NightlySummary s = NightlyJob.run(spark, options("2026-02-07", v2));
        assertEquals(1, s.filesDecoded());
        List<Row> rows = partition("2026-02-07");
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        assertEquals("jazz", r.getAs(GenreTable.TAG_GENRE));
        boolean disputed = "ok".equals(r.getAs(GenreTable.STATUS)) && !"jazz".equals(r.getAs(GenreTable.GENRE));
        assertEquals(disputed, r.getAs(GenreTable.TAG_DISAGREES));
        assertEquals(disputed ? 1 : 0, s.tagDisagreements());
        assertEquals("jazz", current().get("tagged.wav").getAs(GenreTable.TAG_GENRE));
    }
}
