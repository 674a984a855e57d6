package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.WavWriter;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.jobs.LocalSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code genrelake extract} as users type it. The runs join the class's local[2] session (a command
 * leaves a session it did not start running), so the class starts Spark once.
 */
class ExtractCommandTest {

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

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        CliRun run = CliRun.of("extract", "--help");
        assertEquals(0, run.exitCode(), run.transcript());
        String help = run.out().replaceAll("\\s+", " ");
        for (String expected : new String[] {"--input=URI...", "--output=URI", "--window-seconds=S",
                "--min-last-window-seconds=S", "--labels=CSV", "--master=URL", "--partitions=N", "--conf=FILE",
                "Default: 30.0", "Default: half the window, at most 10", "local[*]", "s3a://", "hdfs://", ".csv", "_summary.json",
                "spark-submit", "Exit codes", "docs/feature-table.md"}) {
            assertTrue(help.contains(expected), "help lacks '" + expected + "':\n" + help);
        }
        CommandLine extract = GenreLake.commandLine().getSubcommands().get("extract");
        for (OptionSpec option : extract.getCommandSpec().options()) {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " has no description");
        }
        assertTrue(CliRun.of("--help").out().contains("extract"), "listed by genrelake --help");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun noOutput = CliRun.of("extract", "--input", dir.toString());
        assertEquals(2, noOutput.exitCode(), noOutput.transcript());
        assertTrue(noOutput.err().contains("--output"), noOutput.err());

        CliRun zero = CliRun.of("extract", "--input", dir.toString(), "--output", dir.resolve("t").toString(),
                "--window-seconds", "0");
        assertEquals(2, zero.exitCode(), zero.transcript());
        assertTrue(zero.err().contains("window seconds must be between"), zero.err());

        CliRun partitions = CliRun.of("extract", "--input", dir.toString(), "--output", dir.resolve("t").toString(),
                "--partitions", "0");
        assertEquals(2, partitions.exitCode(), partitions.transcript());
    }

    @Test
    void extractsALibraryAndPrintsTheSummary() throws Exception {
        Path lib = dir.resolve("lib");
        Files.createDirectories(lib.resolve("blues"));
        WavWriter.writePcm16(lib.resolve("blues/a.wav"), TestLibrary.music(2.2, 220, 1), 22050);
        Files.write(lib.resolve("blues/broken.wav"), new byte[0]);
        Path conf = Files.writeString(dir.resolve("test.properties"), "spark.ui.enabled=false\n");
        Path out = dir.resolve("table");

        CliRun run = CliRun.of("extract", "--input", lib.toString(), "--output", out.toString(),
                "--window-seconds", "1", "--min-last-window-seconds", "0.5", "--master", "local[2]",
                "--partitions", "2", "--conf", conf.toString());

        assertEquals(0, run.exitCode(), run.transcript()); // a bad file does not fail the run
        assertTrue(run.out().contains("2 files listed, 1 ok, 1 with errors"), run.out());
        assertTrue(run.out().contains("2 windows of 1 s"), run.out());
        assertTrue(run.out().contains("error empty file"), run.out());
        assertTrue(Files.exists(out.resolve("_summary.json")));
        assertEquals(3, io.genrelake.tables.Table.readAny(spark, out.toString()).count());
        assertTrue(!spark.sparkContext().isStopped(), "the command leaves a session it joined running");
    }

    @Test
    void nothingToExtractExitsWithOne() {
        CliRun run = CliRun.of("extract", "--input", dir.resolve("missing").toString(), "--output",
                dir.resolve("none").toString());
        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("no audio files or Kaggle tables found"), run.err());
        assertTrue(!Files.exists(dir.resolve("none")));
    }
}
