package io.genrelake.audio.mp3;

/**
 * The windowed 36-point IMDCTs of a granule's long-block subbands with overlap-add (ISO/IEC 11172-3
 * §2.4.3.4.10.2), eight subbands at a time as the lanes of one computation: their lines come transposed
 * ({@code lines[k·32 + subband]}) and their outputs leave slot-major, as the synthesis wants them.
 *
 * <p>The IMDCT is the 18-point DCT-IV y[n] = Σ_k x[k]·cos(π(2n+1)(2k+1)/72) unfolded (x_36[i] = y[i+9] for i < 9,
 * −y[26−i] for i < 27, −y[i−27] after), and the DCT-IV is computed through a 9-point complex DFT (the standard
 * half-length-FFT algorithm): z[m] = (x[2m] + i·x[17−2m])·e^{−iπ(4m+1)/72}, Z its DFT, w[p] = Z[p]·e^{−iπp/18},
 * y[2p] = Re w[p], y[17−2p] = −Im w[p]; the DFT as 3 × 3 (three-point DFTs over m = 3a + b for each b, twiddles
 * W₉^{bc}, three-point DFTs over b). About 230 operations per subband instead of the 324 multiply-adds of the sum.
 * Every stage is a loop over the lanes, so {@link Plain} and {@code VectorLongBlockImdct} give the same bits.
 */
final class LongBlockImdct {

    interface Kernel {
        /**
         * Subbands [0, 8·groups): lines[k·32 + sb] (k < 18) to output[t·32 + sb] = b[t] + overlap[t·32 + sb] and
         * overlap[t·32 + sb] = b[18 + t] (t < 18), b the IMDCT windowed by {@code signedWindow}
         * ({@link #signedWindow}).
         */
        void transform(float[] lines, int groups, float[] signedWindow, float[] overlap, float[] output);
    }

    /** Pre-twiddles e^{−iπ(4m+1)/72}: real parts, then imaginary. */
    static final float[] PRE = new float[18];
    /** W₉^{bc} for the first stage's output c of DFT b, [3b + c], real parts then imaginary (1 where bc = 0). */
    static final float[] TWIDDLE = new float[18];
    /** Post-twiddles: cos(πp/18), then sin(πp/18). */
    static final float[] POST = new float[18];
    /** √3/2, the three-point DFT's sine. */
    static final float SIN60 = (float) (Math.sqrt(3) / 2);
    /** Which y each of the 36 outputs unfolds from. */
    static final int[] SOURCE = new int[36];

    static {
        for (int m = 0; m < 9; m++) {
            PRE[m] = (float) Math.cos(Math.PI * (4 * m + 1) / 72);
            PRE[9 + m] = (float) -Math.sin(Math.PI * (4 * m + 1) / 72);
            POST[m] = (float) Math.cos(Math.PI * m / 18);
            POST[9 + m] = (float) Math.sin(Math.PI * m / 18);
        }
        for (int b = 0; b < 3; b++) {
            for (int c = 0; c < 3; c++) {
                TWIDDLE[3 * b + c] = (float) Math.cos(2 * Math.PI * b * c / 9);
                TWIDDLE[9 + 3 * b + c] = (float) -Math.sin(2 * Math.PI * b * c / 9);
            }
        }
        for (int i = 0; i < 36; i++) {
            SOURCE[i] = i < 9 ? i + 9 : i < 27 ? 26 - i : i - 27;
        }
    }

    private LongBlockImdct() {}

    /** A block type's 36-point window with the unfolding's signs in it: + for the first 9 points, − after. */
    static float[] signedWindow(float[] window) {
        float[] w = new float[36];
        for (int i = 0; i < 36; i++) {
            w[i] = i < 9 ? window[i] : -window[i];
        }
        return w;
    }

    /** {@link Kernel} in plain Java: the lanes loop inside each stage, over scratch rows of 8. */
    static final class Plain implements Kernel {

        /** z (9 real rows, 9 imaginary), the first stage's outputs (same), y (18 rows), 8 lanes each. */
        private final float[] z = new float[18 * 8];
        private final float[] a = new float[18 * 8];
        private final float[] y = new float[18 * 8];

        @Override
        public void transform(float[] lines, int groups, float[] signedWindow, float[] overlap, float[] output) {
            for (int g = 0; g < groups; g++) {
                int s = 8 * g;
                for (int m = 0; m < 9; m++) {
                    float cr = PRE[m];
                    float ci = PRE[9 + m];
                    for (int l = 0; l < 8; l++) {
                        float p = lines[64 * m + s + l];
                        float q = lines[32 * (17 - 2 * m) + s + l];
                        z[8 * m + l] = p * cr - q * ci;
                        z[8 * (9 + m) + l] = p * ci + q * cr;
                    }
                }
                for (int b = 0; b < 3; b++) {
                    for (int l = 0; l < 8; l++) {
                        dft3(z, b, 3, l, a, 3 * b, 1, TWIDDLE, 3 * b);
                    }
                }
                for (int c = 0; c < 3; c++) {
                    for (int l = 0; l < 8; l++) {
                        dft3(a, c, 3, l, y, c, 3, null, 0);
                    }
                }
                // y holds T[p] (real rows 0..8, imaginary 9..17); the post-twiddle makes the DCT-IV in place
                for (int p = 0; p < 9; p++) {
                    float cs = POST[p];
                    float sn = POST[9 + p];
                    for (int l = 0; l < 8; l++) {
                        float tr = y[8 * p + l];
                        float ti = y[8 * (9 + p) + l];
                        z[8 * (2 * p) + l] = tr * cs + ti * sn;
                        z[8 * (17 - 2 * p) + l] = tr * sn - ti * cs;
                    }
                }
                for (int t = 0; t < 18; t++) {
                    float w0 = signedWindow[t];
                    float w1 = signedWindow[18 + t];
                    int y0 = 8 * SOURCE[t];
                    int y1 = 8 * SOURCE[18 + t];
                    int o = 32 * t + s;
                    for (int l = 0; l < 8; l++) {
                        output[o + l] = z[y0 + l] * w0 + overlap[o + l];
                        overlap[o + l] = z[y1 + l] * w1;
                    }
                }
            }
        }

        /**
         * Lane l of a three-point DFT of rows {@code in + stride·j} (j < 3; real rows, imaginary rows 9 later) into rows
         * {@code out + outStride·c}, each output c multiplied by twiddle[tw + c] (when given).
         */
        private static void dft3(float[] x, int in, int stride, int l, float[] dst, int out, int outStride,
                float[] twiddle, int tw) {
            float r0 = x[8 * in + l];
            float i0 = x[8 * (9 + in) + l];
            float r1 = x[8 * (in + stride) + l];
            float i1 = x[8 * (9 + in + stride) + l];
            float r2 = x[8 * (in + 2 * stride) + l];
            float i2 = x[8 * (9 + in + 2 * stride) + l];
            float sr = r1 + r2;
            float si = i1 + i2;
            float dr = r1 - r2;
            float di = i1 - i2;
            float mr = r0 - sr * 0.5f;
            float mi = i0 - si * 0.5f;
            put(dst, out, l, r0 + sr, i0 + si, twiddle, tw);
            put(dst, out + outStride, l, mr + di * SIN60, mi - dr * SIN60, twiddle, tw + 1);
            put(dst, out + 2 * outStride, l, mr - di * SIN60, mi + dr * SIN60, twiddle, tw + 2);
        }

        /** Lane l of rows {@code row} and 9 later = r + i·j, times twiddle[tw] when given. */
        private static void put(float[] dst, int row, int l, float r, float i, float[] twiddle, int tw) {
            if (twiddle != null) {
                float wr = twiddle[tw];
                float wi = twiddle[9 + tw];
                float rr = r * wr - i * wi;
                i = r * wi + i * wr;
                r = rr;
            }
            dst[8 * row + l] = r;
            dst[8 * (9 + row) + l] = i;
        }
    }
}
