package io.genrelake.audio.mp3;

/**
 * The polyphase synthesis filter bank of ISO/IEC 11172-3 §2.4.3.2 (Figure A.2): each time slot's 32 subband
 * samples become 32 PCM samples. Matrixing V[i] = Σ_k cos((16+i)(2k+1)π/64)·S[k] (i < 64) is computed from one
 * 32-point DCT-II X[m] = Σ_k cos(m(2k+1)π/64)·S[k]: V[i] = X[i+16] (i < 16), 0 (i = 16), −X[48−i] (i ≤ 32),
 * −X[|i−48|] (i > 32). Then the 512-tap window D of Table 3-B.3 over the last 16 V vectors.
 *
 * <p>A bank may compute only every {@code step}-th PCM sample of each slot from {@code phase} on: each output
 * sample weighs its own column of V, so the others' columns are neither kept nor windowed ({@link HalfRateSynthesis}
 * takes every second sample). Not thread-safe.
 */
final class SynthesisFilterBank {

    /** Where V[j] and V[32 + j] come from in X, and with which sign (0 for V[16]). */
    private static final int[] LOW_SOURCE = new int[32];
    private static final float[] LOW_SIGN = new float[32];
    private static final int[] HIGH_SOURCE = new int[32];

    static {
        for (int j = 0; j < 32; j++) {
            LOW_SOURCE[j] = j < 16 ? j + 16 : j == 16 ? 0 : 48 - j;
            LOW_SIGN[j] = j < 16 ? 1f : j == 16 ? 0f : -1f;
            HIGH_SOURCE[j] = j < 16 ? 16 - j : j - 16; // V[32 + j] = −X[16 − j] (j < 16), −X[j − 16]
        }
    }

    private final int width;
    private final int[] lowSource;
    private final float[] lowSign;
    private final int[] highSource;
    /** The window for this bank's columns, split by the halves of V it weighs: low[i][k] = D[64i + j_k], high[i][k] = D[64i + 32 + j_k]. */
    private final float[][] lowWindow = new float[8][];
    private final float[][] highWindow = new float[8][];
    /** This bank's columns of the last 16 V vectors' halves (V[0..32) and V[32..64)), newest at {@link #newest}, a ring. */
    private final float[][] low;
    private final float[][] high;
    private int newest;
    private final Dct32 dct = new Dct32();
    private final float[] x = new float[32];
    private final float[] sum;

    /** The full bank: 32 samples per slot. */
    SynthesisFilterBank() {
        this(0, 1);
    }

    /** A bank that computes samples j = phase, phase + step, … (j < 32) of each slot; step divides 32. */
    SynthesisFilterBank(int phase, int step) {
        width = 32 / step;
        lowSource = new int[width];
        lowSign = new float[width];
        highSource = new int[width];
        for (int k = 0; k < width; k++) {
            int j = phase + step * k;
            lowSource[k] = LOW_SOURCE[j];
            lowSign[k] = LOW_SIGN[j];
            highSource[k] = HIGH_SOURCE[j];
        }
        for (int i = 0; i < 8; i++) {
            lowWindow[i] = new float[width];
            highWindow[i] = new float[width];
            for (int k = 0; k < width; k++) {
                int j = phase + step * k;
                lowWindow[i][k] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + j];
                highWindow[i][k] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + 32 + j];
            }
        }
        low = new float[16][width];
        high = new float[16][width];
        sum = new float[width];
    }

    /** Samples per slot this bank computes. */
    int width() {
        return width;
    }

    /** Slots {@code [0, slots)} of {@code subbands} ([slot·32 + subband]) to PCM at {@code out[outOff..]}, {@link #width} per slot. */
    void synthesize(float[] subbands, int slots, float[] out, int outOff) {
        for (int t = 0; t < slots; t++) {
            slot(subbands, 32 * t, out, outOff + width * t);
        }
    }

    /** One slot, {@code subbands[in..in+32)}, to {@link #width} samples at {@code out[outOff..]}. */
    void slot(float[] subbands, int in, float[] out, int outOff) {
        float[] x = this.x;
        System.arraycopy(subbands, in, x, 0, 32);
        dct.transform(x);
        newest = (newest + 15) & 15;
        float[] lo = low[newest];
        float[] hi = high[newest];
        int n = width;
        if (n == 32) { // the full bank: V's halves by ranges, which C2 compiles to straight copies
            for (int j = 0; j < 16; j++) {
                lo[j] = x[j + 16];
                hi[j] = -x[16 - j];
            }
            lo[16] = 0f;
            for (int j = 17; j < 32; j++) {
                lo[j] = -x[48 - j];
            }
            for (int j = 16; j < 32; j++) {
                hi[j] = -x[j - 16];
            }
        } else {
            for (int k = 0; k < n; k++) {
                lo[k] = lowSign[k] * x[lowSource[k]];
                hi[k] = -x[highSource[k]];
            }
        }
        // out[j] = Σ_{i<8} D[64i+j]·V_{2i}[j] + D[64i+32+j]·V_{2i+1}[32+j], V_k the k-th newest vector
        // (the U of the standard, read from V). Every array indexed by k alone, so C2 vectorises the loops.
        float[] s = sum;
        float[] w0 = lowWindow[0];
        float[] w1 = highWindow[0];
        float[] v0 = lo;
        float[] v1 = high[(newest + 1) & 15];
        for (int k = 0; k < n; k++) {
            s[k] = w0[k] * v0[k] + w1[k] * v1[k];
        }
        for (int i = 1; i < 8; i++) {
            w0 = lowWindow[i];
            w1 = highWindow[i];
            v0 = low[(newest + 2 * i) & 15];
            v1 = high[(newest + 2 * i + 1) & 15];
            for (int k = 0; k < n; k++) {
                s[k] += w0[k] * v0[k] + w1[k] * v1[k];
            }
        }
        System.arraycopy(s, 0, out, outOff, n);
    }
}
