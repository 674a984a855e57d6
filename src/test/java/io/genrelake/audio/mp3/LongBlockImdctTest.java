package io.genrelake.audio.mp3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.dsp.VectorApiProbe;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast long-block IMDCT against its definition, and its Vector API kernel against the plain one. */
class LongBlockImdctTest {

    private final Random rnd = new Random(36);

    @Test
    void plainKernelIsTheWindowedImdctWithOverlap() {
        float[] window = new float[36];
        for (int i = 0; i < 36; i++) {
            window[i] = (float) Math.sin(Math.PI / 36 * (i + 0.5));
        }
        float[] lines = new float[18 * 32];
        float[] overlap = new float[18 * 32];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (float) rnd.nextGaussian();
            overlap[i] = (float) rnd.nextGaussian();
        }
        float[] previous = overlap.clone();
        float[] output = new float[18 * 32];
        new LongBlockImdct.Plain().transform(lines, 4, LongBlockImdct.signedWindow(window), overlap, output);
        for (int sb = 0; sb < 32; sb++) {
            for (int i = 0; i < 36; i++) {
                // §2.4.3.4.10.2: x_i = Σ_k X_k·cos(π/72·(2i + 1 + 18)(2k + 1)), then windowed
                double x = 0;
                for (int k = 0; k < 18; k++) {
                    x += lines[32 * k + sb] * Math.cos(Math.PI / 72 * (2 * i + 1 + 18) * (2 * k + 1));
                }
                x *= window[i];
                int t = i % 18;
                double got = i < 18 ? output[32 * t + sb] - previous[32 * t + sb] : overlap[32 * t + sb];
                assertEquals(x, got, 2e-5, "subband " + sb + ", point " + i);
            }
        }
    }

    @Test
    void vectorKernelGivesThePlainBits() {
        assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM: its version is not tested");
        float[] window = new float[36];
        float[] lines = new float[18 * 32];
        float[] overlap = new float[18 * 32];
        for (int i = 0; i < 36; i++) {
            window[i] = (float) rnd.nextGaussian();
        }
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
            overlap[i] = (float) rnd.nextGaussian();
        }
        float[] overlapVector = overlap.clone();
        float[] plain = new float[18 * 32];
        float[] vector = new float[18 * 32];
        for (int groups = 1; groups <= 4; groups++) {
            new LongBlockImdct.Plain().transform(lines, groups, window, overlap, plain);
            new VectorLongBlockImdct().transform(lines, groups, window, overlapVector, vector);
            assertArrayEquals(plain, vector, 0f, groups + " groups: output");
            assertArrayEquals(overlap, overlapVector, 0f, groups + " groups: overlap");
        }
    }
}
