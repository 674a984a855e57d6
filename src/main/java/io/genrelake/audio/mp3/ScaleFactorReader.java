package io.genrelake.audio.mp3;

/**
 * Reads a granule's scale factors from main data into {@link Granule#scalefactors}: MPEG-1 per ISO/IEC 11172-3
 * §2.4.2.7 (slen1/slen2 from scalefac_compress, scfsi reuse in granule 1), MPEG-2/2.5 per 13818-3 §2.4.3.2
 * (four partitions whose sizes depend on scalefac_compress and the block kind).
 */
final class ScaleFactorReader {

    private final int[] slen = new int[4];

    /** MPEG-1: granule {@code g} of a channel; {@code first} is the same channel's granule 0 (for scfsi). */
    void readMpeg1(BitReader r, Granule g, Granule first, int gr, boolean[] scfsi) {
        int slen1 = Layer3Tables.SLEN[g.scalefacCompress][0];
        int slen2 = Layer3Tables.SLEN[g.scalefacCompress][1];
        int[] sf = g.scalefactors;
        java.util.Arrays.fill(g.illegalPosition, 7);
        if (g.isShort()) {
            int band = 0;
            if (g.mixed) {
                for (; band < 8; band++) {
                    sf[band] = r.read(slen1);
                }
                for (int b = 0; b < 3; b++) {
                    clearShort(sf, b);
                }
                band = 3;
            } else {
                for (int b = 0; b < 22; b++) {
                    sf[b] = 0;
                }
            }
            for (int b = band; b < 12; b++) {
                int bits = b < 6 ? slen1 : slen2;
                int base = Granule.SHORT_OFFSET + 3 * b;
                sf[base] = r.read(bits);
                sf[base + 1] = r.read(bits);
                sf[base + 2] = r.read(bits);
            }
            clearShort(sf, 12);
            return;
        }
        for (int group = 0, band = 0; group < 4; group++) {
            int end = group == 0 ? 6 : group == 1 ? 11 : group == 2 ? 16 : 21;
            int bits = group < 2 ? slen1 : slen2;
            boolean reuse = gr == 1 && scfsi[group];
            for (; band < end; band++) {
                sf[band] = reuse ? first.scalefactors[band] : r.read(bits);
            }
        }
        sf[21] = 0;
    }

    /** MPEG-2 and 2.5; {@code intensityRight}: the right channel of an intensity-stereo frame. */
    void readLsf(BitReader r, Granule g, boolean intensityRight) {
        int sfc = g.scalefacCompress;
        int row;
        if (!intensityRight) {
            if (sfc < 400) {
                set((sfc >> 4) / 5, (sfc >> 4) % 5, (sfc & 15) >> 2, sfc & 3);
                row = 0;
            } else if (sfc < 500) {
                int t = sfc - 400;
                set((t >> 2) / 5, (t >> 2) % 5, t & 3, 0);
                row = 1;
            } else {
                int t = sfc - 500;
                set(t / 3, t % 3, 0, 0);
                row = 2;
                g.preflag = true;
            }
        } else {
            int t = sfc >> 1;
            if (t < 180) {
                set(t / 36, (t % 36) / 6, (t % 36) % 6, 0);
                row = 3;
            } else if (t < 244) {
                t -= 180;
                set((t & 63) >> 4, (t & 15) >> 2, t & 3, 0);
                row = 4;
            } else {
                t -= 244;
                set(t / 3, t % 3, 0, 0);
                row = 5;
            }
        }
        int kind = !g.isShort() ? 0 : g.mixed ? 2 : 1;
        int[] counts = Layer3Tables.LSF_SCALEFACTOR_BANDS[row][kind];
        int[] sf = g.scalefactors;
        java.util.Arrays.fill(sf, 0);
        // Bitstream order: long bands (all, or a mixed block's first 6), then short values (band, window) from
        // band 0, or from band 3 in a mixed block.
        int longValues = kind == 0 ? 22 : kind == 2 ? 6 : 0;
        int shortBase = Granule.SHORT_OFFSET + (kind == 2 ? 9 : 0);
        int k = 0;
        for (int p = 0; p < 4; p++) {
            int bits = slen[p];
            int illegal = (1 << bits) - 1;
            for (int i = 0; i < counts[p]; i++, k++) {
                int slot = k < longValues ? k : shortBase + k - longValues;
                int value = r.read(bits);
                if (slot < sf.length) {
                    sf[slot] = value;
                    g.illegalPosition[slot] = illegal;
                }
            }
        }
    }

    private void set(int a, int b, int c, int d) {
        slen[0] = a;
        slen[1] = b;
        slen[2] = c;
        slen[3] = d;
    }

    private static void clearShort(int[] sf, int band) {
        int base = Granule.SHORT_OFFSET + 3 * band;
        sf[base] = sf[base + 1] = sf[base + 2] = 0;
    }
}
