package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.genres.CatalogueState;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.RunRecord;
import io.genrelake.jobs.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables package on its own: the upgrade of the Parquet layout, commits and history, the writer lock. */
class TablesTest {

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Row genreRow(String track, String date, String genre) {
        return RowFactory.create(track, "/m/" + track + ".wav", genre, 0.9, null, Map.of(genre, 0.9), 2, "lr@1",
                "0.2.0", Timestamp.valueOf(date + " 03:00:00"), "ok", null, null, null, Date.valueOf(date));
    }

    static List<String> sorted(Dataset<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }

    @Test
    void anOutputAndStateOfTheParquetLayoutAreConvertedInPlaceWithNothingLost() throws Exception {
        Path out = dir.resolve("old/out");
        Path state = dir.resolve("old/state");
        // the earlier layout, as GenreOutput and StateStore wrote it
        Dataset<Row> genres = spark.createDataFrame(List.of(genreRow("a", "2026-01-01", "rock"),
                genreRow("b", "2026-01-01", "jazz"), genreRow("a", "2026-01-02", "blues")), GenreTable.SCHEMA);
        for (String d : List.of("2026-01-01", "2026-01-02")) {
            genres.where("run_date = DATE'" + d + "'").drop(GenreTable.RUN_DATE).write().parquet(
                    out.resolve("genres/run_date=" + d).toString());
            spark.createDataFrame(List.of(RowFactory.create("a", "/m/a.wav", 1L, 2L, "ok", d)), CatalogueState.SCHEMA)
                    .write().parquet(state.resolve("catalogue/run_date=" + d).toString());
            Files.writeString(state.resolve("catalogue/run_date=" + d + "/_run.json"),
                    new RunRecord(d, "lr@1", "0.2.0", 30, 10).toJson(Map.of()));
        }
        genres.where("track_id = 'b' OR run_date = DATE'2026-01-02'").write().parquet(out.resolve("current").toString());
        Files.createDirectories(out.resolve("_staging/2026-01-02-x/genres")); // garbage of a killed run

        ParquetUpgrade upgrade = new ParquetUpgrade(spark);
        assertEquals(4, upgrade.upgradeNightly(out.toString(), state.toString()));
        GenreTables t = new GenreTables(spark, out.toString());
        assertEquals(sorted(genres), sorted(t.genres().read().selectExpr(GenreTable.SCHEMA.fieldNames())));
        assertEquals(List.of("a", "b"), t.current().read().orderBy("track_id").select("track_id").as(
                org.apache.spark.sql.Encoders.STRING()).collectAsList());
        NightlyState s = new NightlyState(spark, state.toString());
        assertEquals(List.of("2026-01-01", "2026-01-02"), s.runDates());
        assertEquals("0.2.0", s.record("2026-01-02").extractorVersion());
        assertEquals(1, s.snapshot("2026-01-02").count());
        assertFalse(Files.exists(out.resolve("_staging")));
        assertEquals(0, upgrade.upgradeNightly(out.toString(), state.toString()), "converted once");

        // then a commit replaces a date and merges into current, and history keeps every version
        long before = t.current().version();
        GenreTables.Committed c = t.commit(spark.createDataFrame(List.of(genreRow("c", "2026-01-03", "pop")),
                GenreTable.SCHEMA), "2026-01-03", "test run");
        assertFalse(c.currentRebuilt());
        assertEquals(3, t.current().read().count());
        assertEquals(2, t.current().readVersion(before).count(), "the version before the merge stays readable");
        assertEquals("MERGE", t.current().history().first().getAs("operation"));
        assertEquals("test run", t.current().history().first().getAs("userMetadata"));
    }

    /**
     * A driver killed during a table's first Delta commit leaves Parquet files and a log without a commit (found by
     * NightlyCrashTest): they are no table of the earlier layout (no _SUCCESS), so nothing is converted, no table
     * exists yet, and the next commit holds only its own rows.
     */
    @Test
    void theFilesOfAFirstCommitThatNeverHappenedAreNotConverted() throws Exception {
        Path out = dir.resolve("killed/out");
        Dataset<Row> orphan = spark.createDataFrame(List.of(genreRow("x", "2026-01-01", "rock")), GenreTable.SCHEMA);
        orphan.drop(GenreTable.RUN_DATE).write().parquet(out.resolve("genres/run_date=2026-01-01").toString());
        try (var files = Files.walk(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_SUCCESS")
                    || f.getFileName().toString().startsWith("._SUCCESS")).toList()) {
                Files.delete(f); // what Delta's own file writing leaves: data files, no marker
            }
        }
        // and a log folder with no commit in it: on S3, the folder marker Delta makes before its first commit
        Files.createDirectories(out.resolve("genres/_delta_log"));
        Files.createDirectories(out.resolve("current/_delta_log"));
        assertEquals(0, new ParquetUpgrade(spark).upgradeOutput(out.toString()));
        GenreTables t = new GenreTables(spark, out.toString());
        assertFalse(t.genres().exists());
        assertFalse(t.current().exists());
        t.commit(spark.createDataFrame(List.of(genreRow("a", "2026-01-01", "jazz")), GenreTable.SCHEMA), "2026-01-01",
                "the rerun");
        assertEquals(List.of("a"), t.genres().read().select("track_id").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
        assertEquals(1, t.current().read().count());
    }

    @Test
    void aLockOfAProcessThatHasEndedIsTakenOverAndALiveOneIsNot() throws Exception {
        Path out = dir.resolve("locked");
        Files.createDirectories(out);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(out.resolve(WriterLock.FILE_NAME), "{\"host\":\""
                + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + gone.pid() + "}");
        var conf = spark.sparkContext().hadoopConfiguration();
        try (WriterLock lock = WriterLock.acquire(conf, out.toString(), "test", 60_000)) {
            WriterLock.HeldException e = assertThrows(WriterLock.HeldException.class,
                    () -> WriterLock.acquire(conf, out.toString(), "second", 60_000));
            assertTrue(e.getMessage().contains("is being written by another run"), e.getMessage());
        }
        assertFalse(Files.exists(out.resolve(WriterLock.FILE_NAME)), "released");
    }

    @Test
    void extractStyleOverwritesKeepEarlierVersionsReadable() {
        Table t = new Table(spark, dir.resolve("features").toString());
        long v0 = t.overwrite(spark.range(3).toDF("id"), "first");
        long v1 = t.overwrite(spark.range(5).selectExpr("id", "id * 2 AS twice"), "second: a new schema");
        assertEquals(5, Table.readAny(spark, t.uri()).count());
        assertEquals(3, t.readVersion(v0).count());
        assertEquals(v0 + 1, v1);
        spark.range(2).write().mode(SaveMode.Overwrite).parquet(dir.resolve("plain").toString());
        assertEquals(2, Table.readAny(spark, dir.resolve("plain").toString()).count(), "plain Parquet still reads");
    }
}
