package io.genrelake.audio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Minimal canonical WAV writers (RIFF, 44-byte header) for 16-bit PCM and 32-bit float, used by
 * the sample-data generator and tests.
 *
 * <p>16-bit samples are round(x · 32768) clipped to [-32768, 32767]: the exact inverse of the
 * decoder's x / 32768, so any value k/32768 survives a write and a read unchanged. (libsndfile's
 * own writer scales by 32767 instead; round trips through it are not exact.)
 */
public final class WavWriter {

    private static final int TAG_PCM = 1;
    private static final int TAG_IEEE_FLOAT = 3;
    private static final int BLOCK_FRAMES = 8192;

    private WavWriter() {}

    public static void writePcm16(Path path, float[] mono, int rate) throws IOException {
        writePcm16(path, mono, 1, rate);
    }

    public static void writeFloat32(Path path, float[] mono, int rate) throws IOException {
        writeFloat32(path, mono, 1, rate);
    }

    /** Interleaved samples (frame f, channel c at f·channels + c). */
    public static void writePcm16(Path path, float[] interleaved, int channels, int rate) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            writePcm16(out, interleaved, channels, rate);
        }
    }

    public static void writeFloat32(Path path, float[] interleaved, int channels, int rate) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            writeFloat32(out, interleaved, channels, rate);
        }
    }

    /** Writes a whole file to {@code out} (left open). */
    public static void writePcm16(OutputStream out, float[] interleaved, int channels, int rate) throws IOException {
        write(out, interleaved, channels, rate, TAG_PCM, 2);
    }

    public static void writeFloat32(OutputStream out, float[] interleaved, int channels, int rate) throws IOException {
        write(out, interleaved, channels, rate, TAG_IEEE_FLOAT, 4);
    }

    /** round(x · 32768), clipped: the inverse of libsndfile's int16 / 32768. */
    static short toPcm16(float x) {
        double v = Math.rint(x * 32768.0);
        return (short) Math.max(-32768, Math.min(32767, v));
    }

    private static void write(OutputStream out, float[] samples, int channels, int rate, int tag, int bytes)
            throws IOException {
        if (channels <= 0 || rate <= 0) {
            throw new IllegalArgumentException("channels and rate must be positive: " + channels + ", " + rate);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples is not a whole number of "
                    + channels + "-channel frames");
        }
        long dataBytes = (long) samples.length * bytes;
        if (dataBytes > 0xFFFFFFFFL - 36) {
            throw new IllegalArgumentException("too long for a WAV file: " + dataBytes + " bytes of samples");
        }
        byte[] header = new byte[44];
        putAscii(header, 0, "RIFF");
        putLe32(header, 4, 36 + dataBytes);
        putAscii(header, 8, "WAVE");
        putAscii(header, 12, "fmt ");
        putLe32(header, 16, 16);
        putLe16(header, 20, tag);
        putLe16(header, 22, channels);
        putLe32(header, 24, rate);
        putLe32(header, 28, (long) rate * channels * bytes);
        putLe16(header, 32, channels * bytes);
        putLe16(header, 34, bytes * 8);
        putAscii(header, 36, "data");
        putLe32(header, 40, dataBytes);
        out.write(header);

        byte[] block = new byte[BLOCK_FRAMES * bytes];
        for (int start = 0; start < samples.length; start += BLOCK_FRAMES) {
            int n = Math.min(BLOCK_FRAMES, samples.length - start);
            for (int i = 0; i < n; i++) {
                if (tag == TAG_PCM) {
                    putLe16(block, 2 * i, toPcm16(samples[start + i]));
                } else {
                    putLe32(block, 4 * i, Float.floatToRawIntBits(samples[start + i]) & 0xFFFFFFFFL);
                }
            }
            out.write(block, 0, n * bytes);
        }
    }

    private static void putAscii(byte[] b, int off, String s) {
        for (int i = 0; i < s.length(); i++) {
            b[off + i] = (byte) s.charAt(i);
        }
    }

    private static void putLe16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
    }

    private static void putLe32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }
}
