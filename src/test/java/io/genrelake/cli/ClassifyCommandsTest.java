package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * classify, nightly, show and demo on the command line, without starting Spark: every option is documented
 * with its default, and bad combinations are usage errors (exit 2) before any work.
 */
class ClassifyCommandsTest {

    @TempDir
    Path dir;

    @Test
    void everyNewCommandIsRegisteredAndDocumentsItsOptions() {
        for (String command : List.of("classify", "nightly", "show", "demo")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode(), run.transcript());
            assertTrue(run.out().contains("Usage: genrelake " + command), run.transcript());
        }
        String classify = CliRun.of("classify", "--help").out();
        for (String option : List.of("--input", "--features", "--model", "--output", "--run-date", "--window-seconds",
                "--master", "--conf")) {
            assertTrue(classify.contains(option), option + "\n" + classify);
        }
        assertTrue(classify.contains("the one the model was trained on") && classify.contains("else 30.0"), classify);
        String nightly = CliRun.of("nightly", "--help").out();
        for (String option : List.of("--state", "--keep-snapshots", "genrelake.model.", "Default: today (UTC)")) {
            assertTrue(nightly.contains(option), option + "\n" + nightly);
        }
        assertTrue(CliRun.of("show", "--help").out().contains("Default: 20"));
    }

    @Test
    void classifyNeedsEitherAudioOrFeaturesButNotBoth() {
        CliRun neither = CliRun.of("classify", "--model", "m", "--output", "o");
        assertEquals(2, neither.exitCode(), neither.transcript());
        assertTrue(neither.err().contains("either --input"), neither.transcript());
        CliRun both = CliRun.of("classify", "--input", "a", "--features", "f", "--model", "m", "--output", "o");
        assertEquals(2, both.exitCode(), both.transcript());
        CliRun badDate = CliRun.of("classify", "--features", "f", "--model", "m", "--output", "o", "--run-date", "31.1.2026");
        assertEquals(2, badDate.exitCode(), badDate.transcript());
        assertTrue(badDate.err().contains("YYYY-MM-DD"), badDate.transcript());
    }

    @Test
    void classifyWithoutModelUsesTheDefaultModel() {
        io.genrelake.jobs.ClassifyOptions options = new io.genrelake.jobs.ClassifyOptions();
        picocli.CommandLine cmd = new picocli.CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            io.genrelake.jobs.ClassifyOptions o = options;
        });
        cmd.parseArgs("--features", "f", "--output", "o");
        options.validate();
        assertEquals(Path.of(io.genrelake.scoring.DefaultModel.FOLDER).toAbsolutePath().toString(), options.model());
    }

    @Test
    void nightlyTakesItsSettingsFromTheConfFileAndTheCommandLineWins() throws Exception {
        Path conf = dir.resolve("nightly.conf");
        Files.writeString(conf, "genrelake.input=/music/a, /music/b\ngenrelake.model=/models/m\n"
                + "genrelake.output=/out\ngenrelake.window-seconds=3\n");
        CliRun missingState = CliRun.of("nightly", "--conf", conf.toString());
        assertEquals(2, missingState.exitCode(), missingState.transcript());
        assertTrue(missingState.err().contains("--state (or genrelake.state)"), missingState.transcript());

        io.genrelake.jobs.NightlyOptions options = new io.genrelake.jobs.NightlyOptions();
        picocli.CommandLine cmd = new picocli.CommandLine(new Object() {
            @picocli.CommandLine.Mixin
            io.genrelake.jobs.NightlyOptions o = options;
        });
        cmd.parseArgs("--conf", conf.toString(), "--state", "/state", "--model", "/models/override");
        options.resolve();
        assertEquals(List.of("/music/a", "/music/b"), options.inputs());
        assertEquals("/models/override", options.model());
        assertEquals(3.0, options.askedWindowSeconds());
        assertNull(options.askedMinLastWindowSeconds(), "left to the state, else the default for the windows");
        assertEquals(7, options.keepSnapshots());
    }

    @Test
    void showPrintsNestedColumnsCompactlyAsTableAndCsv() {
        StructType schema = new StructType().add("genre", DataTypes.StringType).add("confidence", DataTypes.DoubleType)
                .add("top", DataTypes.createArrayType(new StructType().add("genre", DataTypes.StringType)
                        .add("probability", DataTypes.DoubleType)));
        Row row = RowFactory.create("rock, live", 0.8123456789, CollectionConverters.asScala(List.of(
                RowFactory.create("rock", 0.8), RowFactory.create("jazz", 0.2))).toSeq());
        String table = TableText.table(schema, List.of(row));
        assertEquals("genre       confidence  top\n----------  ----------  --------------------\n"
                + "rock, live  0.812346    [rock:0.8, jazz:0.2]\n", table);
        assertEquals("genre,confidence,top\n\"rock, live\",0.8123456789,\"[rock:0.8, jazz:0.2]\"\n",
                TableText.csv(schema, List.of(row)));
        CliRun badFormat = CliRun.of("show", "x", "--format", "xml");
        assertEquals(2, badFormat.exitCode(), badFormat.transcript());
    }
}
