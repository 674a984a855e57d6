package io.genrelake.audio;

import java.io.IOException;

/**
 * Why a file cannot be decoded. {@link #getMessage()} is a short reason written for users, e.g.
 * {@code "truncated: data chunk declares 1323000 bytes, stream ended after 400000"}; the file's name
 * is kept apart in {@link #source()} so that tables can store the reason next to the path.
 */
public class AudioFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private String source;

    public AudioFormatException(String reason) {
        super(reason);
    }

    /** The name of the file or stream that failed (as given to {@link AudioDecoders#open}), or null. */
    public String source() {
        return source;
    }

    /** Records the source name once (the innermost caller that knows it wins); returns this. */
    AudioFormatException withSource(String name) {
        if (source == null) {
            source = name;
        }
        return this;
    }

    @Override
    public String toString() {
        String prefix = getClass().getName() + ": ";
        return source == null ? prefix + getMessage() : prefix + source + ": " + getMessage();
    }
}
