package io.genrelake.catalogue;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;

/**
 * The {@code error} column: why a file gave no feature rows, written for people and grouped by machines.
 * Every reason is {@code "<kind>"} or {@code "<kind>: <detail>"}, where the kind is one of {@link #KINDS};
 * the run summary counts errors by kind ({@link #kindOf}).
 */
public final class ErrorReason {

    public static final String EMPTY = "empty file";
    public static final String ZERO_DURATION = "zero duration";
    public static final String TOO_SHORT = "too short";
    public static final String TRUNCATED = "truncated";
    public static final String CORRUPT = "corrupt";
    public static final String UNSUPPORTED = "unsupported format";
    public static final String UNDECODABLE = "undecodable";
    public static final String INVALID_SAMPLES = "invalid samples";
    public static final String NOT_FOUND = "not found";
    public static final String PERMISSION_DENIED = "permission denied";
    public static final String IO_ERROR = "I/O error";
    public static final String INTERNAL_ERROR = "internal error";

    /** Every kind, in the order the summary lists them. */
    public static final List<String> KINDS = List.of(EMPTY, ZERO_DURATION, TOO_SHORT, TRUNCATED, CORRUPT,
            UNSUPPORTED, UNDECODABLE, INVALID_SAMPLES, NOT_FOUND, PERMISSION_DENIED, IO_ERROR, INTERNAL_ERROR);

    private ErrorReason() {}

    /** The reason for an exception met while opening, decoding or extracting a file. */
    public static String of(Throwable e) {
        if (e instanceof UnsupportedAudioException) {
            String m = messageOf(e);
            return m.startsWith(UNSUPPORTED) ? m : UNSUPPORTED + ": " + stripPrefix(m, "unsupported ");
        }
        if (e instanceof AudioFormatException) {
            String m = messageOf(e); // the decoders' reasons are written for users already
            for (String kind : List.of(EMPTY, TRUNCATED, CORRUPT)) {
                if (m.equals(kind) || m.startsWith(kind + ":")) {
                    return m;
                }
            }
            return UNDECODABLE + ": " + m;
        }
        if (e instanceof FileNotFoundException || e instanceof NoSuchFileException) {
            return NOT_FOUND + ": the file is gone (deleted or moved after listing?)";
        }
        if (e instanceof AccessDeniedException || isHadoopAccessControl(e)) {
            return PERMISSION_DENIED + ": " + messageOf(e);
        }
        if (e instanceof IOException) {
            return IO_ERROR + ": " + e.getClass().getSimpleName() + ": " + messageOf(e);
        }
        return INTERNAL_ERROR + ": " + e.getClass().getName() + ": " + messageOf(e);
    }

    /** A signal with fewer samples than one analysis frame. */
    public static String tooShort(long samples, long minimum, int sampleRate) {
        return String.format(Locale.ROOT, "%s: %d samples (%.3f s), at least %d (one analysis frame) are needed",
                TOO_SHORT, samples, (double) samples / sampleRate, minimum);
    }

    /** A file whose header is valid but that holds no samples. */
    public static String zeroDuration() {
        return ZERO_DURATION + ": no samples after the header";
    }

    /** Samples the extractor refused (NaN or infinite values). */
    public static String invalidSamples(String detail) {
        return INVALID_SAMPLES + ": " + detail;
    }

    /** The kind of a reason: the text before the first colon. */
    public static String kindOf(String reason) {
        int colon = reason.indexOf(':');
        return (colon < 0 ? reason : reason.substring(0, colon)).strip();
    }

    /** The message of an exception, or its class name when it has none. */
    static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static boolean isHadoopAccessControl(Throwable e) {
        return e.getClass().getName().equals("org.apache.hadoop.security.AccessControlException");
    }

    private static String stripPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }
}
