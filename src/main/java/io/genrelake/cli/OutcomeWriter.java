package io.genrelake.cli;

import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import java.io.IOException;
import java.nio.file.Path;

/** Sends each file's outcome where it belongs: rows to the feature table, reasons to the error log. */
final class OutcomeWriter {

    private final KaggleCsv.Writer table;
    private final ErrorLog errors;
    private int filesUsed;
    private long rowsWritten;

    OutcomeWriter(KaggleCsv.Writer table, ErrorLog errors) {
        this.table = table;
        this.errors = errors;
    }

    void write(FileOutcome outcome) throws IOException {
        if (!outcome.ok()) {
            errors.add(outcome.input().path(), outcome.error());
            return;
        }
        for (KaggleRow row : outcome.rows()) {
            table.write(row);
            rowsWritten++;
        }
        filesUsed++;
    }

    /** A place that could not be searched for audio counts as a failed input. */
    void writeWalkFailure(Path path, String reason) throws IOException {
        errors.add(path, reason);
    }

    int filesUsed() {
        return filesUsed;
    }

    int filesFailed() {
        return errors.count();
    }

    long rowsWritten() {
        return rowsWritten;
    }
}
