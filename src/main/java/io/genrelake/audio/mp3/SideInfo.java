package io.genrelake.audio.mp3;

/** Reads a frame's side information (ISO/IEC 11172-3 §2.4.1.7; 13818-3 §2.4.1.7 for LSF) into reused granules. */
final class SideInfo {

    int mainDataBegin;
    /** scfsi[ch][group]: MPEG-1 granule 1 reuses granule 0's scale factors of that band group. */
    final boolean[][] scfsi = new boolean[2][4];
    /** granules[gr][ch]. */
    final Granule[][] granules = {{new Granule(), new Granule()}, {new Granule(), new Granule()}};

    /**
     * Parses the side information that follows the header (and CRC) at the reader's position; false when it is
     * invalid (window switching with block type 0, big_values over 288), which only damaged frames have.
     */
    boolean read(BitReader r, int header) {
        int channels = FrameHeader.channels(header);
        boolean lsf = FrameHeader.lsf(header);
        int rateIndex = FrameHeader.sampleRateIndex(header);
        if (lsf) {
            mainDataBegin = r.read(8);
            r.skip(channels == 1 ? 1 : 2); // private bits
        } else {
            mainDataBegin = r.read(9);
            r.skip(channels == 1 ? 5 : 3);
            for (int ch = 0; ch < channels; ch++) {
                for (int g = 0; g < 4; g++) {
                    scfsi[ch][g] = r.readBit();
                }
            }
        }
        boolean valid = true;
        for (int gr = 0; gr < FrameHeader.granules(header); gr++) {
            for (int ch = 0; ch < channels; ch++) {
                valid &= readGranule(r, granules[gr][ch], lsf, rateIndex);
            }
        }
        return valid;
    }

    private static boolean readGranule(BitReader r, Granule g, boolean lsf, int rateIndex) {
        g.part23Length = r.read(12);
        int bigValues = r.read(9);
        g.bigValues = Math.min(bigValues, 288);
        g.globalGain = r.read(8);
        g.scalefacCompress = r.read(lsf ? 9 : 4);
        boolean windowSwitching = r.readBit();
        int[] longStarts = Layer3Tables.LONG_BAND_STARTS[rateIndex];
        if (windowSwitching) {
            g.blockType = r.read(2);
            g.mixed = r.readBit();
            g.tableSelect[0] = r.read(5);
            g.tableSelect[1] = r.read(5);
            g.tableSelect[2] = 0;
            for (int w = 0; w < 3; w++) {
                g.subblockGain[w] = r.read(3);
            }
            // Implicit regions (§2.4.2.7 region0_count): region 1 takes the rest of the big values. FFmpeg's choice
            // of 36 lines for short, unmixed blocks at every rate is followed so that both decoders agree.
            if (g.blockType == Granule.SHORT && !g.mixed) {
                g.region1Start = 36;
            } else {
                g.region1Start = rateIndex <= 2 ? 36 : rateIndex != 8 ? 54 : 108;
            }
            g.region2Start = 576;
        } else {
            g.blockType = Granule.LONG;
            g.mixed = false;
            for (int i = 0; i < 3; i++) {
                g.tableSelect[i] = r.read(5);
            }
            g.subblockGain[0] = g.subblockGain[1] = g.subblockGain[2] = 0;
            int region0 = r.read(4);
            int region1 = r.read(3);
            g.region1Start = longStarts[Math.min(region0 + 1, 22)];
            g.region2Start = longStarts[Math.min(region0 + region1 + 2, 22)];
        }
        g.preflag = !lsf && r.readBit();
        g.scalefacScale = r.read(1);
        g.count1Table = r.read(1);
        int bigEnd = g.bigValues * 2;
        g.region1Start = Math.min(g.region1Start, bigEnd);
        g.region2Start = Math.min(Math.max(g.region2Start, g.region1Start), bigEnd);
        return bigValues <= 288 && !(windowSwitching && g.blockType == Granule.LONG);
    }
}
