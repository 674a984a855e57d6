package io.genrelake.audio;

import java.io.IOException;
import java.io.InputStream;

/** A decoder for one container/encoding family. Stateless, thread-safe. */
public interface AudioDecoder {

    /**
     * Short lower-case name, unique in a registry and stable (the feature table's {@code decoder} column records
     * it): "wav", "au", "aiff", "java-mp3", "ffmpeg".
     */
    String name();

    /** True if the first {@code length} bytes of a file (up to 64 are passed) are this format. */
    boolean sniff(byte[] header, int length);

    /**
     * Parses the header and returns a stream positioned at the first sample. The stream owns
     * {@code in} and closes it; on failure {@code in} is left open for the caller to close.
     * Returns null when, having read further than the sniffed bytes, the decoder finds the file is
     * not its format after all; it has then reset {@code in} (which supports mark/reset) to where
     * it was, and the next decoder is tried.
     *
     * @throws AudioFormatException with a clear reason when the header is corrupt or truncated
     * @throws UnsupportedAudioException when the encoding is valid but not decoded here
     */
    AudioStream open(InputStream in) throws IOException;
}
