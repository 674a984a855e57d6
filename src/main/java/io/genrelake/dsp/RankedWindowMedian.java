package io.genrelake.dsp;

import java.util.Arrays;

/**
 * Medians of every window of an array, by ranks: the values are ranked once (a stable LSD radix sort of
 * their IEEE bits, which order like the values for non-negative floats), the window becomes a bitset over
 * ranks, and the median moves from set bit to set bit as the window slides — a few integer operations
 * per step, where a sorted window needs a search and a shift. Exact: the result is always an element.
 * Not thread-safe; buffers grow to the largest input and are reused.
 */
public final class RankedWindowMedian {

    private int[] key = new int[0];
    private int[] index = new int[0];
    private int[] keyTmp = new int[0];
    private int[] indexTmp = new int[0];
    private int[] rankOf = new int[0];
    private float[] valueAt = new float[0];
    private long[] bits = new long[1];
    private final int[] count = new int[256];

    /**
     * out[i] = the median of v[i, i + width) for i = 0 .. n − width; v must hold non-negative values
     * (no NaN), width must be odd.
     */
    public void medians(float[] v, int n, int width, float[] out) {
        if (width % 2 == 0 || width > n) {
            throw new IllegalArgumentException("width " + width + " for " + n + " values");
        }
        rank(v, n);
        int words = (n + 63) >>> 6;
        Arrays.fill(bits, 0, words, 0L);
        int half = width / 2;
        for (int i = 0; i < width; i++) {
            int r = rankOf[i];
            bits[r >>> 6] |= 1L << r;
        }
        int pos = nextSet(0);
        for (int k = 0; k < half; k++) {
            pos = nextSet(pos + 1);
        }
        out[0] = valueAt[pos];
        int below = half; // window ranks below pos
        for (int i = 1; i + width <= n; i++) {
            int leaving = rankOf[i - 1];
            int entering = rankOf[i + width - 1];
            bits[leaving >>> 6] &= ~(1L << leaving);
            bits[entering >>> 6] |= 1L << entering;
            below += (entering < pos ? 1 : 0) - (leaving < pos ? 1 : 0);
            if (leaving == pos) {
                pos = nextSet(pos + 1); // ranks are distinct: the next set bit takes its place
            }
            while (below > half) {
                pos = previousSet(pos - 1);
                below--;
            }
            while (below < half) {
                below++;
                pos = nextSet(pos + 1);
            }
            out[i] = valueAt[pos];
        }
    }

    /** Ranks v[0, n): rankOf[i] is the position of v[i] in sorted order (ties by index). */
    private void rank(float[] v, int n) {
        if (key.length < n) {
            key = new int[n];
            index = new int[n];
            keyTmp = new int[n];
            indexTmp = new int[n];
            rankOf = new int[n];
            valueAt = new float[n];
            bits = new long[(n + 63) / 64 + 1];
        }
        for (int i = 0; i < n; i++) {
            key[i] = Float.floatToRawIntBits(v[i]);
            index[i] = i;
        }
        int[] k1 = key;
        int[] i1 = index;
        int[] k2 = keyTmp;
        int[] i2 = indexTmp;
        for (int shift = 0; shift < 32; shift += 8) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(k1[i] >>> shift) & 255]++;
            }
            if (count[(k1[0] >>> shift) & 255] == n) {
                continue; // every key has this byte: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < 256; b++) {
                int c = count[b];
                count[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = count[(k1[i] >>> shift) & 255]++;
                k2[d] = k1[i];
                i2[d] = i1[i];
            }
            int[] t = k1;
            k1 = k2;
            k2 = t;
            t = i1;
            i1 = i2;
            i2 = t;
        }
        for (int r = 0; r < n; r++) {
            rankOf[i1[r]] = r;
            valueAt[r] = Float.intBitsToFloat(k1[r]);
        }
    }

    private int nextSet(int from) {
        int w = from >>> 6;
        long b = bits[w] & (-1L << from);
        while (b == 0) {
            b = bits[++w];
        }
        return (w << 6) + Long.numberOfTrailingZeros(b);
    }

    private int previousSet(int from) {
        int w = from >>> 6;
        long b = bits[w] & (-1L >>> (63 - (from & 63)));
        while (b == 0) {
            b = bits[--w];
        }
        return (w << 6) + 63 - Long.numberOfLeadingZeros(b);
    }
}
