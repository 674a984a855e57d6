package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake show --history}: a Delta table's commits read in this JVM by Delta Kernel, no Spark started, and
 * printed as Spark's {@code DeltaTable.history()} prints them — every operation our jobs commit and more, a run's
 * note, parameters beyond four (whose order is Scala's hash map's), commit times that go backwards (Delta raises them),
 * a commit without a {@code commitInfo}, and a log whose first commits were cleaned up after a checkpoint.
 */
class ShowHistoryTest {

    @TempDir
    static Path dir;
    static String table;
    static String ict;

    @BeforeAll
    static void write() throws Exception {
        SparkSession spark = LocalSpark.start();
        table = dir.resolve("current").toString();
        String t = "delta.`" + table + "`";
        spark.sql("SELECT CAST(id AS STRING) AS track_id, IF(id % 2 = 0, 'rock', 'jazz') AS genre, CAST(id / 10 AS DOUBLE) "
                + "AS confidence, DATE '2026-12-01' AS run_date FROM range(8)").write().format("delta")
                .partitionBy("run_date").save(table); // 0: WRITE
        spark.sql("SELECT '9' AS track_id, 'pop' AS genre, 0.9D AS confidence, DATE '2026-12-02' AS run_date")
                .write().format("delta").mode("append").save(table); // 1
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", "night 2026-12-02 run 7");
        spark.sql("MERGE INTO " + t + " AS c USING (SELECT '1' AS track_id, 'blues' AS genre) AS s "
                + "ON c.track_id = s.track_id WHEN MATCHED THEN UPDATE SET genre = s.genre "
                + "WHEN NOT MATCHED THEN INSERT (track_id, genre) VALUES (s.track_id, s.genre)"); // 2
        spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
        spark.sql("DELETE FROM " + t + " WHERE genre = 'pop'"); // 3
        spark.sql("UPDATE " + t + " SET confidence = 0.5D WHERE track_id = '2'"); // 4
        spark.sql("OPTIMIZE " + t); // 5
        spark.sql("ALTER TABLE " + t + " SET TBLPROPERTIES ('genrelake.note' = 'a, b', 'delta.appendOnly' = 'false')");
        spark.sql("ALTER TABLE " + t + " ADD COLUMNS (status STRING)"); // 7
        for (int v = 8; v <= 11; v++) { // a checkpoint at 10
            spark.sql("SELECT 'x" + v + "' AS track_id, 'metal' AS genre, 0.7D AS confidence, DATE '2026-12-03' AS "
                    + "run_date, 'ok' AS status").write().format("delta").mode("append").save(table);
        }
        spark.sql("CREATE OR REPLACE TABLE " + t + " USING delta PARTITIONED BY (run_date) TBLPROPERTIES "
                + "('genrelake.x' = '1') COMMENT 'replaced' AS SELECT * FROM " + t); // 12: parameters beyond four
        ict = dir.resolve("ict").toString();
        spark.sql("CREATE TABLE delta.`" + ict + "` (a INT) USING delta "
                + "TBLPROPERTIES ('delta.enableInCommitTimestamps' = 'true')");
        spark.sql("INSERT INTO delta.`" + ict + "` VALUES (1)");
        spark.range(1).write().parquet(dir.resolve("plain").toString());
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();

        Path log = dir.resolve("current").resolve("_delta_log");
        // a commit without commitInfo, as some writers make: version 13 holds only a transaction marker
        Files.writeString(log.resolve("%020d.json".formatted(13)),
                "{\"txn\":{\"appId\":\"genrelake-test\",\"version\":1,\"lastUpdated\":1796630759000}}\n");
        // and one whose commitInfo has no parameters
        Files.writeString(log.resolve("%020d.json".formatted(14)), "{\"commitInfo\":{\"timestamp\":1796630759000,"
                + "\"operation\":\"STREAMING UPDATE\",\"userMetadata\":\"by hand\"}}\n");
        // times that go backwards: 4 older than 3, 5 as old as 3 (a copied log, a clock set back)
        File three = log.resolve("%020d.json".formatted(3)).toFile();
        assertTrue(log.resolve("%020d.json".formatted(4)).toFile().setLastModified(three.lastModified() - 5_000));
        assertTrue(log.resolve("%020d.json".formatted(5)).toFile().setLastModified(three.lastModified()));
        assertTrue(Files.exists(log.resolve("%020d.checkpoint.parquet".formatted(10))));
        for (int v = 0; v < 2; v++) { // cleaned up, as Delta's log retention does once a checkpoint is past them
            Files.delete(log.resolve("%020d.json".formatted(v)));
        }
    }

    @Test
    void theCommitsPrintAsSparkPrintsThemWithoutStartingSpark() throws Exception {
        assertEquals(13, printedAlike("--limit", "100")); // versions 14 down to 2
        assertEquals(13, printedAlike("--limit", "100", "--format", "csv"));
        assertEquals(13, printedAlike("--limit", "100", "--format", "json"));
        assertEquals(3, printedAlike("--limit", "3", "--columns", "operationParameters,VERSION,userMetadata"));
        String csv = kernel("--limit", "100", "--format", "csv", "--columns", "version,operation,userMetadata").out();
        assertTrue(csv.contains("\n13,,\n"), csv); // no commitInfo: nulls, as Spark
        assertTrue(csv.contains("\n2,MERGE,night 2026-12-02 run 7\n"), csv);
        assertTrue(csv.contains("\n12,CREATE OR REPLACE TABLE AS SELECT,\n"), csv);
        assertTrue(csv.endsWith("\n2,MERGE,night 2026-12-02 run 7\n"), csv); // oldest the log holds last
        String replaced = kernel("--limit", "100", "--format", "json", "--columns", "version,operationParameters")
                .out().lines().filter(l -> l.startsWith("{\"version\":12,")).findFirst().orElseThrow();
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(replaced).get("operationParameters")
                .size() > 4, replaced); // beyond Scala's small maps, which keep their order
    }

    @Test
    void commitTimesThatGoBackAreRaisedAsDeltaRaisesThem() {
        List<String> lines = List.of(kernel("--limit", "100", "--format", "csv", "--columns", "version,timestamp")
                .out().split("\n"));
        String three = lines.stream().filter(l -> l.startsWith("3,")).findFirst().orElseThrow();
        String four = lines.stream().filter(l -> l.startsWith("4,")).findFirst().orElseThrow();
        String five = lines.stream().filter(l -> l.startsWith("5,")).findFirst().orElseThrow();
        long t3 = java.sql.Timestamp.valueOf(three.substring(2)).getTime();
        assertEquals(t3 + 1, java.sql.Timestamp.valueOf(four.substring(2)).getTime(), lines.toString());
        assertEquals(t3 + 2, java.sql.Timestamp.valueOf(five.substring(2)).getTime(), lines.toString());
    }

    @Test
    void aTableWithInCommitTimestampsIsSparks() {
        CliRun forbidden = runWithoutSpark("show", ict, "--history");
        assertNotEquals(0, forbidden.exitCode(), forbidden.transcript()); // Kernel refused it; Spark could not start
        CliRun spark = CliRun.of("show", ict, "--history", "--format", "csv", "--columns", "version,operation");
        assertEquals(0, spark.exitCode(), spark.transcript());
        assertEquals("version,operation\n1,WRITE\n0,CREATE TABLE\n", spark.out(), spark.transcript());
    }

    @Test
    void aFilterOfTheCommitsIsSparksAndAMissingColumnIsAnError() {
        CliRun filtered = CliRun.of("show", table, "--history", "--where", "operation = 'MERGE'", "--format", "csv",
                "--columns", "version");
        assertEquals(0, filtered.exitCode(), filtered.transcript());
        assertEquals("version\n2\n", filtered.out(), filtered.transcript());
        CliRun column = runWithoutSpark("show", table, "--history", "--columns", "version,mood");
        assertEquals(1, column.exitCode(), column.transcript());
        assertTrue(column.err().contains("'mood'") && column.err().contains("operationParameters"),
                column.transcript());
        CliRun parquet = runWithoutSpark("show", dir.resolve("plain").toString(), "--history");
        assertEquals(1, parquet.exitCode(), parquet.transcript());
        assertTrue(parquet.err().contains("is not a Delta table"), parquet.transcript());
    }

    private static CliRun kernel(String... ask) {
        List<String> args = new ArrayList<>(List.of("show", table, "--history"));
        args.addAll(List.of(ask));
        CliRun run = runWithoutSpark(args.toArray(new String[0]));
        assertEquals(0, run.exitCode(), run.transcript());
        return run;
    }

    private static CliRun runWithoutSpark(String... args) {
        System.setProperty("spark.master", "no-spark-here://0"); // any SparkSession started now fails
        try {
            return CliRun.of(args);
        } finally {
            System.clearProperty("spark.master");
        }
    }

    /**
     * Runs {@code show --history} with {@code ask} both ways, Spark forbidden for the Kernel run, and checks that both
     * print the same, in the same order: the number of commits printed.
     */
    private static int printedAlike(String... ask) {
        CliRun kernel = kernel(ask);
        List<String> args = new ArrayList<>(List.of("show", table, "--history", "--master", "local[1]"));
        args.addAll(List.of(ask));
        CliRun spark = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, spark.exitCode(), spark.transcript());
        assertEquals(spark.out(), kernel.out(), String.join(" ", ask));
        int header = List.of(ask).contains("csv") ? 1 : List.of(ask).contains("json") ? 0 : 2;
        return kernel.out().split("\n").length - header;
    }
}
