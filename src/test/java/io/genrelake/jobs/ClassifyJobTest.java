package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.TrackId;
import io.genrelake.genres.GenreTable;
import java.nio.file.Files;
import java.nio.file.Path;
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
                .output(dir.resolve("out").toString()).windowSeconds(1).minLastWindowSeconds(0.5);
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
        List<Row> rows = spark.read().parquet(dir.resolve("out/genres").toString()).collectAsList();
        assertEquals(List.of(GenreTable.SCHEMA.fieldNames()),
                List.of(spark.read().parquet(dir.resolve("out/genres").toString()).columns()));
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

    @Test
    void aRerunOfADateReplacesItAndAnotherDateAddsToHistoryWhileCurrentKeepsTheLatestRow() throws Exception {
        String features = dir.resolve("out/_features/run_date=2026-01-30").toString();
        assertTrue(Files.exists(Path.of(features, "_summary.json")), "the extracted features are kept");
        // Rerun of the same date from the stored features: the partition is replaced, not doubled.
        ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                .output(dir.resolve("out").toString()).runDate("2026-01-30"));
        assertEquals(3, spark.read().parquet(dir.resolve("out/genres").toString())
                .where("run_date = DATE'2026-01-30'").count());
        // A later date adds a partition; current has one row per track, from the latest date.
        ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                .output(dir.resolve("out").toString()).runDate("2026-01-31"));
        assertEquals(6, spark.read().parquet(dir.resolve("out/genres").toString()).count());
        List<Row> current = spark.read().parquet(dir.resolve("out/current").toString()).collectAsList();
        assertEquals(3, current.size());
        for (Row r : current) {
            assertEquals("2026-01-31", r.getAs(GenreTable.RUN_DATE).toString());
        }
        assertTrue(Files.exists(dir.resolve("out/genres/run_date=2026-01-31/_summary.json")));
        assertTrue(!Files.exists(dir.resolve("out/_publish.json")), "no journal is left after a publication");
    }
}
