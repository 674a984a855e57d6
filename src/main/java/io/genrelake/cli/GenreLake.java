package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code genrelake} command: entry point of the command-line front end and home of its subcommands. */
@Command(
        name = "genrelake",
        mixinStandardHelpOptions = true,
        versionProvider = ManifestVersionProvider.class,
        description = "Genre tables for whole music catalogues: librosa-compatible GTZAN features and genre models.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  the command ran but failed (for features: no file could be used)",
                "  2  usage error (unknown option, bad value, missing argument)",
                "%nEnvironment (read by bin/genrelake):",
                "  GENRELAKE_JAVA_OPTS   extra JVM options, split on spaces, e.g. -Xmx8g",
                "  GENRELAKE_VECTOR_API  off: leave out the incubating Vector API module that",
                "                        the launcher adds when the JVM has it (same results,",
                "                        the extractor ~65 %% slower)",
                "  GENRELAKE_MP3_DECODER ffmpeg: MP3 through FFmpeg instead of the pure-Java",
                "                        decoder (same samples to > 100 dB; ~3x slower)",
                "  GENRELAKE_FFMPEG_ISOLATION none: FFmpeg inside this JVM instead of a process",
                "                        of its own per thread (a native crash then ends the JVM)",
                "  GENRELAKE_FFMPEG_TIMEOUT_SECONDS how long a silent FFmpeg process may take on",
                "                        a file before it is stopped (default 60)",
                "  GENRELAKE_BUILD_DIR   the build folder (default target/)"})
public final class GenreLake implements Callable<Integer> {

    /** Exit code for a command that ran but produced nothing usable. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code for a usage error (picocli's own for a bad option). */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    @Spec
    private CommandSpec spec;

    /**
     * The subcommands, in the order {@code --help} lists them. Registered in code rather than in the annotation so
     * that a one-file command can be set up alone ({@link #commandLine(String[])}).
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(FeaturesCommand.class, ExtractCommand.class,
            BenchExtractCommand.class, FidelityCommand.class, SampleDataCommand.class, TrainCommand.class,
            EvaluateCommand.class, ClassifyCommand.class, NightlyCommand.class, ShowCommand.class,
            IdentifyCommand.class, ServeCommand.class, DemoCommand.class, BenchNightlyCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * Commands whose run is short enough that setting up the other subcommands would dominate it: picocli reads
     * every option of every subcommand by reflection, about a second of a cold JVM (docs/benchmarks.md, "identify:
     * start-up"); for these, only the one named is set up.
     */
    private static final Map<String, Class<?>> QUICK = Map.of("identify", IdentifyCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests so both parse identically. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /** The command line for {@code args}: every subcommand, or only the quick one {@code args[0]} names. */
    static CommandLine commandLine(String[] args) {
        CommandLine cmd = new CommandLine(new GenreLake());
        Class<?> quick = args.length > 0 ? QUICK.get(args[0]) : null;
        for (Class<?> sub : quick != null ? List.of(quick) : SUBCOMMANDS) {
            cmd.addSubcommand(sub);
        }
        // Lets users type --window-cut kaggle / --label-from none in lower case, as the help shows them.
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(CommandErrors::reportUsageError);
        cmd.setExecutionExceptionHandler(GenreLake::reportFailure);
        return cmd;
    }

    /**
     * Without a subcommand there is nothing to do: a usage error, told in one line that points at the list of
     * commands (not the whole usage text, which would bury it).
     */
    @Override
    public Integer call() {
        CommandErrors.print(spec.commandLine().getErr(), "", "missing command; 'genrelake --help' lists the commands");
        return EXIT_USAGE;
    }

    /**
     * I/O problems (an unwritable --output, say) are the user's to fix and get one line; anything else is
     * a bug and keeps its stack trace for the report.
     */
    private static int reportFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String command = CommandErrors.commandOf(cmd.getCommandSpec().qualifiedName());
        if (cause instanceof IOException io) {
            CommandErrors.print(cmd.getErr(), command, FailureReason.of(io));
        } else {
            CommandErrors.print(cmd.getErr(), command, "internal error: " + cause);
            cause.printStackTrace(cmd.getErr());
            cmd.getErr().flush();
        }
        return EXIT_FAILURE;
    }
}
