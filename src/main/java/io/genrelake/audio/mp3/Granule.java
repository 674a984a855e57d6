package io.genrelake.audio.mp3;

/**
 * One granule of one channel: its side information (ISO/IEC 11172-3 §2.4.1.7, 13818-3 §2.4.1.7), its scale
 * factors, and the boundaries derived from them. Reused from frame to frame.
 */
final class Granule {

    static final int LONG = 0;
    static final int START = 1;
    static final int SHORT = 2;
    static final int STOP = 3;

    int part23Length;
    int bigValues;
    int globalGain;
    int scalefacCompress;
    int blockType;
    boolean mixed;
    final int[] tableSelect = new int[3];
    final int[] subblockGain = new int[3];
    boolean preflag;
    int scalefacScale;
    int count1Table;

    /** Long-band scale factors 0..21 (the last two stay 0), then short ones [band·3 + window] from index 22. */
    final int[] scalefactors = new int[22 + 13 * 3];
    /** MPEG-2 LSF intensity stereo: per-band value that marks an illegal position ((1 << slen) − 1). */
    final int[] illegalPosition = new int[22 + 13 * 3];

    /** Huffman region boundaries in lines (region 0 ends at region1Start, region 1 at region2Start). */
    int region1Start;
    int region2Start;

    static final int SHORT_OFFSET = 22;

    boolean isShort() {
        return blockType == SHORT;
    }

    /** Same window shape as {@code other}: what summing two channels before the hybrid filter needs. */
    boolean sameBlocks(Granule other) {
        return blockType == other.blockType && mixed == other.mixed;
    }
}
