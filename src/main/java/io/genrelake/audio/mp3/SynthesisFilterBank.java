package io.genrelake.audio.mp3;

/**
 * The polyphase synthesis filter bank of ISO/IEC 11172-3 §2.4.3.2 (Figure A.2): each time slot's 32 subband
 * samples become 32 PCM samples. Matrixing V[i] = Σ_k cos((16+i)(2k+1)π/64)·S[k] (i < 64) is computed from one
 * 32-point DCT-II X[m] = Σ_k cos(m(2k+1)π/64)·S[k]: V[i] = X[i+16] (i < 16), 0 (i = 16), −X[48−i] (i ≤ 32),
 * −X[|i−48|] (i > 32). Then the 512-tap window D of Table 3-B.3 over the last 16 V vectors. Not thread-safe.
 */
final class SynthesisFilterBank {

    /** The window split by the halves of V it weighs: LOW[i][j] = D[64i + j], HIGH[i][j] = D[64i + 32 + j]. */
    private static final float[][] LOW = new float[8][32];
    private static final float[][] HIGH = new float[8][32];

    static {
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 32; j++) {
                LOW[i][j] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + j];
                HIGH[i][j] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * i + 32 + j];
            }
        }
    }

    /** The last 16 V vectors as halves (V[0..32) and V[32..64)), newest at {@link #newest}, a ring. */
    private final float[][] low = new float[16][32];
    private final float[][] high = new float[16][32];
    private int newest;
    private final Dct32 dct = new Dct32();
    private final float[] x = new float[32];
    private final float[] sum = new float[32];

    /** Slots {@code [0, slots)} of {@code subbands} ([slot·32 + subband]) to PCM at {@code out[outOff..]}. */
    void synthesize(float[] subbands, int slots, float[] out, int outOff) {
        for (int t = 0; t < slots; t++) {
            System.arraycopy(subbands, 32 * t, x, 0, 32);
            slot(out, outOff + 32 * t);
        }
    }

    private void slot(float[] out, int outOff) {
        dct.transform(x);
        newest = (newest + 15) & 15;
        float[] lo = low[newest];
        float[] hi = high[newest];
        for (int i = 0; i < 16; i++) {
            lo[i] = x[i + 16];
        }
        lo[16] = 0f;
        for (int i = 17; i < 32; i++) {
            lo[i] = -x[48 - i];
        }
        for (int i = 0; i < 16; i++) { // V[32 + i] = −X[16 − i]
            hi[i] = -x[16 - i];
        }
        for (int i = 16; i < 32; i++) { // V[32 + i] = −X[i − 16]
            hi[i] = -x[i - 16];
        }
        // out[j] = Σ_{i<8} D[64i+j]·V_{2i}[j] + D[64i+32+j]·V_{2i+1}[32+j], V_k the k-th newest vector
        // (the U of the standard, read from V). Every array indexed by j alone, so C2 vectorises the loops.
        float[] s = sum;
        float[] w0 = LOW[0];
        float[] w1 = HIGH[0];
        float[] v0 = low[newest];
        float[] v1 = high[(newest + 1) & 15];
        for (int j = 0; j < 32; j++) {
            s[j] = w0[j] * v0[j] + w1[j] * v1[j];
        }
        for (int i = 1; i < 8; i++) {
            w0 = LOW[i];
            w1 = HIGH[i];
            v0 = low[(newest + 2 * i) & 15];
            v1 = high[(newest + 2 * i + 1) & 15];
            for (int j = 0; j < 32; j++) {
                s[j] += w0[j] * v0[j] + w1[j] * v1[j];
            }
        }
        System.arraycopy(s, 0, out, outOff, 32);
    }
}
