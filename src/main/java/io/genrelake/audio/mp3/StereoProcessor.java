package io.genrelake.audio.mp3;

/**
 * Joint stereo to left/right on requantised lines in bitstream order: mid/side (ISO/IEC 11172-3 §2.4.3.4.9.2,
 * L = (M + S)/√2, R = (M − S)/√2) and intensity stereo above the right channel's last non-zero band (MPEG-1:
 * §2.4.3.4.9.3, ratio tan(is_pos·π/12); MPEG-2: 13818-3 §2.4.3.2, powers of 2^-1/4 or 2^-1/2).
 */
final class StereoProcessor {

    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    /** MPEG-1 intensity: left and right factors for is_pos 0..6. */
    private static final float[] IS_LEFT = new float[7];
    private static final float[] IS_RIGHT = new float[7];

    static {
        for (int p = 0; p < 7; p++) {
            double ratio = Math.tan(p * Math.PI / 12);
            IS_LEFT[p] = p == 6 ? 1f : (float) (ratio / (1 + ratio));
            IS_RIGHT[p] = p == 6 ? 0f : (float) (1 / (1 + ratio));
        }
    }

    /**
     * Converts {@code l} (left or mid) and {@code r} (right or side) in place. {@code right} is the right channel's
     * granule (its scale factors carry the intensity positions); {@code rightEnd} its decoded extent.
     */
    static void process(int header, float[] l, float[] r, Granule right, int rightEnd, int end) {
        int modeExtension = FrameHeader.modeExtension(header);
        boolean ms = (modeExtension & 2) != 0;
        boolean intensity = (modeExtension & 1) != 0;
        int msEnd = end;
        if (intensity) {
            msEnd = intensity(header, l, r, right, rightEnd, end);
        }
        if (ms) {
            midSide(l, r, 0, msEnd);
        }
    }

    private static void midSide(float[] l, float[] r, int start, int end) {
        for (int i = start; i < end; i++) {
            float m = l[i];
            float s = r[i];
            l[i] = (m + s) * INV_SQRT2;
            r[i] = (m - s) * INV_SQRT2;
        }
    }

    /**
     * Intensity stereo on the bands from the right channel's first all-zero band on (per window for short
     * blocks); lines whose position is illegal get mid/side (if on) afterwards. Returns the line below which
     * mid/side applies to every line (bands above it that are not intensity-coded are done here).
     */
    private static int intensity(int header, float[] l, float[] r, Granule g, int rightEnd, int end) {
        int rateIndex = FrameHeader.sampleRateIndex(header);
        boolean lsf = FrameHeader.lsf(header);
        boolean ms = (FrameHeader.modeExtension(header) & 2) != 0;
        int[] longStarts = Layer3Tables.LONG_BAND_STARTS[rateIndex];
        int[] shortStarts = Layer3Tables.SHORT_BAND_STARTS[rateIndex];
        int lastNonZero = rightEnd - 1;
        while (lastNonZero >= 0 && r[lastNonZero] == 0f) {
            lastNonZero--;
        }
        float io = (g.scalefacCompress & 1) == 1 ? INV_SQRT2 : (float) Math.pow(2, -0.25);
        if (!g.isShort()) {
            int b = 0;
            while (b < 22 && longStarts[b + 1] <= lastNonZero) {
                b++;
            }
            if (lastNonZero >= 0) {
                b++; // the band holding the last non-zero line is not intensity-coded
            }
            for (int band = b; band < 22; band++) {
                int slot = band == 21 ? 20 : band; // band 21 carries no factor: band 20's applies
                applyBand(l, r, longStarts[band], longStarts[band + 1], g.scalefactors[slot],
                        lsf ? g.illegalPosition[slot] : 7, lsf, io, ms);
            }
            return Math.min(b < 22 ? longStarts[b] : 576, end);
        }
        // Short blocks: each window has its own boundary; its bands below it get mid/side here, and so does a mixed
        // block's long part (below line 3·shortStarts[3]), which is all the caller is told to convert.
        int bandBase = g.mixed ? 3 : 0;
        for (int w = 0; w < 3; w++) {
            int lastBand = bandBase - 1;
            for (int b = bandBase; b < 13; b++) {
                int width = shortStarts[b + 1] - shortStarts[b];
                int start = 3 * shortStarts[b] + w * width;
                for (int i = start; i < start + width && i < rightEnd; i++) {
                    if (r[i] != 0f) {
                        lastBand = b;
                        break;
                    }
                }
            }
            for (int b = bandBase; b < 13; b++) {
                int width = shortStarts[b + 1] - shortStarts[b];
                int start = 3 * shortStarts[b] + w * width;
                if (b <= lastBand) {
                    if (ms) {
                        midSide(l, r, start, start + width);
                    }
                } else {
                    int slot = Granule.SHORT_OFFSET + 3 * (b == 12 ? 11 : b) + w; // band 12 takes band 11's position
                    applyBand(l, r, start, start + width, g.scalefactors[slot], lsf ? g.illegalPosition[slot] : 7,
                            lsf, io, ms);
                }
            }
        }
        return Math.min(3 * shortStarts[bandBase], end);
    }

    /** One band: intensity with position pos, or (illegal position) mid/side when on. */
    private static void applyBand(float[] l, float[] r, int start, int end, int pos, int illegal, boolean lsf,
            float io, boolean ms) {
        if (pos == illegal) {
            if (ms) {
                midSide(l, r, start, end);
            }
            return;
        }
        float kl;
        float kr;
        if (!lsf) {
            int p = Math.min(pos, 6);
            kl = IS_LEFT[p];
            kr = IS_RIGHT[p];
        } else if (pos == 0) {
            kl = 1f;
            kr = 1f;
        } else if ((pos & 1) == 1) {
            kl = (float) Math.pow(io, (pos + 1) / 2);
            kr = 1f;
        } else {
            kl = 1f;
            kr = (float) Math.pow(io, pos / 2);
        }
        for (int i = start; i < end; i++) {
            float x = l[i];
            l[i] = x * kl;
            r[i] = x * kr;
        }
    }
}
