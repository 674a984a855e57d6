package io.genrelake.audio.mp3;

/**
 * The 32-bit MPEG audio frame header (ISO/IEC 11172-3 §2.4.2.3, extended by 13818-3 for 16–24 kHz and by the
 * unofficial MPEG-2.5 for 8–12 kHz), read from the int that holds its four bytes. Static methods, so that parsing
 * a frame allocates nothing.
 */
final class FrameHeader {

    static final int MPEG1 = 3;
    static final int MPEG2 = 2;
    static final int MPEG25 = 0;

    static final int MODE_STEREO = 0;
    static final int MODE_JOINT_STEREO = 1;
    static final int MODE_DUAL_CHANNEL = 2;
    static final int MODE_MONO = 3;

    /** Layer III bit rates in kb/s by index: MPEG-1 (11172-3 §2.4.2.3), then MPEG-2 and 2.5 (13818-3 §2.4.2.3). */
    private static final int[] BITRATE_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] BITRATE_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};

    private FrameHeader() {}

    /**
     * A Layer III header this decoder handles: frame sync, a known version, layer III, a bit rate index other than
     * free format (0) and "bad" (15), a sample rate index other than reserved, emphasis not reserved. 8 kHz
     * (MPEG-2.5) is left to FFmpeg: its output and ours differ around block switches there (FFmpeg's own band
     * table for that rate is unusual, and no third decoder was at hand to say which is right).
     */
    static boolean isLayer3(int h) {
        return (h & 0xFFE00000) == 0xFFE00000
                && version(h) != 1
                && ((h >>> 17) & 3) == 1
                && bitrateIndex(h) != 0 && bitrateIndex(h) != 15
                && ((h >>> 10) & 3) != 3
                && (h & 3) != 2
                && !(version(h) == MPEG25 && ((h >>> 10) & 3) == 2);
    }

    /** 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5 (1 is reserved). */
    static int version(int h) {
        return (h >>> 19) & 3;
    }

    static boolean lsf(int h) {
        return version(h) != MPEG1;
    }

    static boolean hasCrc(int h) {
        return ((h >>> 16) & 1) == 0;
    }

    static int bitrateIndex(int h) {
        return (h >>> 12) & 15;
    }

    static int bitrateKbps(int h) {
        return (lsf(h) ? BITRATE_V2 : BITRATE_V1)[bitrateIndex(h)];
    }

    /** Index into {@link Layer3Tables#SAMPLE_RATES}: 0–2 MPEG-1, 3–5 MPEG-2, 6–8 MPEG-2.5. */
    static int sampleRateIndex(int h) {
        int r = (h >>> 10) & 3;
        return switch (version(h)) {
            case MPEG1 -> r;
            case MPEG2 -> 3 + r;
            default -> 6 + r;
        };
    }

    static int sampleRate(int h) {
        return Layer3Tables.SAMPLE_RATES[sampleRateIndex(h)];
    }

    static int padding(int h) {
        return (h >>> 9) & 1;
    }

    static int mode(int h) {
        return (h >>> 6) & 3;
    }

    static int modeExtension(int h) {
        return (h >>> 4) & 3;
    }

    static int channels(int h) {
        return mode(h) == MODE_MONO ? 1 : 2;
    }

    /** Granules per frame: 2 (1152 samples) for MPEG-1, 1 (576) for MPEG-2 and 2.5. */
    static int granules(int h) {
        return lsf(h) ? 1 : 2;
    }

    static int samplesPerFrame(int h) {
        return 576 * granules(h);
    }

    /** The whole frame's length in bytes, header included (11172-3 §2.4.3.1: 144 · bitrate / rate, halved for LSF). */
    static int frameBytes(int h) {
        int perSlot = lsf(h) ? 72_000 : 144_000;
        return perSlot * bitrateKbps(h) / sampleRate(h) + padding(h);
    }

    /** Side information bytes: 32/17 (MPEG-1 stereo/mono), 17/9 (MPEG-2 and 2.5). */
    static int sideInfoBytes(int h) {
        boolean mono = channels(h) == 1;
        return lsf(h) ? (mono ? 9 : 17) : (mono ? 17 : 32);
    }

    /** Bytes from the frame's start to its main data: header, CRC when present, side information. */
    static int mainDataOffset(int h) {
        return 4 + (hasCrc(h) ? 2 : 0) + sideInfoBytes(h);
    }

    /** Whether two headers belong to one stream: same version, layer and sample rate (what resync checks). */
    static boolean sameStream(int a, int b) {
        return (a & 0xFFFE0C00) == (b & 0xFFFE0C00);
    }
}
