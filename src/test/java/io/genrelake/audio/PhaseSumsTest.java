package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.dsp.VectorApiProbe;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resampler's per-phase sums: the Vector API version gives the plain version's bits for every run length
 * (whole groups of vectors, single vectors and a scalar tail), and a whole resampling is the same either way.
 */
class PhaseSumsTest {

    private static PolyphaseKernel.PhaseSums vectorSums() {
        assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM (needs --add-modules "
                + "jdk.incubator.vector and wide vectors): its version is not tested here");
        return VectorApiProbe.choose(PolyphaseKernel.PhaseSums.class, "io.genrelake.audio.VectorPhaseSums",
                new Class<?>[0], new Object[0], () -> null);
    }

    @Test
    void vectorSumsAreThePlainSumsBits() {
        PolyphaseKernel.PhaseSums vector = vectorSums();
        assertInstanceOf(VectorPhaseSums.class, vector);
        Random rnd = new Random(12);
        int taps = 260;
        int group = 1024;
        PolyphaseKernel.PhaseSums plain = new PolyphaseKernel.SliceSums(group);
        float[] components = new float[4 * (group + taps)];
        for (int i = 0; i < components.length; i++) {
            components[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
        }
        float[] phases = new float[3 * taps];
        for (int i = 0; i < phases.length; i++) {
            phases[i] = (float) rnd.nextGaussian();
        }
        int[] tapOffset = new int[taps];
        for (int count : new int[] {0, 1, 7, 8, 15, 16, 31, 33, 64, 100, 511, 1024}) {
            for (int i = 0; i < taps; i++) {
                tapOffset[i] = rnd.nextInt(components.length - count + 1);
            }
            int row = taps * rnd.nextInt(3);
            float[] expected = new float[group];
            float[] got = new float[group];
            plain.sums(components, tapOffset, phases, row, taps, count, expected);
            vector.sums(components, tapOffset, phases, row, taps, count, got);
            assertArrayEquals(expected, got, 0f, "count " + count);
        }
    }

    @Test
    void resamplingIsTheSameWithEitherSums() {
        vectorSums();
        Random rnd = new Random(3);
        float[] x = new float[3 * 44100 + 17];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextGaussian() * 0.3f;
        }
        for (int inRate : new int[] {44100, 48000, 11025}) {
            float[] vector = Resampler.resample(x, inRate, 22050);
            float[] plain = Resampler.resample(x, new Resampler(inRate, 22050, false, true));
            assertArrayEquals(plain, vector, 0f, inRate + " Hz");
        }
    }
}
