package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import io.genrelake.testing.InProcessHdfs;
import io.genrelake.testing.InProcessS3;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake show} of a Delta table on S3 (S3Proxy) and HDFS (a MiniDFSCluster): read by Delta Kernel without
 * starting Spark, reaching the store with the {@code --conf} file's Hadoop settings, and printed as Spark's reading
 * prints it; a store that cannot be reached, or refuses the credential, is a one-line error.
 */
class ShowCommandStoresTest {

    private static final String BUCKET = "show-stores"; // a bucket of its own: s3a file systems are cached per bucket

    @TempDir
    static Path dir;
    static InProcessS3 s3;
    static MiniDFSCluster hdfs;
    static Path settings;

    @BeforeAll
    static void start() throws Exception {
        SparkSession spark = LocalSpark.start();
        Path local = dir.resolve("current");
        StructType schema = new StructType().add("track_id", DataTypes.StringType).add("genre", DataTypes.StringType)
                .add("confidence", DataTypes.DoubleType)
                .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
                .add("run_date", DataTypes.DateType);
        String[] genres = {"rock", "jazz", "pop"};
        for (int commit = 0; commit < 2; commit++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String g = genres[i % 3];
                rows.add(RowFactory.create("t" + commit + i, g, 0.5 + i / 20.0,
                        scala.jdk.javaapi.CollectionConverters.asScala(Map.of(g, 0.5 + i / 20.0)),
                        java.sql.Date.valueOf("2026-12-0" + (1 + commit))));
            }
            spark.createDataFrame(rows, schema).repartition(2).write().format("delta").mode("append")
                    .partitionBy("run_date").save(local.toString());
        }
        spark.stop(); // each show below starts its own session, or none
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();

        // the same table, file for file, on both stores (a Delta log's paths are relative to the table)
        s3 = InProcessS3.start(BUCKET);
        hdfs = InProcessHdfs.start(dir.resolve("hdfs"));
        try (Stream<Path> files = Files.walk(local)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = local.relativize(f).toString().replace('\\', '/');
                s3.put("tables/current/" + relative, f);
                hdfs.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toUri()),
                        new org.apache.hadoop.fs.Path("/tables/current/" + relative));
            }
        }
        settings = dir.resolve("s3.properties");
        try (Writer out = Files.newBufferedWriter(settings)) {
            s3.sparkProperties().store(out, "S3Proxy of ShowCommandStoresTest");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (hdfs != null) {
            hdfs.shutdown();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void aTableOnS3OrHdfsPrintsAsSparkPrintsItWithoutStartingSpark() {
        for (String table : List.of("s3a://" + BUCKET + "/tables/current", hdfs.getURI() + "/tables/current")) {
            for (String[] ask : List.of(new String[] {"--limit", "100"},
                    new String[] {"--format", "csv", "--as-of-version", "0", "--columns", "GENRE,track_id"},
                    new String[] {"--history", "--format", "csv"})) {
                List<String> args = new ArrayList<>(List.of("show", table, "--conf", settings.toString()));
                args.addAll(List.of(ask));
                CliRun kernel = withoutSpark(args.toArray(new String[0]));
                args.addAll(List.of("--master", "local[1]"));
                CliRun spark = CliRun.of(args.toArray(new String[0]));
                assertEquals(0, kernel.exitCode(), kernel.transcript());
                assertEquals(0, spark.exitCode(), spark.transcript());
                int header = List.of(ask).contains("csv") ? 1 : 2;
                boolean history = List.of(ask).contains("--history"); // two commits, newest first
                int rows = history ? 2 : List.of(ask).contains("0") ? 6 : 12; // version 0: the first commit only
                if (history) {
                    assertEquals(spark.out(), kernel.out(), table + " " + List.of(ask));
                } else {
                    assertEquals(sorted(spark.out(), header), sorted(kernel.out(), header), table + " " + List.of(ask));
                }
                assertEquals(header + rows, kernel.out().split("\n").length, kernel.transcript());
            }
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsAnErrorNamingIt() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        Path noRetries = dir.resolve("no-retries.properties");
        Files.writeString(noRetries, "spark.hadoop.ipc.client.connect.max.retries=0\n");
        String table = "hdfs://localhost:" + port + "/tables/current";
        CliRun run = withoutSpark("show", table, "--conf", noRetries.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cannot read " + table), run.transcript());
        assertFalse(run.err().contains("Master URL"), run.transcript()); // said by the reader, not by a Spark start
    }

    @Test
    void aCredentialTheStoreRefusesIsAnErrorNamingTheTable() throws IOException {
        Properties wrong = s3.sparkProperties();
        wrong.setProperty("spark.hadoop.fs.s3a.secret.key", "not-the-secret");
        wrong.setProperty("spark.hadoop.fs.s3a.impl.disable.cache", "true"); // not the file system of the other test
        Path settingsWrong = dir.resolve("wrong-secret.properties");
        try (Writer out = Files.newBufferedWriter(settingsWrong)) {
            wrong.store(out, null);
        }
        String table = "s3a://" + BUCKET + "/tables/current";
        CliRun run = withoutSpark("show", table, "--conf", settingsWrong.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("cannot read " + table), run.transcript());
        assertFalse(run.err().contains("not-the-secret"), run.transcript()); // a secret is never printed
    }

    /** Runs the command with a Spark master no session can start on: it passes only if Spark is not started. */
    private static CliRun withoutSpark(String... args) {
        System.setProperty("spark.master", "no-spark-here://0");
        try {
            return CliRun.of(args);
        } finally {
            System.clearProperty("spark.master");
        }
    }

    /** The output's header lines, then its rows sorted: which rows come first is no part of a read. */
    private static List<String> sorted(String out, int header) {
        List<String> lines = List.of(out.split("\n"));
        List<String> result = new ArrayList<>(lines.subList(0, header));
        result.addAll(lines.subList(header, lines.size()).stream().sorted().toList());
        return result;
    }
}
