package io.genrelake.audio.mp3;

/**
 * The polyphase synthesis filter bank of ISO/IEC 11172-3 §2.4.3.2 (Figure A.2): each time slot's 32 subband
 * samples become 32 PCM samples. Matrixing V[i] = Σ_k cos((16+i)(2k+1)π/64)·S[k] (i < 64) is computed from one
 * 32-point DCT-II X[m] = Σ_k cos(m(2k+1)π/64)·S[k]: V[i] = X[i+16] (i < 16), 0 (i = 16), −X[48−i] (i ≤ 32),
 * −X[|i−48|] (i > 32). Then the 512-tap window D of Table 3-B.3 over the last 16 V vectors. Not thread-safe.
 */
final class SynthesisFilterBank {

    /** The window split by the halves of V it weighs: low[i][j] = D[64i + j], high[i][j] = D[64i + 32 + j]. */
    private static final float[][] LOW_WINDOW = new float[8][32];
    private static final float[][] HIGH_WINDOW = new float[8][32];

    static {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 32; j++) {
                LOW_WINDOW[i][j] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + j];
                HIGH_WINDOW[i][j] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + 32 + j];
            }
        }
    }

    /** The last 16 V vectors' halves (V[0..32) and V[32..64)), newest at {@link #newest}, a ring. */
    private final float[][] low = new float[16][32];
    private final float[][] high = new float[16][32];
    private int newest;
    private final Dct32 dct = new Dct32();
    private final float[] x = new float[32];
    private final float[] sum = new float[32];

    /** Slots {@code [0, slots)} of {@code subbands} ([slot·32 + subband]) to PCM at {@code out[outOff..]}, 32 per slot. */
    void synthesize(float[] subbands, int slots, float[] out, int outOff) {
        for (int t = 0; t < slots; t++) {
            slot(subbands, 32 * t, out, outOff + 32 * t);
        }
    }

    /** One slot, {@code subbands[in..in+32)}, to 32 samples at {@code out[outOff..]}. */
    void slot(float[] subbands, int in, float[] out, int outOff) {
        float[] x = this.x;
        System.arraycopy(subbands, in, x, 0, 32);
        dct.transform(x);
        newest = (newest + 15) & 15;
        float[] lo = low[newest];
        float[] hi = high[newest];
        // V's halves by ranges, which C2 compiles to straight copies
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
        // out[j] = Σ_{i<8} D[64i+j]·V_{2i}[j] + D[64i+32+j]·V_{2i+1}[32+j], V_k the k-th newest vector
        // (the U of the standard, read from V). Every array indexed by k alone, so C2 vectorises the loops.
        float[] s = sum;
        int n = 32;
        float[] w0 = LOW_WINDOW[0];
        float[] w1 = HIGH_WINDOW[0];
        float[] v0 = lo;
        float[] v1 = high[(newest + 1) & 15];
        for (int k = 0; k < n; k++) {
            s[k] = w0[k] * v0[k] + w1[k] * v1[k];
        }
        for (int i = 1; i < 8; i++) {
            w0 = LOW_WINDOW[i];
            w1 = HIGH_WINDOW[i];
            v0 = low[(newest + 2 * i) & 15];
            v1 = high[(newest + 2 * i + 1) & 15];
            for (int k = 0; k < n; k++) {
                s[k] += w0[k] * v0[k] + w1[k] * v1[k];
            }
        }
        System.arraycopy(s, 0, out, outOff, n);
    }
}
