package io.genrelake.audio.mp3;

/**
 * The Xing/Info tag an encoder puts in a stream's first frame (a frame with no audio): the number of audio frames
 * and, in LAME's extension (also written by FFmpeg as "Lavf"/"Lavc"), the encoder delay and padding in samples.
 * Gapless decoding drops delay + 529 samples (the decoder's own delay) at the start and keeps frames·1152 − delay
 * − padding samples, as FFmpeg and mpg123 do.
 */
record InfoTag(long frames, int delay, int padding, boolean hasDelay) {

    /** The decoder delay of the hybrid and synthesis filter banks that encoders' delay figures leave out. */
    static final int DECODER_DELAY = 529;

    /**
     * The tag in {@code frame[off, off+length)} (header h), or null when the frame is audio. The tag follows the side
     * information; LAME puts it there even when the header announces a CRC (it writes none in the tag frame), and
     * FFmpeg's mp3 demuxer (mp3_parse_info_tag) looks only there, so that place is tried first, then after a CRC.
     */
    static InfoTag parse(int h, byte[] frame, int off, int length) {
        InfoTag tag = parseAt(off + 4 + FrameHeader.sideInfoBytes(h), frame, off, length);
        return tag != null || !FrameHeader.hasCrc(h) ? tag : parseAt(off + FrameHeader.mainDataOffset(h), frame, off, length);
    }

    private static InfoTag parseAt(int p, byte[] frame, int off, int length) {
        if (p + 8 > off + length) {
            return null;
        }
        boolean xing = frame[p] == 'X' && frame[p + 1] == 'i' && frame[p + 2] == 'n' && frame[p + 3] == 'g';
        boolean info = frame[p] == 'I' && frame[p + 1] == 'n' && frame[p + 2] == 'f' && frame[p + 3] == 'o';
        if (!xing && !info) {
            return null;
        }
        int flags = int32(frame, p + 4);
        p += 8;
        long frames = -1;
        if ((flags & 1) != 0 && p + 4 <= off + length) {
            frames = int32(frame, p) & 0xFFFFFFFFL;
            p += 4;
        }
        if ((flags & 2) != 0) {
            p += 4; // stream bytes
        }
        if ((flags & 4) != 0) {
            p += 100; // seek table
        }
        if ((flags & 8) != 0) {
            p += 4; // quality
        }
        if (p + 24 <= off + length && (startsWith(frame, p, "LAME") || startsWith(frame, p, "Lavf")
                || startsWith(frame, p, "Lavc"))) {
            int v = (frame[p + 21] & 0xFF) << 16 | (frame[p + 22] & 0xFF) << 8 | (frame[p + 23] & 0xFF);
            return new InfoTag(frames, v >>> 12, v & 0xFFF, true);
        }
        return new InfoTag(frames, 0, 0, false);
    }

    /** Samples to drop at the start of the decoded stream. */
    long skipStart() {
        return hasDelay ? delay + DECODER_DELAY : 0;
    }

    /** Decoded samples kept in all (after the skip), or -1 when the tag does not say. */
    long keptSamples(int samplesPerFrame) {
        if (frames < 0) {
            return -1;
        }
        long total = frames * samplesPerFrame;
        return hasDelay ? Math.max(0, total - delay - padding) : total;
    }

    private static int int32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
    }

    private static boolean startsWith(byte[] b, int p, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
