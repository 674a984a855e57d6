package io.genrelake.audio.mp3;

/**
 * Big-endian bit reader over a byte array, as MPEG audio side information and main data are packed. Reads past
 * {@link #limit} return zero bits rather than throwing: damaged frames then decode to garbage that the caller
 * bounds (part2_3_length), never to an exception. Not thread-safe.
 */
final class BitReader {

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private byte[] data;
    private int limitBits;
    private int position;

    /** Reads bits [startBit, limitByte·8) of {@code data}. */
    void reset(byte[] data, int startBit, int limitByte) {
        this.data = data;
        this.position = startBit;
        this.limitBits = limitByte << 3;
    }

    int position() {
        return position;
    }

    void seek(int bit) {
        position = bit;
    }

    /** The next n bits (0 ≤ n ≤ 24) without consuming them. */
    int peek(int n) {
        return n == 0 ? 0 : peek32() >>> (32 - n);
    }

    /** The next 32 bits without consuming them (zeros past the limit): several fields from one look. */
    int peek32() {
        int p = position;
        int i = p >>> 3;
        long word;
        if (i + 8 <= (limitBits >>> 3)) {
            word = (long) LONG_BE.get(data, i);
        } else {
            word = 0;
            for (int k = 0; k < 8; k++) {
                word = word << 8 | byteAt(i + k);
            }
        }
        return (int) ((word << (p & 7)) >>> 32);
    }

    /**
     * Bytes [i, i + 8) as a big-endian long, zeros past the limit: for a caller that keeps the bits ahead in a
     * register of its own.
     */
    long load64(int i) {
        if (i >= 0 && i + 8 <= (limitBits >>> 3)) {
            return (long) LONG_BE.get(data, i);
        }
        long word = 0;
        for (int k = 0; k < 8; k++) {
            word = word << 8 | byteAt(i + k);
        }
        return word;
    }

    void skip(int n) {
        position += n;
    }

    /** The next n bits (0 ≤ n ≤ 24). */
    int read(int n) {
        int v = peek(n);
        position += n;
        return v;
    }

    boolean readBit() {
        return read(1) != 0;
    }

    private int byteAt(int i) {
        return i >= 0 && i < (limitBits >>> 3) ? data[i] & 0xFF : 0;
    }
}
