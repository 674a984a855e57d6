package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.genres.GenreTable;
import io.genrelake.genres.RunRecord;
import io.genrelake.jobs.LocalSpark;
import io.genrelake.testing.InProcessHdfs;
import io.genrelake.testing.InProcessS3;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table operations the jobs rely on, on each store an output can live on: local disk ({@code file:}), S3
 * ({@code s3a://} on S3Proxy in this JVM, through Delta's S3 log store) and HDFS ({@code hdfs://} on a
 * MiniDFSCluster). One session, one S3Proxy and one MiniDFSCluster for the class; each test writes under its
 * own folder of each store.
 */
class TableStoresTest {

    private static final String BUCKET = "tables";

    @TempDir
    static Path dir;
    static SparkSession spark;
    static InProcessS3 s3;
    static MiniDFSCluster hdfs;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        // Tiny tables: Delta's state in 1 partition, not 50 (the class took 393 s -> 223 s on 2 busy cores), and no
        // whole-stage code generation, whose compiling outweighs the work (277 s -> 219 s; both under load ~10)
        spark.conf().set("spark.databricks.delta.snapshotPartitions", "1");
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        s3 = InProcessS3.start(BUCKET);
        s3.configure(spark.sparkContext().hadoopConfiguration());
        hdfs = InProcessHdfs.start(dir.resolve("hdfs"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hdfs != null) {
            hdfs.shutdown();
        }
        if (s3 != null) {
            s3.close();
        }
        spark.stop();
    }

    /** The root of each store, by name. */
    static Stream<String> stores() {
        return Stream.of("file", "s3a", "hdfs");
    }

    static String root(String store, String folder) {
        return switch (store) {
            case "file" -> dir.resolve("local").resolve(folder).toUri().toString();
            case "s3a" -> "s3a://" + BUCKET + "/" + folder;
            case "hdfs" -> hdfs.getURI() + "/" + folder;
            default -> throw new IllegalArgumentException(store);
        };
    }

    static Dataset<Row> genres(Row... rows) {
        return spark.createDataFrame(List.of(rows), GenreTable.SCHEMA);
    }

    static Row row(String track, String date, String genre) {
        return TablesTest.genreRow(track, date, genre);
    }

    static List<String> column(Dataset<Row> rows, String column) {
        return rows.orderBy(column).select(column).as(Encoders.STRING()).collectAsList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aTableAppendsReplacesADateMergesAndKeepsItsHistory(String store) {
        Table t = new Table(spark, root(store, "table"));
        assertFalse(t.exists());
        long v0 = t.append(genres(row("a", "2026-01-01", "rock"), row("b", "2026-01-01", "jazz")), "night 1",
                GenreTable.RUN_DATE);
        assertTrue(t.exists());
        assertTrue(t.uri().startsWith(store + ":"), t.uri());
        long v1 = t.append(genres(row("c", "2026-01-02", "pop")), "night 2", GenreTable.RUN_DATE);
        long v2 = t.replaceWhere(genres(row("a", "2026-01-01", "blues")), "run_date = DATE'2026-01-01'",
                "night 1 again", GenreTable.RUN_DATE);
        assertEquals(List.of("a", "c"), column(t.read(), GenreTable.TRACK_ID), "date 1 replaced, date 2 kept");
        long v3 = t.merge(genres(row("a", "2026-01-03", "metal"), row("d", "2026-01-03", "disco")),
                GenreTable.TRACK_ID, "merge 3");
        assertEquals(List.of(v0 + 1, v0 + 2, v0 + 3), List.of(v1, v2, v3));
        assertEquals(List.of("disco", "metal", "pop"), column(t.read(), GenreTable.GENRE));
        assertEquals(List.of("jazz", "rock"), column(t.readVersion(v0), GenreTable.GENRE), "time travel");
        assertEquals(List.of("blues", "pop"), column(t.readVersion(v2), GenreTable.GENRE));
        assertEquals(3, spark.sql("SELECT * FROM delta.`" + t.uri() + "` VERSION AS OF " + v1).count());
        List<Row> history = t.history().orderBy("version").collectAsList();
        assertEquals(List.of("night 1", "night 2", "night 1 again", "merge 3"),
                history.stream().map(r -> (String) r.getAs("userMetadata")).toList());
        assertEquals("MERGE", history.get(3).getAs("operation"));
        assertEquals(v3, t.version());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aNightCommittedTwiceHasItsRowsOnceAndTheRunIsRecordedOnce(String store) {
        GenreTables out = new GenreTables(spark, root(store, "out"));
        Dataset<Row> night = genres(row("a", "2026-01-02", "blues"), row("c", "2026-01-02", "pop"));
        out.commit(night, "2026-01-02", "night");
        GenreTables.Committed rerun = out.commit(night, "2026-01-02", "night rerun");
        assertTrue(rerun.currentRebuilt(), "a rerun rebuilds current from genres");
        assertEquals(List.of("a", "c"), column(out.genres().read(), GenreTable.TRACK_ID), "no row twice");
        assertEquals(List.of("blues", "pop"), column(out.current().read(), GenreTable.GENRE));
        assertEquals(2L, rerun.counts().get(GenreTable.STATUS_OK));
        assertEquals("night rerun", out.current().history().first().getAs("userMetadata"));

        NightlyState state = new NightlyState(spark, root(store, "state"));
        RunRecord record = new RunRecord("2026-01-02", "lr@1", "0.2.0", 30, 10);
        NightlyState.Versions versions = new NightlyState.Versions(1, rerun.genresVersion(), rerun.currentVersion(), 2);
        state.commitRun(record, record.toJson(Map.of()), versions, "run");
        state.commitRun(record, record.toJson(Map.of()), versions, "run again");
        assertEquals(List.of("2026-01-02"), state.runDates(), "one row per night");
        assertEquals("lr@1", state.record("2026-01-02").modelId());
        Row last = state.runs().read().first();
        assertEquals(rerun.currentVersion(), (long) last.getAs(NightlyState.CURRENT_VERSION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aSecondWriterIsRefusedAndAStaleLockIsTakenOver(String store) throws Exception {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String out = root(store, "locked");
        try (WriterLock lock = WriterLock.acquire(conf, out, "first", 60_000)) {
            WriterLock.HeldException e = assertThrows(WriterLock.HeldException.class,
                    () -> WriterLock.acquire(conf, out, "second", 60_000));
            assertTrue(e.getMessage().contains("is being written by another run"), e.getMessage());
        }
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(out, WriterLock.FILE_NAME);
        FileSystem fs = file.getFileSystem(conf);
        assertFalse(fs.exists(file), "released");

        // a driver killed on another host: its pid means nothing here, only the heartbeat's age tells
        try (OutputStream o = fs.create(file, false)) {
            o.write("{\"host\":\"elsewhere\",\"pid\":1,\"command\":\"killed\"}".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(WriterLock.HeldException.class, () -> WriterLock.acquire(conf, out, "too early", 60_000));
        Thread.sleep(50);
        try (WriterLock lock = WriterLock.acquire(conf, out, "next night", 20)) {
            assertTrue(fs.exists(file));
        }
        assertFalse(fs.exists(file));
    }

    /**
     * conf/ sets what these tests take for granted on a real S3 (one writing cluster): Delta's S3 log store in the
     * nightly's settings and the cluster ones train and classify are submitted with.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conf/nightly.conf", "conf/standalone.properties", "conf/yarn.properties",
        "conf/kubernetes.properties"})
    void confSetsDeltasS3LogStore(String file) throws Exception {
        Properties p = properties(file);
        for (String scheme : List.of("s3a", "s3")) {
            assertEquals("io.delta.storage.S3SingleDriverLogStore",
                    p.getProperty("spark.delta.logStore." + scheme + ".impl"), file + " " + scheme);
        }
        Class.forName("io.delta.storage.S3SingleDriverLogStore"); // on the job's class path
    }

    static Properties properties(String file) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(file))) {
            p.load(in);
        }
        return p;
    }
}
