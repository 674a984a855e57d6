package io.genrelake.audio.mp3;

/**
 * The polyphase synthesis filter bank of ISO/IEC 11172-3 §2.4.3.2 (Figure A.2): each time slot's 32 subband
 * samples become 32 PCM samples. Matrixing V[i] = Σ_k cos((16+i)(2k+1)π/64)·S[k] (i < 64) is computed from one
 * 32-point DCT-II X[m] = Σ_k cos(m(2k+1)π/64)·S[k]: V[i] = X[i+16] (i < 16), 0 (i = 16), −X[48−i] (i ≤ 32),
 * −X[|i−48|] (i > 32). Then the 512-tap window D of Table 3-B.3 over the last 16 V vectors. Not thread-safe.
 */
final class SynthesisFilterBank {

    /** cos(m(2k+1)π/64), row k, column m. */
    private static final float[] DCT = new float[32 * 32];
    private static final float[] WINDOW = new float[512];

    static {
        for (int k = 0; k < 32; k++) {
            for (int m = 0; m < 32; m++) {
                DCT[k * 32 + m] = (float) Math.cos(m * (2 * k + 1) * Math.PI / 64);
            }
        }
        for (int i = 0; i < 512; i++) {
            WINDOW[i] = (float) Layer3Tables.SYNTHESIS_WINDOW[i];
        }
    }

    /** The last 16 V vectors (64 values each), newest at {@link #offset}, as a ring. */
    private final float[] v = new float[1024];
    private int offset;
    private final float[] x = new float[32];

    /** Slots {@code [0, slots)} of {@code subbands} ([slot·32 + subband]) to PCM at {@code out[outOff..]}. */
    void synthesize(float[] subbands, int slots, float[] out, int outOff) {
        for (int t = 0; t < slots; t++) {
            slot(subbands, t * 32, out, outOff + 32 * t);
        }
    }

    private void slot(float[] s, int in, float[] out, int outOff) {
        java.util.Arrays.fill(x, 0f);
        for (int k = 0; k < 32; k++) {
            float sk = s[in + k];
            if (sk == 0f) {
                continue;
            }
            int row = k * 32;
            for (int m = 0; m < 32; m++) {
                x[m] += sk * DCT[row + m];
            }
        }
        offset = (offset - 64) & 1023;
        int o = offset;
        for (int i = 0; i < 16; i++) {
            v[o + i] = x[i + 16];
        }
        v[o + 16] = 0f;
        for (int i = 17; i <= 32; i++) {
            v[o + i] = -x[48 - i];
        }
        for (int i = 33; i < 64; i++) {
            v[o + i] = -x[Math.abs(i - 48)];
        }
        // out[j] = Σ_{i<8} D[64i+j]·V[128i+j] + D[64i+32+j]·V[128i+96+j]  (U of the standard, read from V)
        for (int j = 0; j < 32; j++) {
            out[outOff + j] = 0f;
        }
        for (int i = 0; i < 8; i++) {
            int a = (o + 128 * i) & 1023;
            int b = (o + 128 * i + 96) & 1023;
            int d = 64 * i;
            for (int j = 0; j < 32; j++) {
                out[outOff + j] += WINDOW[d + j] * v[a + j] + WINDOW[d + 32 + j] * v[b + j];
            }
        }
    }
}
