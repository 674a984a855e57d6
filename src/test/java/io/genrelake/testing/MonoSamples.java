package io.genrelake.testing;

import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.util.Arrays;

/** Every mono sample of a stream, for the decoder tests that compare two decoders' output. */
public final class MonoSamples {

    private MonoSamples() {}

    public static float[] readAll(AudioStream s) throws IOException {
        float[] out = new float[1 << 16];
        int n = 0;
        while (true) {
            if (n == out.length) {
                out = Arrays.copyOf(out, 2 * n);
            }
            int r = s.readMono(out, n, out.length - n);
            if (r < 0) {
                return Arrays.copyOf(out, n);
            }
            n += r;
        }
    }
}
