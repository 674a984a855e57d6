package io.genrelake.audio.ffmpeg;

import java.io.IOException;

/**
 * The FFmpeg process could not be started: a fault of the installation (no {@code java} beside this JVM's, a class
 * path that cannot be handed to a child), not of any file. Callers that turn failures into rows let this one fail
 * the task instead ({@link #causes}): a row per file saying "FFmpeg unavailable" would be wrong for every file and
 * would hide the fault.
 */
public final class FfmpegUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    FfmpegUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when {@code e} or one of its causes is this exception. */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FfmpegUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
