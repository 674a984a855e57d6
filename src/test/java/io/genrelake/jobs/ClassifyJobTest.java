package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.TrackId;
import io.genrelake.cli.GenreLake;
import io.genrelake.genres.GenreTable;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.ProbabilityCalibration;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The classify job end to end in local mode: audio → features → genre table and current, with the
 * issue's schema; error files become error rows; a rerun of a date replaces it; --features reuses a
 * stored table without decoding.
 */
class ClassifyJobTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String model;
    static Path library;
    static ClassifySummary first;

    @BeforeAll
    static void classify() throws Exception {
        spark = LocalSpark.start();
        model = ClassifyFixtures.trainModel(spark, dir);
        library = dir.resolve("library");
        ClassifyFixtures.writeTone(library.resolve("a/one.wav"), 220, 1);
        ClassifyFixtures.writeTone(library.resolve("b/two.wav"), 440, 2);
        Files.writeString(library.resolve("b/broken.wav"), "not a wav file");
        first = ClassifyJob.run(spark, options().runDate("2026-01-30"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static ClassifyOptions options() {
        return new ClassifyOptions().inputs(List.of(library.toString())).model(model)
                .output(dir.resolve("out").toString()); // the model's 1-s windows, final ones of 0.5 s or more
    }

    static Map<String, Row> byPath(List<Row> rows) {
        Map<String, Row> m = new java.util.TreeMap<>();
        for (Row r : rows) {
            String p = r.getAs(GenreTable.PATH);
            m.put(p.substring(p.lastIndexOf('/') + 1), r);
        }
        return m;
    }

    @Test
    void everyTrackGetsAGenreRowWithTheIssuesColumns() {
        List<Row> rows = io.genrelake.tables.Table.readAny(spark, dir.resolve("out/genres").toString()).collectAsList();
        assertEquals(List.of(GenreTable.SCHEMA.fieldNames()),
                List.of(io.genrelake.tables.Table.readAny(spark, dir.resolve("out/genres").toString()).columns()));
        Map<String, Row> byFile = byPath(rows);
        assertEquals(Set.of("one.wav", "two.wav", "broken.wav"), byFile.keySet());
        Row one = byFile.get("one.wav");
        assertEquals("ok", one.getAs(GenreTable.STATUS));
        assertEquals(TrackId.of(one.getAs(GenreTable.PATH)), one.getAs(GenreTable.TRACK_ID));
        assertEquals(2, (int) one.getAs(GenreTable.WINDOWS));
        Map<String, Double> probabilities = one.getJavaMap(one.fieldIndex(GenreTable.PROBABILITIES));
        assertEquals(new HashSet<>(ClassifyFixtures.GENRES), probabilities.keySet());
        assertEquals(1.0, probabilities.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        List<Row> top = one.getList(one.fieldIndex(GenreTable.TOP_GENRES));
        assertEquals(3, top.size());
        assertEquals(one.getAs(GenreTable.GENRE), top.get(0).getString(0));
        assertEquals((double) one.getAs(GenreTable.CONFIDENCE), top.get(0).getDouble(1));
        assertTrue(top.get(0).getDouble(1) >= top.get(1).getDouble(1) && top.get(1).getDouble(1) >= top.get(2).getDouble(1));
        assertEquals(probabilities.values().stream().mapToDouble(Double::doubleValue).max().getAsDouble(),
                (double) one.getAs(GenreTable.CONFIDENCE), 1e-12);
        assertTrue(((String) one.getAs(GenreTable.MODEL_ID)).startsWith("lr@"), (String) one.getAs(GenreTable.MODEL_ID));
        assertEquals("2026-01-30", one.getAs(GenreTable.RUN_DATE).toString());

        Row broken = byFile.get("broken.wav");
        assertEquals("error", broken.getAs(GenreTable.STATUS));
        assertNull(broken.getAs(GenreTable.GENRE));
        assertTrue(((String) broken.getAs(GenreTable.ERROR)).startsWith("unsupported format"),
                (String) broken.getAs(GenreTable.ERROR));
        assertEquals(2, first.tracksOk());
        assertEquals(1, first.tracksError());
    }

    /** The rows with a genre of a classify run of the stored features with {@code model}, by file name. */
    private static Map<String, Row> classifyWith(String model, String output) throws Exception {
        String features = dir.resolve("out/_features/run_date=2026-01-30").toString();
        ClassifySummary summary = ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                .output(dir.resolve(output).toString()).runDate("2026-02-01"));
        assertEquals(2, summary.tracksClassified());
        Map<String, Row> rows = byPath(io.genrelake.tables.Table.readAny(spark, dir.resolve(output + "/current").toString())
                .where("genre IS NOT NULL").collectAsList());
        assertEquals(Set.of("one.wav", "two.wav"), rows.keySet());
        return rows;
    }

    private static double[] probabilities(Row r) {
        Map<String, Double> m = r.getJavaMap(r.fieldIndex(GenreTable.PROBABILITIES));
        return ClassifyFixtures.GENRES.stream().mapToDouble(m::get).toArray();
    }

    @Test
    void tracksBelowTheCardsThresholdAreUncertainWithTheirBestGuessAndPerTrackCalibratedProbabilities()
            throws Exception {
        // Above any confidence: every track is uncertain, and keeps its genre, confidence and probabilities.
        String strict = ClassifyFixtures.withThreshold(model, dir, "model-strict", Math.nextUp(1.0));
        Map<String, Row> uncertain = classifyWith(strict, "out-strict");
        Path summary = dir.resolve("out-strict/genres/run_date=2026-02-01/_summary.json");
        assertTrue(Files.readString(summary).contains("\"tracks_uncertain\" : 2"), Files.readString(summary));
        // A model from before calibration: no threshold, no calibration, every track ok as before.
        String old = ClassifyFixtures.withThreshold(model, dir, "model-old", null);
        Map<String, Row> plain = classifyWith(old, "out-old");
        ProbabilityCalibration calibration = ModelStore.loadCalibration(spark, model).calibration();
        for (String file : List.of("one.wav", "two.wav")) {
            Row u = uncertain.get(file);
            Row p = plain.get(file);
            assertEquals("uncertain", u.getAs(GenreTable.STATUS), file);
            assertEquals("ok", p.getAs(GenreTable.STATUS), file);
            assertEquals(p.getAs(GenreTable.GENRE), (String) u.getAs(GenreTable.GENRE), "the best guess stays");
            assertEquals(2, (int) u.getAs(GenreTable.WINDOWS));
            // Calibrated per track: the map applied to the mean of the two windows, not to each window.
            assertArrayEquals(calibration.apply(probabilities(p)), probabilities(u), 1e-12, file);
            assertEquals(Arrays.stream(probabilities(u)).max().getAsDouble(), (double) u.getAs(GenreTable.CONFIDENCE),
                    1e-12);
        }
        // A threshold of 0 lets every track through: the same rows, ok.
        Map<String, Row> lax = classifyWith(ClassifyFixtures.withThreshold(model, dir, "model-lax", 0.0), "out-lax");
        for (Row r : lax.values()) {
            assertEquals("ok", r.getAs(GenreTable.STATUS));
        }
        // `show --where "status = 'uncertain'"` finds them.
        StringWriter out = new StringWriter();
        CommandLine show = GenreLake.commandLine().setOut(new PrintWriter(out));
        assertEquals(0, show.execute("show", dir.resolve("out-strict/current").toString(), "--where",
                "status = 'uncertain'", "--format", "json"));
        assertEquals(2, out.toString().strip().lines().count(), "a JSON line per uncertain track: " + out);
    }

    @Test
    void aRerunOfADateReplacesItAndAnotherDateAddsToHistoryWhileCurrentKeepsTheLatestRow() throws Exception {
        String features = dir.resolve("out/_features/run_date=2026-01-30").toString();
        assertTrue(Files.exists(Path.of(features, "_summary.json")), "the extracted features are kept");
        // Rerun of the same date from the stored features: the partition is replaced, not doubled.
        ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                .output(dir.resolve("out").toString()).runDate("2026-01-30"));
        assertEquals(3, io.genrelake.tables.Table.readAny(spark, dir.resolve("out/genres").toString())
                .where("run_date = DATE'2026-01-30'").count());
        // A later date adds a partition; current has one row per track, from the latest date.
        ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                .output(dir.resolve("out").toString()).runDate("2026-01-31"));
        assertEquals(6, io.genrelake.tables.Table.readAny(spark, dir.resolve("out/genres").toString()).count());
        List<Row> current = io.genrelake.tables.Table.readAny(spark, dir.resolve("out/current").toString()).collectAsList();
        assertEquals(3, current.size());
        for (Row r : current) {
            assertEquals("2026-01-31", r.getAs(GenreTable.RUN_DATE).toString());
        }
        assertTrue(Files.exists(dir.resolve("out/genres/run_date=2026-01-31/_summary.json")));
        assertTrue(!Files.exists(dir.resolve("out/_writer.lock")), "the writer lock is released");
        assertEquals(3, spark.read().format("delta").load(dir.resolve("out/genres").toString())
                .where("run_date = DATE'2026-01-30'").count(), "a Delta reader sees the replaced date once");
    }
}
