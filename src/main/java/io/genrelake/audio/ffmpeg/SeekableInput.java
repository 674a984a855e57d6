package io.genrelake.audio.ffmpeg;

import java.io.Closeable;
import java.io.IOException;

/**
 * Random-access bytes for containers that must seek (MP4/M4A with the index after the audio).
 * {@link FileInput} covers local files. A Hadoop FSDataInputStream fits in a few lines:
 * {@code read} → {@code in.read(b, off, len)}, {@code position} → {@code in.getPos()},
 * {@code seek} → {@code in.seek(pos)}, {@code length} → {@code fs.getFileStatus(path).getLen()}.
 * Wrap it in a {@link SeekableInputStream} and hand that to the decoder registry. Not thread-safe.
 */
public interface SeekableInput extends Closeable {

    /** Reads up to len bytes at the current position; -1 at the end. */
    int read(byte[] b, int off, int len) throws IOException;

    /** The current position, in bytes from the start. */
    long position() throws IOException;

    /** Moves to {@code position}; beyond the end, later reads return -1. */
    void seek(long position) throws IOException;

    /** Total length in bytes, or -1 when unknown. */
    long length() throws IOException;
}
