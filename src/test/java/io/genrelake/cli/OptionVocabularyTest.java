package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.SegmentPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One option vocabulary across the commands (issue 19, item 5): the new names, the old ones still accepted but
 * hidden, one {@code --conf} everywhere Spark starts, one error shape. In-process and without Spark.
 */
class OptionVocabularyTest {

    @TempDir
    Path dir;

    /** The old name is parsed into the new option's value, and the help names only the new one. */
    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "features, --out, --output, x.wav",
        "features, --segment-seconds, --window-seconds, x.wav --output o.csv",
        "features, --segment-cut, --window-cut, x.wav --output o.csv",
        "features, --threads, --parallelism, x.wav --output o.csv",
        "train, --model-out, --output, --features f.csv",
        "evaluate, --out, --output, --model m --features f.csv",
        "fidelity, --out, --output, ''",
        "make-sample-data, --out, --output, ''",
    })
    void oldNamesStillWorkButAreLeftOutOfTheHelp(String command, String oldName, String newName, String rest) {
        String value = newName.equals("--window-cut") ? "exact" : newName.equals("--window-seconds") ? "3.0"
                : newName.equals("--parallelism") ? "3" : "target-dir";
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(Arrays.stream(rest.split(" ")).filter(s -> !s.isEmpty()).toList());
        args.addAll(List.of(oldName, value));

        CommandLine cmd = GenreLake.commandLine();
        CommandLine.ParseResult parsed = cmd.parseArgs(args.toArray(String[]::new));
        CommandSpec sub = parsed.subcommand().commandSpec();
        OptionSpec option = sub.findOption(newName);
        assertNotNull(option, newName);
        Object got = option.getValue();
        assertEquals(value, got instanceof SegmentPlan.Cut cut ? cut.name().toLowerCase() : String.valueOf(got));

        CliRun help = CliRun.of(command, "--help");
        assertEquals(0, help.exitCode(), help.transcript());
        assertTrue(help.out().contains(newName + "="), help.out());
        assertFalse(Pattern.compile(Pattern.quote(oldName) + "\\b(?!-)").matcher(help.out()).find(),
                oldName + " is shown:\n" + help.out());
    }

    /** The same --conf (one mixin: same description) on every command that starts Spark. */
    @Test
    void everySparkCommandTakesTheSameConfOption() {
        CommandLine cmd = GenreLake.commandLine();
        List<String> sparkCommands = List.of("extract", "classify", "nightly", "train", "evaluate", "show");
        String[] description = cmd.getSubcommands().get("extract").getCommandSpec().findOption("--conf").description();
        for (String name : sparkCommands) {
            OptionSpec conf = cmd.getSubcommands().get(name).getCommandSpec().findOption("--conf");
            assertNotNull(conf, name + " has no --conf");
            assertEquals(Arrays.asList(description), Arrays.asList(conf.description()), name);
            assertEquals("FILE", conf.paramLabel(), name);
        }
    }

    /**
     * train, evaluate and show read the --conf file before their Spark session starts: a missing one is a
     * failure (exit 1) that names it, in the common error shape, and no Spark is started.
     */
    @ParameterizedTest
    @CsvSource({
        "train, --features f.csv --output m",
        "evaluate, --model m --features f.csv",
        "show, t",
    })
    void aMissingConfFileIsReadAndReportedByTrainEvaluateAndShow(String command, String rest) {
        Path missing = dir.resolve("missing.properties");
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of(rest.split(" ")));
        args.addAll(List.of("--conf", missing.toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.transcript());
        assertEquals(List.of("genrelake " + command + ": I/O error (IOException): cannot read --conf " + missing
                + " (NoSuchFileException)"), run.err().lines().toList(), run.transcript());
    }

    /**
     * README's table of the shared options: every command it names for an option has that option under that name,
     * shown in its help (not a hidden old name).
     */
    @Test
    void theReadmeTableOfSharedOptionsMatchesTheCommands() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("| option | meaning | commands |");
        assertTrue(start >= 0, "README has no table of shared options");
        CommandLine cli = GenreLake.commandLine();
        int checked = 0;
        for (String row : lines.subList(start + 2, lines.size())) {
            if (!row.startsWith("|")) {
                break;
            }
            String[] cells = row.replace("\\|", "/").split("\\|");
            Matcher name = Pattern.compile("`(--[a-z-]+)").matcher(cells[1]);
            assertTrue(name.find(), row);
            Matcher command = Pattern.compile("`([a-z-]+)`").matcher(cells[cells.length - 1]);
            while (command.find()) {
                CommandLine sub = cli.getSubcommands().get(command.group(1));
                assertNotNull(sub, row);
                OptionSpec option = sub.getCommandSpec().findOption(name.group(1));
                assertNotNull(option, command.group(1) + " lacks " + name.group(1));
                assertFalse(option.hidden(), command.group(1) + " " + name.group(1) + " is hidden");
                checked++;
            }
        }
        assertTrue(checked > 30, "options checked: " + checked);
    }

    /** Usage errors of every kind, from picocli or from the command's own checks, print one prefixed line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "features x.wav                                         | features",
        "featurs x.wav                                          | ",
        "extract --input in                                     | extract",
        "train --features f.csv --output m --pca -1             | train",
        "evaluate --model m --features f.csv --aggregate median | evaluate",
        "classify --output o                                    | classify",
        "show t --format xml                                    | show",
        "identify x.wav --window-seconds 0                      | identify",
        "serve --bogus                                          | serve",
    })
    void usageErrorsPrintOneLineInTheCommonShape(String args, String command) {
        CliRun run = CliRun.of(args.strip().split(" +"));
        assertEquals(2, run.exitCode(), run.transcript());
        String prefix = command == null ? "genrelake: " : "genrelake " + command + ": ";
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.transcript());
        assertTrue(lines.get(0).startsWith(prefix), run.transcript());
        if (command == null) {
            assertTrue(lines.get(0).contains("did you mean features"), run.transcript());
        }
    }

    /** Failures after the arguments were accepted use the same shape (exit 1). */
    @Test
    void failuresUseTheSamePrefix() {
        CliRun identify = CliRun.of("identify", "x.wav", "--model", dir.resolve("no-model").toString());
        assertEquals(1, identify.exitCode(), identify.transcript());
        assertTrue(identify.err().startsWith("genrelake identify: cannot read the model: "), identify.transcript());

        CliRun features = CliRun.of("features", dir.toString(), "--output", dir.resolve("o.csv").toString());
        assertEquals(1, features.exitCode(), features.transcript());
        assertTrue(features.err().lines().anyMatch(l -> l.startsWith("genrelake features: no audio files found")),
                features.transcript());
    }

    /** The jobs' own mains (spark-submit) refuse arguments in the same shape, naming the genrelake command. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "io.genrelake.jobs.ExtractJob  | extract",
        "io.genrelake.jobs.TrainJob    | train",
        "io.genrelake.jobs.EvaluateJob | evaluate",
        "io.genrelake.jobs.ClassifyJob | classify",
        "io.genrelake.jobs.NightlyJob  | nightly",
    })
    void theJobsMainsRefuseArgumentsInTheSameShape(String job, String command) throws Exception {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cmd = io.genrelake.jobs.CommandErrors.jobCommandLine(
                Class.forName(job).getDeclaredConstructor().newInstance(), command);
        cmd.setErr(new java.io.PrintWriter(err));
        assertEquals(2, cmd.execute("--bogus"), err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("genrelake " + command + ": "), lines.get(0));
        assertTrue(lines.get(0).endsWith("(see 'genrelake " + command + " --help')"), lines.get(0));
    }
}
