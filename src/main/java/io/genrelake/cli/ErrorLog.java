package io.genrelake.cli;

import io.genrelake.features.KaggleCsv;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code path,reason} CSV of files a run could not use. It is always written, header only when
 * nothing failed, so a rerun never leaves a stale list from an earlier run beside fresh output.
 */
final class ErrorLog implements Closeable {

    private final BufferedWriter out;
    private int count;

    private ErrorLog(BufferedWriter out) throws IOException {
        this.out = out;
        out.write("path,reason\n");
    }

    static ErrorLog create(Path file) throws IOException {
        return new ErrorLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** {@code out.csv} → {@code out.errors.csv}; a name without {@code .csv} just gains the suffix. */
    static Path besides(Path output) {
        String name = output.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(stem + ".errors.csv");
    }

    void add(Path path, String reason) throws IOException {
        out.write(KaggleCsv.quote(path.toString()) + "," + KaggleCsv.quote(reason) + "\n");
        count++;
    }

    int count() {
        return count;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
