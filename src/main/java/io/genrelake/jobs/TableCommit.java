package io.genrelake.jobs;

import io.genrelake.catalogue.UriCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a table as a whole: the run writes into a staging directory beside the output
 * ({@code <name>.staging-<run>}), and only a finished table is swapped in: the old one is moved aside
 * ({@code <name>.replaced-<run>}), the new one renamed into place, the old one deleted. A failed run
 * leaves the previous table as it was, and a rerun replaces rows instead of adding to them. (The names
 * do not start with a dot or an underscore: Spark would take such a directory for hidden and refuse to
 * read the staged table back for the summary.)
 *
 * <p>On HDFS and local disks each rename is atomic. On S3 a rename is a copy, so readers may briefly see
 * no table (never a mixed one) while the new table is copied into place.
 */
final class TableCommit {

    private static final Logger LOG = LoggerFactory.getLogger(TableCommit.class);
    private static final int PUT_BACK_ATTEMPTS = 3;

    private final FileSystem fs;
    private final Path output;
    private final Path staging;
    private final Path aside;

    private TableCommit(FileSystem fs, Path output, String run) {
        this.fs = fs;
        this.output = output;
        Path parent = output.getParent();
        if (parent == null) {
            throw new IllegalArgumentException("the output cannot be a file system's root: " + output);
        }
        this.staging = new Path(parent, output.getName() + ".staging-" + run);
        this.aside = new Path(parent, output.getName() + ".replaced-" + run);
    }

    /** A commit of a new table at {@code output} (any Hadoop URI or local path). */
    static TableCommit to(String output, Configuration conf) throws IOException {
        if (UriCredentials.present(output)) {
            throw new IllegalArgumentException(UriCredentials.refusal(output));
        }
        Path path = new Path(output);
        FileSystem fs = path.getFileSystem(conf);
        return new TableCommit(fs, fs.makeQualified(path), UUID.randomUUID().toString());
    }

    /** The final location of the table. */
    Path output() {
        return output;
    }

    /** Where the run writes the new table. */
    Path staging() {
        return staging;
    }

    /** Writes a small UTF-8 file into the staged table, e.g. {@code _summary.json}. */
    void writeFile(String name, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(staging, name), true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Swaps the staged table into place; on failure the previous table is put back. */
    void complete() throws IOException {
        if (!fs.exists(staging)) {
            throw new IOException("no staged table at " + staging);
        }
        boolean replacing = fs.exists(output);
        if (replacing && !fs.rename(output, aside)) {
            throw new IOException("cannot move the previous table " + output + " aside to " + aside);
        }
        boolean moved = false;
        try {
            moved = fs.rename(staging, output);
        } finally {
            if (!moved && replacing) {
                putBack();
            }
        }
        if (!moved) {
            throw new IOException("cannot move the new table from " + staging + " to " + output);
        }
        if (replacing && !fs.delete(aside, true)) {
            LOG.warn("could not delete the previous table at {}", aside);
        }
    }

    /**
     * Moves the previous table back into place after the new one could not be moved there, trying a few times: the
     * failure that stopped the commit may be a transient one of the store's, and a table left aside is one readers
     * no longer find (storage-fault tests showed it). Never throws, so the commit's own failure is what is reported.
     */
    private void putBack() {
        for (int attempt = 1; attempt <= PUT_BACK_ATTEMPTS; attempt++) {
            try {
                if (fs.rename(aside, output)) {
                    return;
                }
                LOG.warn("moving the previous table back from {} failed (attempt {})", aside, attempt);
            } catch (IOException e) {
                LOG.warn("moving the previous table back from {} failed (attempt {}): {}", aside, attempt, e.toString());
            }
        }
        LOG.error("the previous table is left at {}", aside);
    }

    /** Deletes the staged table after a failed run; the previous table stays. */
    void abort() {
        try {
            fs.delete(staging, true);
        } catch (IOException e) {
            LOG.warn("could not delete the staging directory {}", staging, e);
        }
    }
}
