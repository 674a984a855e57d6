package io.genrelake.audio.ffmpeg;

/**
 * An unexpected exception inside the FFmpeg process (a bug in our code there, not a reason the file is unusable),
 * carried back to the executor so that the decoder registry treats it as the in-process decoder's bug would be
 * treated ({@link io.genrelake.audio.DecoderBugException}: the file is decoded again by a later decoder, or its row
 * says "internal error" with this message).
 */
public final class RemoteDecoderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RemoteDecoderException(String exception, String where) {
        super("in the FFmpeg process: " + exception + (where.isEmpty() ? "" : " at " + where));
    }
}
