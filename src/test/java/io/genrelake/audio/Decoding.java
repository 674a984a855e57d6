package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test helpers: decode a whole file through the registry, assert error reasons. */
final class Decoding {

    /** What a file decoded to. */
    record Decoded(int sampleRate, int channels, String codec, long frameCount, float[] samples) {}

    private Decoding() {}

    /** Decodes every frame, reading in small odd-sized blocks so block boundaries get exercised. */
    static Decoded decode(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path);
                AudioStream stream = AudioDecoders.builtIn().open(in, path.getFileName().toString())) {
            float[] all = new float[16];
            int n = 0;
            float[] block = new float[7];
            int got;
            while ((got = stream.readMono(block, 0, block.length)) >= 0) {
                if (n + got > all.length) {
                    all = Arrays.copyOf(all, 2 * (n + got));
                }
                System.arraycopy(block, 0, all, n, got);
                n += got;
            }
            return new Decoded(stream.sampleRate(), stream.channels(), stream.codec(), stream.frameCount(),
                    Arrays.copyOf(all, n));
        }
    }

    /** Asserts decoding fails with exactly this exception class and a reason containing each phrase. */
    static <T extends AudioFormatException> T assertFails(Class<T> type, Path path, String... phrases) {
        T e = assertThrows(type, () -> decode(path));
        assertEquals(type, e.getClass(), () -> "exception type; message: " + e.getMessage());
        for (String phrase : phrases) {
            assertTrue(e.getMessage().contains(phrase),
                    () -> "message \"" + e.getMessage() + "\" should contain \"" + phrase + "\"");
        }
        return e;
    }

    static float[] scaled(float scale, int... codes) {
        float[] x = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            x[i] = codes[i] / scale;
        }
        return x;
    }
}
