package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.SegmentPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class GenreLakeCommandTest {

    @TempDir
    Path dir;

    @Test
    void topLevelHelpListsSubcommandsAndOptions() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("Usage: genrelake"), run.out());
        assertTrue(run.out().contains("features"), run.out());
        assertTrue(run.out().contains("--version"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    @Test
    void versionIsDevOutsideAJar() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode(), run.transcript());
        // Tests run from target/classes, whose package has no manifest version.
        assertEquals("genrelake dev", run.out().strip());
    }

    @Test
    void featuresHelpDocumentsEveryOptionWithItsDefault() {
        CliRun run = CliRun.of("features", "--help");
        assertEquals(0, run.exitCode(), run.transcript());
        String help = run.out().replaceAll("\\s+", " "); // descriptions wrap anywhere
        for (String expected : new String[] {"<file-or-dir>", "--output=FILE.csv", "--window-seconds=S",
                "--window-cut=kaggle|exact", "--parallelism=N", "--label-from=parent|none",
                "Default: kaggle", "Default: parent", "Default: the number of processors",
                "Default: one row per whole clip", "errors.csv", "aifc, mp3"}) {
            assertTrue(help.contains(expected), "help lacks '" + expected + "':\n" + help);
        }
        // Every option the command declares appears in the help with a description (old names are hidden).
        CommandLine features = GenreLake.commandLine().getSubcommands().get("features");
        for (OptionSpec option : features.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            assertTrue(help.contains(option.longestName()), option.longestName());
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " has no description");
        }
    }

    @Test
    void helpSubcommandShowsFeaturesHelp() {
        CliRun run = CliRun.of("help", "features");
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("--window-seconds"), run.out());
    }

    @Test
    void noSubcommandIsAUsageErrorToldInOneLine() {
        CliRun run = CliRun.of();
        assertEquals(2, run.exitCode(), run.transcript());
        assertEquals("", run.out(), run.transcript());
        assertEquals(List.of("genrelake: missing command; 'genrelake --help' lists the commands"),
                run.err().lines().toList(), run.transcript());
    }

    /**
     * Every command's {@code --help} prints its help on stdout and nothing on stderr. picocli's own warnings (a
     * description it cannot format, such as an unescaped percent sign) go to System.err, not to the command's
     * writer, so both System streams are captured as well.
     */
    @ParameterizedTest(name = "{0} --help")
    @MethodSource("everyCommand")
    void helpOfEveryCommandIsCleanOnStderr(String command) {
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        args.remove(0); // "genrelake"
        args.add("--help");
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        CliRun run;
        try {
            PrintStream capture = new PrintStream(stray, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            run = CliRun.of(args.toArray(String[]::new));
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
        }
        assertEquals(0, run.exitCode(), run.transcript());
        assertTrue(run.out().contains("Usage: " + command + " "), run.transcript());
        assertEquals("", run.err(), run.transcript());
        assertEquals("", stray.toString(StandardCharsets.UTF_8), "printed on System.out/err");
    }

    /** "genrelake", "genrelake features", … : every command picocli knows, at every depth. */
    static Stream<String> everyCommand() {
        List<String> names = new ArrayList<>();
        collect(GenreLake.commandLine(), names);
        assertTrue(names.size() > 10, names.toString());
        return names.stream();
    }

    private static void collect(CommandLine cmd, List<String> names) {
        names.add(cmd.getCommandSpec().qualifiedName());
        cmd.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, names));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "features --bogus x.wav --output o.csv",
        "features x.wav",
        "features --output o.csv",
        "features x.wav --output o.csv --parallelism 0",
        "features x.wav --output o.csv --parallelism many",
        "features x.wav --output o.csv --window-seconds 0",
        "features x.wav --output o.csv --window-seconds -3",
        "features x.wav --output o.csv --window-seconds NaN",
        "features x.wav --output o.csv --window-seconds 601",
        "features x.wav --output o.csv --window-seconds 0.05",
        "features x.wav --output o.csv --window-cut sloppy",
        "features x.wav --output o.csv --label-from grandparent",
        "nosuchcommand",
    })
    void usageErrorsExitWith2AndWriteNothing(String args) {
        Path out = dir.resolve("o.csv");
        String[] argv = args.replace("o.csv", out.toString()).split(" ");
        CliRun run = CliRun.of(argv);
        assertEquals(2, run.exitCode(), run.transcript());
        // one line in the common shape, pointing at the command's help (for a mistyped command: the closest names)
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.transcript());
        String command = argv[0].equals("nosuchcommand") ? "genrelake" : "genrelake " + argv[0];
        assertTrue(lines.get(0).startsWith(command + ": "), run.transcript());
        assertTrue(lines.get(0).endsWith("(see '" + command + " --help')"), run.transcript());
        assertFalse(Files.exists(out), "nothing is written on a usage error");
    }

    @Test
    void tooShortSegmentNamesTheMinimum() {
        CliRun run = CliRun.of("features", "x.wav", "--output", dir.resolve("o.csv").toString(),
                "--window-seconds", "0.05");
        assertEquals(2, run.exitCode(), run.transcript());
        assertTrue(run.err().contains("1102 samples; at least 2048"), run.err());
    }

    @Test
    void enumValuesAreAcceptedInAnyCase() {
        CommandLine.ParseResult upper = GenreLake.commandLine().parseArgs("features", "a.wav", "--output", "o.csv",
                "--window-cut", "EXACT", "--label-from", "None");
        assertEquals(SegmentPlan.Cut.EXACT, upper.subcommand().matchedOptionValue("--window-cut", null));
        assertEquals(LabelSource.NONE, upper.subcommand().matchedOptionValue("--label-from", null));
        CommandLine.ParseResult lower = GenreLake.commandLine().parseArgs("features", "a.wav", "--output", "o.csv",
                "--window-cut", "kaggle", "--label-from", "parent");
        assertEquals(SegmentPlan.Cut.KAGGLE, lower.subcommand().matchedOptionValue("--window-cut", null));
        assertEquals(LabelSource.PARENT, lower.subcommand().matchedOptionValue("--label-from", null));
    }
}
