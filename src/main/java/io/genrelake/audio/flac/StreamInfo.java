package io.genrelake.audio.flac;

import io.genrelake.audio.AudioFormatException;

/**
 * The STREAMINFO block (RFC 9639 section 8.2): what every frame may refer back to.
 *
 * @param minBlockSize  the smallest block but the last, in samples per channel (16–65535)
 * @param maxBlockSize  the largest block, in samples per channel (16–65535)
 * @param maxFrameSize  the largest frame in bytes, 0 when unknown
 * @param sampleRate    Hz
 * @param channels      1–8
 * @param bitsPerSample 4–32
 * @param totalSamples  samples per channel, 0 when unknown
 */
public record StreamInfo(int minBlockSize, int maxBlockSize, int maxFrameSize, int sampleRate, int channels,
        int bitsPerSample, long totalSamples) {

    public static final int BYTES = 34;

    /** The block's fields; a clear reason for sizes, a rate or a sample size no stream can have. */
    public static StreamInfo parse(byte[] b) throws AudioFormatException {
        int minBlock = u16(b, 0);
        int maxBlock = u16(b, 2);
        int maxFrame = (b[7] & 0xFF) << 16 | (b[8] & 0xFF) << 8 | (b[9] & 0xFF);
        int rate = (b[10] & 0xFF) << 12 | (b[11] & 0xFF) << 4 | (b[12] & 0xFF) >> 4;
        int channels = ((b[12] >> 1) & 0x07) + 1;
        int bits = (((b[12] & 0x01) << 4) | ((b[13] & 0xFF) >> 4)) + 1;
        long total = ((long) (b[13] & 0x0F) << 32) | ((long) (b[14] & 0xFF) << 24) | ((b[15] & 0xFF) << 16)
                | ((b[16] & 0xFF) << 8) | (b[17] & 0xFF);
        if (maxBlock < 16 || minBlock < 16 || minBlock > maxBlock) {
            throw new AudioFormatException("corrupt FLAC STREAMINFO: block sizes " + minBlock + "–" + maxBlock);
        }
        if (rate == 0) {
            throw new AudioFormatException("corrupt FLAC STREAMINFO: sample rate 0");
        }
        if (bits < 4) {
            throw new AudioFormatException("corrupt FLAC STREAMINFO: " + bits + " bits per sample");
        }
        return new StreamInfo(minBlock, maxBlock, maxFrame, rate, channels, bits, total);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
