package io.genrelake.jobs;

import io.genrelake.tables.WriterLock;
import picocli.CommandLine.Option;

/**
 * {@code --lock-timeout-minutes}, shared by the commands that take an output's writer lock (classify, nightly) so
 * that its name, help and default are stated once.
 */
public final class LockTimeoutOption {

    /** The conf key of nightly's --conf file. */
    public static final String CONF_KEY = "genrelake.lock-timeout-minutes";

    @Option(names = "--lock-timeout-minutes", paramLabel = "M",
            description = "A writer lock on the output (and nightly's state) not refreshed for this long belongs to "
                    + "a dead run and is taken over (a live run refreshes it every 30 s). Conf key " + CONF_KEY
                    + " (nightly). Default: 10.")
    private Double minutes;

    /** The value given, or null. */
    public Double minutes() {
        return minutes;
    }

    public void minutes(Double value) {
        this.minutes = value;
    }

    /** Checks the value given; the message names the option. */
    public void validate() {
        if (minutes != null && !(minutes > 0)) {
            throw new IllegalArgumentException("--lock-timeout-minutes must be more than 0, got " + minutes);
        }
    }

    /** The value in milliseconds, {@link WriterLock#DEFAULT_STALE_AFTER_MS} when none was given. */
    public long millis() {
        return minutes != null ? Math.round(minutes * 60_000) : WriterLock.DEFAULT_STALE_AFTER_MS;
    }
}
