package io.genrelake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Progress lines on stderr: one per finished file, in the order files finish, and a closing summary. */
final class ProgressReport {

    private final PrintWriter err;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int done;

    ProgressReport(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    /** Called from worker threads as each file finishes. */
    synchronized void fileDone(FileOutcome outcome) {
        done++;
        String status = outcome.ok()
                ? String.format(Locale.ROOT, "ok  %.2f s%s", outcome.seconds(),
                        outcome.rows().size() == 1 ? "" : "  (" + outcome.rows().size() + " segments)")
                : "ERROR " + outcome.error();
        err.println("[" + done + "/" + total + "] " + outcome.input().display() + "  " + status);
        err.flush();
    }

    synchronized void walkFailure(AudioInputs.WalkFailure failure) {
        err.println("[walk] " + failure.path() + "  ERROR " + failure.reason());
        err.flush();
    }

    synchronized void summary(int filesOk, int filesFailed, long rows, Path out, Path errors) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.println(String.format(Locale.ROOT, "%d file%s ok, %d error%s; %d row%s written to %s in %.2f s (%.2f clips/s)",
                filesOk, filesOk == 1 ? "" : "s", filesFailed, filesFailed == 1 ? "" : "s",
                rows, rows == 1 ? "" : "s", out, seconds, seconds > 0 ? filesOk / seconds : 0.0));
        if (filesFailed > 0) {
            err.println("files that could not be used are listed in " + errors);
        }
        err.flush();
    }
}
