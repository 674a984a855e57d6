package io.genrelake.jobs;

import java.io.PrintWriter;

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
}
