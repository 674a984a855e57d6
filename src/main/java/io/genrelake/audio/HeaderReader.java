package io.genrelake.audio;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a header sequentially and turns an early end of stream into a "truncated: ..." reason
 * naming the part that was cut.
 */
final class HeaderReader {

    private static final int SKIP_BUFFER = 8192;

    private final InputStream in;
    private long position;
    private byte[] scratch;

    HeaderReader(InputStream in) {
        this.in = in;
    }

    InputStream stream() {
        return in;
    }

    /** Bytes consumed so far. */
    long position() {
        return position;
    }

    /** Reads up to n bytes into b[0..n); fewer only at the end of the stream. */
    int readUpTo(byte[] b, int n) throws IOException {
        return readUpTo(b, 0, n);
    }

    /** Reads up to n bytes into b from {@code off}; fewer only at the end of the stream. */
    int readUpTo(byte[] b, int off, int n) throws IOException {
        int got = in.readNBytes(b, off, n);
        position += got;
        return got;
    }

    /** Reads exactly n bytes of {@code what} ("the fmt chunk") or fails as truncated. */
    void readFully(byte[] b, int n, String what) throws IOException {
        int got = readUpTo(b, n);
        if (got < n) {
            throw truncated(what, got, n);
        }
    }

    /**
     * Skips exactly n bytes of {@code what} or fails as truncated. Reads rather than calling
     * InputStream.skip, which on some streams (FileInputStream) moves past the end without
     * noticing; skipped chunks are small in practice.
     */
    void skip(long n, String what) throws IOException {
        long done = 0;
        while (done < n) {
            if (scratch == null) {
                scratch = new byte[SKIP_BUFFER];
            }
            int got = in.read(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (got < 0) {
                position += done;
                throw truncated(what, done, n);
            }
            done += got;
        }
        position += done;
    }

    /** Skips the pad byte that follows an odd-sized chunk (RIFF/IFF rule); its absence at the end is tolerated. */
    void skipPad(long chunkSize) throws IOException {
        if ((chunkSize & 1) != 0 && in.read() >= 0) {
            position++;
        }
    }

    AudioFormatException truncated(String what, long got, long wanted) {
        return new AudioFormatException("truncated: stream ended inside " + what + " (" + got + " of "
                + wanted + " bytes, at byte " + (position) + ")");
    }
}
