package io.genrelake.audio.mp3;

/**
 * Quantised values to spectral lines (ISO/IEC 11172-3 §2.4.3.4.7): sign(v)·|v|^(4/3)·2^(q/4), with q from the
 * global gain, subblock gain, scale factors, scalefac_scale and preflag. Lines stay in bitstream order (short
 * bands window by window); {@link HybridFilter} reorders them.
 */
final class Requantizer {

    /** |v|^(4/3) for every value a granule can hold: 15 plus 13 linbits. */
    private static final float[] POW43 = new float[8207];
    /** 2^(q/4) for q from Q_MIN. */
    private static final int Q_MIN = -1024;
    private static final float[] POW2_QUARTER = new float[1024 + 256];

    static {
        for (int i = 0; i < POW43.length; i++) {
            POW43[i] = (float) Math.pow(i, 4.0 / 3.0);
        }
        for (int i = 0; i < POW2_QUARTER.length; i++) {
            POW2_QUARTER[i] = (float) Math.pow(2.0, (i + Q_MIN) / 4.0);
        }
    }

    private Requantizer() {}

    /** Lines [0, nonZeroEnd) of {@code values} to {@code xr}; the rest of xr is zeroed. */
    static void requantize(Granule g, int[] values, int nonZeroEnd, float[] xr, int rateIndex, boolean lsf) {
        int[] longStarts = Layer3Tables.LONG_BAND_STARTS[rateIndex];
        int[] shortStarts = Layer3Tables.SHORT_BAND_STARTS[rateIndex];
        int[] sf = g.scalefactors;
        int shift = g.scalefacScale == 1 ? 4 : 2;
        int base = g.globalGain - 210;
        int line = 0;
        int longEnd = !g.isShort() ? 22 : g.mixed ? (lsf ? 6 : 8) : 0;
        for (int b = 0; b < longEnd && line < nonZeroEnd; b++) {
            int end = Math.min(longStarts[b + 1], nonZeroEnd);
            int pre = g.preflag ? Layer3Tables.PRETAB[b] : 0;
            float scale = pow2Quarter(base - shift * (sf[b] + pre));
            for (; line < end; line++) {
                xr[line] = scale(values[line], scale);
            }
        }
        if (g.isShort()) {
            for (int b = g.mixed ? 3 : 0; b < 13 && line < nonZeroEnd; b++) {
                int width = shortStarts[b + 1] - shortStarts[b];
                for (int w = 0; w < 3; w++) {
                    int end = Math.min(line + width, nonZeroEnd);
                    float scale = pow2Quarter(base - 8 * g.subblockGain[w] - shift * sf[Granule.SHORT_OFFSET + 3 * b + w]);
                    for (; line < end; line++) {
                        xr[line] = scale(values[line], scale);
                    }
                }
            }
        }
        for (; line < 576; line++) {
            xr[line] = 0f;
        }
    }

    /** sign(v)·|v|^(4/3)·scale without branches (|v| ≤ 8206 by construction: 15 plus 13 linbits). */
    private static float scale(int v, float scale) {
        float m = POW43[Math.abs(v)] * scale;
        return Float.intBitsToFloat(Float.floatToRawIntBits(m) | (v & 0x80000000));
    }

    private static float pow2Quarter(int q) {
        int i = q - Q_MIN;
        return i < 0 ? 0f : POW2_QUARTER[Math.min(i, POW2_QUARTER.length - 1)];
    }
}
