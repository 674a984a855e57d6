package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An InputStream view of a {@link SeekableInput}. Passing one to the decoder registry is how a
 * caller says "this input can seek": it supports mark/reset (by seeking), so the registry does not
 * hide it behind a BufferedInputStream, and the FFmpeg decoder recognises it and lets FFmpeg seek.
 * Owns the input and closes it. Not thread-safe.
 */
public final class SeekableInputStream extends InputStream {

    private final SeekableInput input;
    private final byte[] single = new byte[1];
    private long mark = -1;
    private IOException markFailure;

    public SeekableInputStream(SeekableInput input) {
        this.input = Objects.requireNonNull(input, "input");
    }

    /** A local file, seekable. */
    public static SeekableInputStream open(Path path) throws IOException {
        return new SeekableInputStream(FileInput.open(path));
    }

    /** The underlying random-access input, for decoders that seek. */
    public SeekableInput input() {
        return input;
    }

    @Override
    public int read() throws IOException {
        int n = input.read(single, 0, 1);
        return n <= 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return input.read(b, off, len);
    }

    /** Seeks forward instead of reading; never past the end when the length is known. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        long from = input.position();
        long length = input.length();
        long to = length < 0 ? from + n : Math.max(from, Math.min(length, from + n));
        input.seek(to);
        return to - from;
    }

    @Override
    public int available() throws IOException {
        long length = input.length();
        return length < 0 ? 0 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, length - input.position()));
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    /** Any read limit: reset seeks back. */
    @Override
    public void mark(int readLimit) {
        try {
            mark = input.position();
            markFailure = null;
        } catch (IOException e) { // mark cannot throw; reset reports it
            mark = -1;
            markFailure = e;
        }
    }

    @Override
    public void reset() throws IOException {
        if (mark < 0) {
            throw new IOException("reset without a usable mark", markFailure);
        }
        input.seek(mark);
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
