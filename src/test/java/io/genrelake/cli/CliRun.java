package io.genrelake.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code genrelake} in this JVM, as {@code main} would, capturing stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cmd = GenreLake.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** For assertion messages: everything the run printed. */
    String transcript() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
