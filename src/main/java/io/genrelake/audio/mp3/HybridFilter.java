package io.genrelake.audio.mp3;

/**
 * The hybrid filter bank's MDCT half for one output channel (ISO/IEC 11172-3 §2.4.3.4.10): short-block reordering,
 * alias reduction butterflies between long-block subbands, the 36-point (long) or 3 × 12-point (short) IMDCT with
 * the block type's window, overlap-add with the previous granule, and frequency inversion of odd subbands.
 *
 * <p>Because every step is linear, a stereo granule mixed to mono may go through once (both channels' lines
 * summed, when their block types match) or channel by channel into one shared overlap ({@link #add}); both give
 * the mean of the two channels' outputs. Output: 18 time slots × 32 subbands, slot-major, for the synthesis
 * filter bank. Not thread-safe.
 */
final class HybridFilter {

    /** Alias reduction coefficients c_i of Table 3-B.9, as cs_i = 1/√(1+c_i²) and ca_i = c_i/√(1+c_i²). */
    private static final float[] CS = new float[8];
    private static final float[] CA = new float[8];
    /** Windows of §2.4.3.4.10.3 for block types 0, 1 and 3 (36 points); index 2 holds the 12-point short window. */
    private static final float[][] WINDOWS = new float[4][36];
    /** DCT-IV kernels: cos(π/72·(2n+1)(2k+1)) for 18 points and cos(π/24·(2n+1)(2k+1)) for 6. */
    private static final float[][] COS18 = new float[18][18]; // [k][n]: each input's column, for a vectorised sum
    private static final float[] COS6 = new float[6 * 6];

    static {
        double[] c = {-0.6, -0.535, -0.33, -0.185, -0.095, -0.041, -0.0142, -0.0037};
        for (int i = 0; i < 8; i++) {
            double sq = Math.sqrt(1 + c[i] * c[i]);
            CS[i] = (float) (1 / sq);
            CA[i] = (float) (c[i] / sq);
        }
        for (int i = 0; i < 36; i++) {
            WINDOWS[0][i] = (float) Math.sin(Math.PI / 36 * (i + 0.5));
        }
        for (int i = 0; i < 36; i++) {
            WINDOWS[1][i] = i < 18 ? WINDOWS[0][i] : i < 24 ? 1f : i < 30 ? (float) Math.sin(Math.PI / 12 * (i - 18 + 0.5)) : 0f;
            WINDOWS[3][i] = i < 6 ? 0f : i < 12 ? (float) Math.sin(Math.PI / 12 * (i - 6 + 0.5)) : i < 18 ? 1f : WINDOWS[0][i];
        }
        for (int i = 0; i < 12; i++) {
            WINDOWS[2][i] = (float) Math.sin(Math.PI / 12 * (i + 0.5));
        }
        for (int n = 0; n < 18; n++) {
            for (int k = 0; k < 18; k++) {
                COS18[k][n] = (float) Math.cos(Math.PI / 72 * (2 * n + 1) * (2 * k + 1));
            }
        }
        for (int n = 0; n < 6; n++) {
            for (int k = 0; k < 6; k++) {
                COS6[n * 6 + k] = (float) Math.cos(Math.PI / 24 * (2 * n + 1) * (2 * k + 1));
            }
        }
    }

    /** A block type's window with the IMDCT unfolding's signs, for {@link LongBlockImdct} (short blocks: unused). */
    private static final float[][] SIGNED_WINDOWS = new float[4][];

    static {
        for (int type = 0; type < 4; type++) {
            SIGNED_WINDOWS[type] = LongBlockImdct.signedWindow(WINDOWS[type]);
        }
    }

    /** The second halves of the last granule's blocks, [slot·32 + subband] like the output. */
    private final float[] overlap = new float[32 * 18];
    private final LongBlockImdct.Kernel imdct = io.genrelake.dsp.VectorApiProbe.choose(LongBlockImdct.Kernel.class,
            "io.genrelake.audio.mp3.VectorLongBlockImdct", new Class<?>[0], new Object[0], LongBlockImdct.Plain::new);
    /** A long-block granule's lines transposed for {@link #imdct}: [line in subband·32 + subband]. */
    private final float[] transposed = new float[18 * 32];
    private int rateIndex;
    /** Subbands that are filtered at all; the others stay silent (see {@link #subbands(int)}). */
    private int subbands = 32;
    private final float[] reordered = new float[576];
    private final float[] dct = new float[18];
    private final float[] block = new float[36];
    /** [slot·32 + subband]. */
    final float[] output = new float[576];

    /**
     * Lines {@code xr} (bitstream order; modified) of a granule with {@code g}'s blocks, non-zero below
     * {@code nonZeroEnd}, replace the output (first channel of the granule) or add to it ({@code first} false).
     */
    void add(float[] xr, Granule g, int nonZeroEnd, boolean first) {
        float[] x = xr;
        int longSubbands = g.isShort() ? (g.mixed ? 2 : 0) : 32;
        // Subbands from limit on are silent: alias reduction reaches one subband past the last non-zero line; short
        // bands' lines land anywhere up to their band's top frequency once reordered.
        int limit = Math.min(32, (nonZeroEnd + 17) / 18 + 1);
        if (g.isShort()) {
            x = reorder(xr, g, nonZeroEnd);
            limit = 32;
        }
        // Alias reduction at the boundary above the last kept subband still changes that subband's lines.
        int aliasEnd = Math.min(Math.min(longSubbands, limit), subbands + 1);
        limit = Math.min(limit, subbands);
        for (int sb = 1; sb < aliasEnd; sb++) {
            int b = 18 * sb;
            for (int i = 0; i < 8; i++) {
                float lo = x[b - 1 - i];
                float hi = x[b + i];
                x[b - 1 - i] = lo * CS[i] - hi * CA[i];
                x[b + i] = hi * CS[i] + lo * CA[i];
            }
        }
        if (first && !g.isShort()) {
            longBlocks(x, limit, SIGNED_WINDOWS[g.blockType]);
            return;
        }
        for (int sb = 0; sb < 32; sb++) {
            int type = sb < longSubbands ? (g.isShort() ? Granule.LONG : g.blockType) : Granule.SHORT;
            if (sb >= limit) {
                java.util.Arrays.fill(block, 0f);
            } else if (type == Granule.SHORT) {
                shortBlocks(x, 18 * sb);
            } else {
                longBlock(x, 18 * sb, WINDOWS[type]);
            }
            if (first) {
                for (int t = 0; t < 18; t++) {
                    output[t * 32 + sb] = block[t] + overlap[t * 32 + sb];
                    overlap[t * 32 + sb] = block[18 + t];
                }
            } else {
                for (int t = 0; t < 18; t++) {
                    output[t * 32 + sb] += block[t];
                    overlap[t * 32 + sb] += block[18 + t];
                }
            }
        }
    }

    /**
     * A granule of long blocks (one window for every subband) replacing the output: subbands below {@code limit}
     * through {@link #imdct} eight at a time, the silent ones above (zero lines up to the eighth) just passing on
     * the overlap.
     */
    private void longBlocks(float[] x, int limit, float[] signedWindow) {
        int groups = (limit + 7) / 8;
        int lanes = 8 * groups;
        float[] lines = transposed;
        for (int sb = 0; sb < lanes; sb++) {
            boolean audible = sb < limit;
            for (int k = 0; k < 18; k++) {
                lines[32 * k + sb] = audible ? x[18 * sb + k] : 0f;
            }
        }
        imdct.transform(lines, groups, signedWindow, overlap, output);
        for (int t = 0; t < 18; t++) {
            int o = 32 * t;
            System.arraycopy(overlap, o + lanes, output, o + lanes, 32 - lanes);
            java.util.Arrays.fill(overlap, o + lanes, o + 32, 0f);
        }
    }

    /** Frequency inversion (§2.4.3.4.10.4): odd time samples of odd subbands change sign. Once per granule. */
    void invertOddSubbands() {
        for (int t = 1; t < 18; t += 2) {
            for (int sb = 1; sb < 32; sb += 2) {
                output[t * 32 + sb] = -output[t * 32 + sb];
            }
        }
    }

    /** A granule of silence: the previous granule's overlap still comes out. */
    void silence() {
        System.arraycopy(overlap, 0, output, 0, 576);
        java.util.Arrays.fill(overlap, 0f);
    }

    /** Short bands from bitstream order (band, window, line) to [subband][window][6 lines]; a mixed block's 36 long lines stay. */
    private float[] reorder(float[] xr, Granule g, int nonZeroEnd) {
        int[] shortStarts = Layer3Tables.SHORT_BAND_STARTS[rateIndex];
        float[] out = reordered;
        int first = g.mixed ? 3 : 0;
        int line = 3 * shortStarts[first];
        System.arraycopy(xr, 0, out, 0, line);
        java.util.Arrays.fill(out, line, 576, 0f);
        for (int b = first; b < 13 && line < nonZeroEnd; b++) {
            int width = shortStarts[b + 1] - shortStarts[b];
            for (int w = 0; w < 3; w++) {
                for (int j = 0; j < width; j++, line++) {
                    int f = shortStarts[b] + j;
                    out[(f / 6) * 18 + w * 6 + f % 6] = xr[line];
                }
            }
        }
        return out;
    }

    /**
     * Filters only subbands [0, n) from now on, the rest left silent: for a consumer that discards the others'
     * frequencies anyway ({@link HalfRateSynthesis}).
     */
    void subbands(int n) {
        subbands = n;
    }

    /**
     * The lines of a granule with {@code g}'s blocks that the kept subbands need (all 576 when all are kept): long
     * blocks up to the first subband past them, which alias reduction reads; short blocks up to the end of the
     * scale factor band that holds their top frequency, since their lines come band by band, window by window.
     */
    int lineLimit(Granule g) {
        if (subbands == 32) {
            return 576;
        }
        if (!g.isShort()) {
            return 18 * (subbands + 1);
        }
        int[] shortStarts = Layer3Tables.SHORT_BAND_STARTS[rateIndex];
        int b = 0;
        while (b < 13 && shortStarts[b] < 6 * subbands) {
            b++;
        }
        return 3 * shortStarts[b];
    }

    /** The sample rate (index into {@link Layer3Tables#SAMPLE_RATES}) of the granules that follow. */
    void rateIndex(int index) {
        rateIndex = index;
    }

    /** 36-point IMDCT via an 18-point DCT-IV y: x[i] = y[i+9] (i < 9), −y[26−i] (i < 27), −y[i−27]; then windowed. */
    private void longBlock(float[] x, int base, float[] window) {
        float[] y = dct;
        java.util.Arrays.fill(y, 0f);
        for (int k = 0; k < 18; k++) {
            float xk = x[base + k];
            if (xk != 0f) {
                float[] c = COS18[k];
                for (int n = 0; n < 18; n++) {
                    y[n] += c[n] * xk;
                }
            }
        }
        for (int i = 0; i < 9; i++) {
            block[i] = y[i + 9] * window[i];
        }
        for (int i = 9; i < 27; i++) {
            block[i] = -y[26 - i] * window[i];
        }
        for (int i = 27; i < 36; i++) {
            block[i] = -y[i - 27] * window[i];
        }
    }

    /**
     * Three 12-point IMDCTs (6-point DCT-IV z: x[i] = z[i+3] (i < 3), −z[8−i] (i < 9), −z[i−9]), windowed and
     * overlapped at offsets 6, 12 and 18 of the 36-sample block.
     */
    private void shortBlocks(float[] x, int base) {
        java.util.Arrays.fill(block, 0f);
        float[] z = dct;
        float[] window = WINDOWS[2];
        for (int w = 0; w < 3; w++) {
            int in = base + 6 * w;
            for (int n = 0; n < 6; n++) {
                float s = 0f;
                for (int k = 0; k < 6; k++) {
                    s += COS6[n * 6 + k] * x[in + k];
                }
                z[n] = s;
            }
            int o = 6 + 6 * w;
            for (int i = 0; i < 3; i++) {
                block[o + i] += z[i + 3] * window[i];
            }
            for (int i = 3; i < 9; i++) {
                block[o + i] += -z[8 - i] * window[i];
            }
            for (int i = 9; i < 12; i++) {
                block[o + i] += -z[i - 9] * window[i];
            }
        }
    }
}
