package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a simple-stereo MPEG-1 Layer III file without ID3v2 tag or CRC into a dual-channel one by rewriting each
 * frame header's mode bits (00 → 10). Layer III decodes both modes alike (two independent channels, the same side
 * information layout), so this is a valid dual-channel stream; LAME can write one (-m d) but FFmpeg's libmp3lame
 * wrapper has no option for it.
 */
final class DualChannel {

    /** MPEG-1 Layer III bit rates in kb/s by index. */
    private static final int[] KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] RATES = {44100, 48000, 32000};

    private DualChannel() {}

    /** Rewrites the file; returns the number of frames marked. */
    static int markFrames(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int frames = 0;
        for (int pos = 0; pos + 4 <= b.length; ) {
            int length = frameLength(b, pos);
            if (length <= 0) {
                break; // the ID3v1 tag or the end
            }
            if ((b[pos + 3] & 0xC0) != 0x00) {
                throw new IOException("frame at " + pos + " is not simple stereo");
            }
            b[pos + 3] = (byte) (b[pos + 3] & 0x3F | 0x80);
            frames++;
            pos += length;
        }
        Files.write(file, b);
        return frames;
    }

    /** Frames from the start of {@code b} up to the first thing that is not one. */
    static int countFrames(byte[] b) {
        int frames = 0;
        for (int pos = 0, length; pos + 4 <= b.length && (length = frameLength(b, pos)) > 0; pos += length) {
            frames++;
        }
        return frames;
    }

    /** The length of the MPEG-1 Layer III frame without CRC at {@code pos}, or 0 when there is none. */
    private static int frameLength(byte[] b, int pos) {
        if ((b[pos] & 0xFF) != 0xFF || (b[pos + 1] & 0xFF) != 0xFB) {
            return 0; // not sync + MPEG-1 + Layer III + no CRC
        }
        int bitrate = (b[pos + 2] & 0xF0) >> 4;
        int rate = (b[pos + 2] & 0x0C) >> 2;
        if (bitrate == 0 || bitrate == 15 || rate == 3) {
            return 0;
        }
        int padding = (b[pos + 2] & 0x02) >> 1;
        return 144_000 * KBPS[bitrate] / RATES[rate] + padding;
    }
}
