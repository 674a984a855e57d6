package io.genrelake.audio;

/**
 * An unexpected exception inside a decoder (a bug: an index out of bounds, a null, a broken invariant), as
 * opposed to the reasons a file is unusable ({@link AudioFormatException}, {@link UnsupportedAudioException}).
 * {@link AudioDecoders#open} and the streams it returns wrap such exceptions in this one, naming the decoder, so
 * that the caller can decode the file again from its start with the decoders after it ({@link
 * AudioDecoders#after}). The original exception is the cause.
 */
public final class DecoderBugException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String decoder;

    DecoderBugException(String decoder, RuntimeException cause) {
        super(decoder + " decoder failed: " + cause, cause);
        this.decoder = decoder;
    }

    /** The {@link AudioDecoder#name} of the decoder that failed. */
    public String decoder() {
        return decoder;
    }

    /** One line for the log: the cause's class, message and top frame. */
    public String describe() {
        Throwable cause = getCause();
        StackTraceElement[] trace = cause.getStackTrace();
        return cause + (trace.length > 0 ? " at " + trace[0] : "");
    }
}
