package io.genrelake.audio.ffmpeg;

import java.time.Duration;

/**
 * Where FFmpeg runs, set per JVM (an executor's: {@code spark.executor.extraJavaOptions} or
 * {@code spark.executorEnv.*}):
 * <ul>
 *   <li>{@code -Dgenrelake.ffmpeg.isolation=process} (the default; environment {@code GENRELAKE_FFMPEG_ISOLATION}):
 *       in a process of its own per decoding thread ({@link FfmpegProcess}), so a crash in its native code fails one
 *       file, not the executor; {@code none}: in this JVM, as before (the fuzz campaigns use it, so that a native
 *       crash stops the campaign as a finding);</li>
 *   <li>{@code -Dgenrelake.ffmpeg.timeoutSeconds=60} (environment {@code GENRELAKE_FFMPEG_TIMEOUT_SECONDS}): how
 *       long the process may go without a word while it works on a file before it is stopped and the file gets
 *       "FFmpeg stopped answering" (a hang in native code). Only isolated FFmpeg can be stopped.</li>
 * </ul>
 */
public final class FfmpegIsolation {

    public static final String PROPERTY = "genrelake.ffmpeg.isolation";
    public static final String TIMEOUT_PROPERTY = "genrelake.ffmpeg.timeoutSeconds";
    /** Decoding a chunk or answering a read takes milliseconds; a minute of silence is a hang, even on a busy machine. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private FfmpegIsolation() {}

    /** True unless the setting says {@code none}. */
    public static boolean isolated() {
        String value = setting(PROPERTY, "GENRELAKE_FFMPEG_ISOLATION");
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("process")) {
            return true;
        }
        if (value.trim().equalsIgnoreCase("none")) {
            return false;
        }
        throw new IllegalArgumentException(PROPERTY + " must be process or none, not '" + value + "'");
    }

    /** The time limit of a silent FFmpeg process. */
    public static Duration timeout() {
        String value = setting(TIMEOUT_PROPERTY, "GENRELAKE_FFMPEG_TIMEOUT_SECONDS");
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        }
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds > 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException(TIMEOUT_PROPERTY + " must be a whole number of seconds above 0, not '"
                + value + "'");
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(variable);
    }
}
