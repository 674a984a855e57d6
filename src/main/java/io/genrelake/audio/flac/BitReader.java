package io.genrelake.audio.flac;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian bit reads over a byte array (a FLAC frame is MSB-first throughout, RFC 9639 section 9), with the Rice
 * codes of the residual read from a 64-bit window. Never reads past {@link #limit}: a read that would is an
 * {@link OutOfData}, which the stream answers by reading more of the file and decoding the frame again.
 */
final class BitReader {

    /** Thrown when a read needs bytes past the limit: the frame is longer than what is buffered. */
    static final class OutOfData extends Exception {
        private static final long serialVersionUID = 1L;
        static final OutOfData INSTANCE = new OutOfData();

        private OutOfData() {
            super(null, null, false, false);
        }
    }

    /** Eight bytes at once, big-endian, for {@link #refill}. */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int limit;
    /** Index of the next byte to load into the window. */
    private int next;
    /** Bits not yet consumed, left-aligned in {@code window}. */
    private long window;
    private int bits;

    void reset(byte[] buf, int position, int limit) {
        this.buf = buf;
        this.limit = limit;
        this.next = position;
        this.window = 0;
        this.bits = 0;
    }

    /** The byte position of the next unread bit, when at a byte boundary. */
    int bytePosition() {
        return next - bits / 8;
    }

    /** Skips to the next byte boundary. */
    void align() {
        int drop = bits & 7;
        window <<= drop;
        bits -= drop;
    }

    /** Fills the window to at least 57 bits where the data allows: eight bytes at once, whole bytes kept. */
    private void refill() {
        if (bits <= 56 && next + 8 <= limit) {
            int take = (64 - bits) >>> 3;
            int rest = 64 - bits - 8 * take; // low bits of the window that are not whole bytes: cleared
            window = (window | ((long) LONG.get(buf, next) >>> bits)) & (-1L << rest);
            next += take;
            bits += 8 * take;
            return;
        }
        while (bits <= 56 && next < limit) {
            window |= (long) (buf[next++] & 0xFF) << (56 - bits);
            bits += 8;
        }
    }

    /** An unsigned value of {@code n} bits, 0 ≤ n ≤ 32. */
    int readUnsigned(int n) throws OutOfData {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            refill();
            if (bits < n) {
                throw OutOfData.INSTANCE;
            }
        }
        int value = (int) (window >>> (64 - n));
        window <<= n;
        bits -= n;
        return value;
    }

    /** A two's-complement value of {@code n} bits, 0 ≤ n ≤ 32. */
    int readSigned(int n) throws OutOfData {
        if (n == 0) {
            return 0;
        }
        int v = readUnsigned(n);
        return (v << (32 - n)) >> (32 - n);
    }

    /** Zeros before the next 1 bit, consuming both. */
    int readUnary() throws OutOfData {
        int count = 0;
        while (true) {
            if (bits == 0) {
                refill();
                if (bits == 0) {
                    throw OutOfData.INSTANCE;
                }
            }
            if (window != 0) {
                int zeros = Long.numberOfLeadingZeros(window);
                if (zeros < bits) {
                    window <<= zeros + 1;
                    bits -= zeros + 1;
                    return count + zeros;
                }
            }
            count += bits;
            window = 0;
            bits = 0;
        }
    }

    /**
     * {@code count} Rice-coded values with parameter {@code k} (RFC 9639 section 9.2.7.3: a unary quotient, k low
     * bits, zigzag-folded sign) into {@code dst[from..]}.
     */
    void readRice(int[] dst, int from, int count, int k) throws OutOfData {
        for (int i = from, end = from + count; i < end; i++) {
            if (bits < 32) {
                refill();
            }
            // Fast path: the whole code is in the window (the quotient's zeros, its 1, k low bits).
            int zeros = Long.numberOfLeadingZeros(window);
            int need = zeros + 1 + k;
            long u;
            if (window != 0 && need <= bits) {
                u = k == 0 ? zeros : ((long) zeros << k) | ((window << (zeros + 1)) >>> (64 - k));
                window = need == 64 ? 0 : window << need;
                bits -= need;
            } else {
                long q = readUnary();
                u = (q << k) | (k == 0 ? 0 : readUnsigned(k) & 0xFFFFFFFFL);
            }
            dst[i] = (int) ((u >>> 1) ^ -(u & 1));
        }
    }
}
