package io.genrelake.jobs;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one shape of every error line a genrelake command prints on stderr, {@code genrelake <command>: <message>},
 * whether picocli refused the arguments, a job refused its input or a run failed; kept in one place so the
 * style cannot drift between commands (scripts and log searches match on the prefix).
 */
public final class CommandErrors {

    /** The program name every line starts with. */
    public static final String PROGRAM = "genrelake";

    private CommandErrors() {
    }

    /** {@code genrelake <command>: <message>}; {@code genrelake: <message>} when no command applies. */
    public static String line(String command, String message) {
        return command == null || command.isEmpty() ? PROGRAM + ": " + message
                : PROGRAM + " " + command + ": " + message;
    }

    /** Prints {@link #line} on {@code err} and flushes it (the exit follows soon after). */
    public static void print(PrintWriter err, String command, String message) {
        err.println(line(command, message));
        err.flush();
    }

    /** The subcommand path of a picocli qualified name: "genrelake nightly" → "nightly", "genrelake" → "". */
    public static String commandOf(String qualifiedName) {
        return qualifiedName.equals(PROGRAM) ? ""
                : qualifiedName.startsWith(PROGRAM + " ") ? qualifiedName.substring(PROGRAM.length() + 1)
                : qualifiedName;
    }

    /**
     * A bad argument: one line in the common error shape that points at the command's help, rather than
     * picocli's default of the message followed by the whole usage text. Exit code 2. The handler of
     * {@code genrelake} and of the jobs' own mains (spark-submit), so both refuse arguments alike.
     */
    public static int reportUsageError(ParameterException e, String[] args) {
        return reportUsageError(e, commandOf(e.getCommandLine().getCommandSpec().qualifiedName()));
    }

    private static int reportUsageError(ParameterException e, String command) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage().replaceFirst("^Error: ", ""); // picocli's own prefix on some messages
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        String help = command.isEmpty() ? PROGRAM : PROGRAM + " " + command;
        print(cmd.getErr(), command, message + " (see '" + help + " --help')");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A job's own command line (its spark-submit main) with the common usage-error handler; its errors name the
     * genrelake {@code command} with the same options, whose --help explains them.
     */
    public static CommandLine jobCommandLine(Object job, String command) {
        return new CommandLine(job).setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, args) -> reportUsageError(e, command));
    }
}
