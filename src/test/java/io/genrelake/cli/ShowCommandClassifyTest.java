package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genrelake show} on a partitioned Parquet table shaped like the genre table: filters, formats, errors. */
class ShowCommandClassifyTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String table;

    @BeforeAll
    static void write() {
        spark = LocalSpark.start();
        table = dir.resolve("genres").toString();
        spark.sql("SELECT * FROM VALUES "
                + "('t1', 'rock', 0.9D, map('rock', 0.9D, 'jazz', 0.1D), DATE'2026-01-01'), "
                + "('t2', 'jazz', 0.6D, map('rock', 0.4D, 'jazz', 0.6D), DATE'2026-01-01'), "
                + "('t3', 'rock', 0.7D, map('rock', 0.7D, 'jazz', 0.3D), DATE'2026-01-02') "
                + "AS t(track_id, genre, confidence, probabilities, run_date)")
                .write().partitionBy("run_date").parquet(table);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aFilterAndTheCsvFormatPrintTheMatchingRows() {
        CliRun run = CliRun.of("show", table, "--where", "genre = 'rock' AND run_date = '2026-01-01'", "--format", "csv");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(List.of("track_id,genre,confidence,probabilities,run_date",
                "t1,rock,0.9,\"{rock:0.9, jazz:0.1}\",2026-01-01"), run.out().lines().toList());
    }

    @Test
    void jsonGivesOneObjectPerLineAndTheLimitHolds() {
        CliRun run = CliRun.of("show", table, "--format", "json", "--limit", "2", "--columns", "track_id,confidence");
        assertEquals(0, run.exitCode(), run.transcript());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).matches("\\{\"track_id\":\"t\\d\",\"confidence\":0\\.\\d+}"), lines.get(0));
    }

    @Test
    void theTableFormatAlignsColumnsUnderAHeader() {
        CliRun run = CliRun.of("show", table, "--where", "track_id = 't3'", "--columns", "track_id,genre");
        assertEquals("track_id  genre\n--------  -----\nt3        rock\n", run.out(), run.transcript());
    }

    /** A header alone on stdout, and on stderr that nothing matched: a table with no rows is not a failure. */
    @Test
    void noMatchingRowsPrintTheHeaderAndSaySo() {
        CliRun run = CliRun.of("show", table, "--where", "genre = 'metal'", "--columns", "track_id,genre");
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals("track_id  genre\n--------  -----\n", run.out(), run.transcript());
        assertTrue(run.err().contains("show: no rows where genre = 'metal'"), run.transcript());
    }

    @Test
    void aMissingTableOrABadFilterIsAnErrorNamingTheProblem() {
        CliRun missing = CliRun.of("show", dir.resolve("nothing").toString());
        assertEquals(1, missing.exitCode(), missing.transcript());
        assertTrue(missing.err().contains("nothing"), missing.transcript());
        CliRun badFilter = CliRun.of("show", table, "--where", "no_such_column = 1");
        assertEquals(1, badFilter.exitCode(), badFilter.transcript());
        assertTrue(badFilter.err().contains("no_such_column"), badFilter.transcript());
    }
}
