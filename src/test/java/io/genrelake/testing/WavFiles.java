package io.genrelake.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small WAV files for tests, so tests do not depend on the decoders they may be testing. */
public final class WavFiles {

    private WavFiles() {}

    /**
     * Writes mono 16-bit PCM (canonical 44-byte RIFF header). Samples in [-1, 1) are scaled by 32768
     * and rounded, so {@code int16 / 32768} (what librosa reads) gives them back to within 2^-16.
     */
    public static Path writePcm16(Path file, float[] samples, int sampleRate) throws IOException {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) 1) // channels
                .putInt(sampleRate)
                .putInt(sampleRate * 2) // byte rate
                .putShort((short) 2) // block align
                .putShort((short) 16); // bits per sample
        b.put(ascii("data")).putInt(dataBytes);
        for (float s : samples) {
            long q = Math.round(s * 32768.0);
            b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q)));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, b.array());
    }

    /** A sine of {@code amplitude} at {@code hz}, {@code seconds} long, sampled at {@code sampleRate}. */
    public static float[] sine(double hz, double amplitude, double seconds, int sampleRate) {
        float[] y = new float[(int) Math.round(seconds * sampleRate)];
        for (int n = 0; n < y.length; n++) {
            y[n] = (float) (amplitude * Math.sin(2 * Math.PI * hz * n / sampleRate));
        }
        return y;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
