package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.ml.ModelKind;
import io.genrelake.ml.SparkTestSession;
import io.genrelake.ml.SyntheticFeatures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code genrelake train} and {@code evaluate} as a user runs them: help, usage errors, bad input, a small run. */
class TrainCommandTest {

    private static SparkSession spark;

    @TempDir
    static Path dir;

    private static Path csv;

    @BeforeAll
    static void start() throws Exception {
        // The commands join this session instead of starting their own, and leave it running.
        spark = SparkTestSession.start("TrainCommandTest");
        csv = new SyntheticFeatures(List.of("blues", "jazz", "rock"), 8, 2, 3).writeCsv(dir.resolve("segments.csv"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        CliRun run = CliRun.of("train", "--help");
        assertEquals(0, run.exitCode(), run.transcript());
        for (String expected : List.of("--features", "--output", "--models",
                "--folds", "Default: 10", "--pca", "Default: off", "--seed", "Default: 42", "--protocol",
                "leaky-segments", "LEAKY", "--test-fraction", "Default: 0.2", "--master", "local[*]", "--aggregate",
                "--grid", "--group-by", "track|artist|album", "--split", "--genre-map", "Repeatable", "Exit codes")) {
            assertTrue(run.out().contains(expected), "help lacks '" + expected + "':\n" + run.out());
        }
        // the default model list is long enough to wrap
        assertTrue(run.out().replaceAll(",\\s*\\n\\s*", ",").contains("Default: " + ModelKind.DEFAULT_LIST), run.out());
        CliRun evaluate = CliRun.of("evaluate", "--help");
        assertEquals(0, evaluate.exitCode(), evaluate.transcript());
        assertTrue(evaluate.out().contains("--model") && evaluate.out().contains("--features"), evaluate.out());
    }

    @Test
    void unknownModelNameIsAUsageErrorListingTheKnownOnes() {
        CliRun run = CliRun.of("train", "--features", csv.toString(), "--output", dir.resolve("x").toString(),
                "--models", "lr,xgboost");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("unknown model 'xgboost'") && run.err().contains("rbfsvm"), run.err());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        for (String[] args : List.of(new String[] {"--pca", "many"}, new String[] {"--protocol", "random"},
                new String[] {"--folds", "1"}, new String[] {"--test-fraction", "1.5"})) {
            CliRun run = CliRun.of("train", "--features", csv.toString(), "--output", dir.resolve("x").toString(),
                    args[0], args[1]);
            assertEquals(2, run.exitCode(), run.transcript());
            assertTrue(run.err().contains(args[0]), run.err());
        }
    }

    @Test
    void unreadableFeaturesGiveAClearErrorAndExitOne() {
        CliRun run = CliRun.of("train", "--features", dir.resolve("missing.csv").toString(),
                "--output", dir.resolve("x").toString(), "--master", "local[2]");
        assertEquals(1, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("genrelake train: cannot read features table") && run.err().contains("missing.csv"),
                run.err());
    }

    @Test
    void trainsSavesReportsAndEvaluates() throws Exception {
        Path model = dir.resolve("model");
        CliRun run = CliRun.of("train", "--features", csv.toString(), "--output", model.toString(),
                "--models", "knn,dt", "--folds", "2", "--grid", "quick", "--test-fraction", "0.25", "--master", "local[2]");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("saved") && run.out().contains("CV accuracy"), run.out());
        for (String file : List.of("model-card.json", "out-of-fold.csv", "report.html", "accuracy.png",
                "confusion-cv.png", "confusion-test.png", "pca.png", "correlation.png", "metadata", "stages")) {
            assertTrue(Files.exists(model.resolve(file)), file + " missing in " + model);
        }
        CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--features", csv.toString(),
                "--output", dir.resolve("eval.json").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.transcript());
        assertTrue(evaluate.out().contains("24 tracks") && evaluate.out().contains("macro F1"), evaluate.out());
        assertTrue(Files.readString(dir.resolve("eval.json")).contains("\"accuracy\""));
    }

    @Test
    void leakyProtocolIsLabelledInEveryOutput() throws Exception {
        Path model = dir.resolve("leaky");
        CliRun run = CliRun.of("train", "--features", csv.toString(), "--output", model.toString(),
                "--models", "knn", "--folds", "2", "--grid", "quick", "--protocol", "leaky-segments");
        assertEquals(0, run.exitCode(), run.transcript());
        for (String line : run.out().split("\n")) {
            assertTrue(line.startsWith("LEAKY"), "unlabelled console line: " + line);
        }
        assertTrue(Files.readString(model.resolve("model-card.json")).contains("\"leaky\" : true"));
        assertTrue(Files.readString(model.resolve("model-card.json")).contains("\"protocol\" : \"leaky-segments\""));
        assertTrue(Files.readString(model.resolve("report.html")).contains("LEAKY protocol"));
    }
}
