package io.genrelake.audio.mp3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.dsp.VectorApiProbe;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The half-rate synthesis kernels on the Vector API give the plain kernels' bits. */
class HalfRateKernelsTest {

    private final Random rnd = new Random(31);

    @Test
    void vectorLowSlotsAreThePlainBits() {
        assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM: its version is not tested");
        HalfRateSynthesis.Kernels plain = new HalfRateSynthesis.Plain();
        HalfRateSynthesis.Kernels vector = new VectorHalfRateKernels();
        float[] matrix = random(14 * 32);
        float[] window = random(8 * 32);
        float[] rowsPlain = random(16 * 32);
        float[] rowsVector = rowsPlain.clone();
        float[] outPlain = new float[64 * 16];
        float[] outVector = new float[64 * 16];
        int newestPlain = 5;
        int newestVector = 5;
        for (int granule = 0; granule < 4; granule++) { // 72 slots: the output ring wraps
            float[] subbands = random(18 * 32);
            int outSlot = (18 * granule) & 63;
            newestPlain = plain.lowSlots(matrix, window, subbands, 18, rowsPlain, newestPlain, outPlain, outSlot);
            newestVector = vector.lowSlots(matrix, window, subbands, 18, rowsVector, newestVector, outVector, outSlot);
            assertEquals(newestPlain, newestVector);
            assertArrayEquals(rowsPlain, rowsVector, 0f, "V rows after granule " + granule);
            assertArrayEquals(outPlain, outVector, 0f, "outputs after granule " + granule);
        }
    }

    @Test
    void vectorCompositeSumsAreThePlainBits() {
        assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM: its version is not tested");
        float[] columns = random(78 * 16);
        float[] history = random(3 * 100); // 21 slots: pairs and one left over
        float[] sumsPlain = random(21 * 16);
        float[] sumsVector = sumsPlain.clone();
        new HalfRateSynthesis.Plain().compositeSums(columns, history, 6, 3, 21, sumsPlain);
        new VectorHalfRateKernels().compositeSums(columns, history, 6, 3, 21, sumsVector);
        assertArrayEquals(sumsPlain, sumsVector, 0f);
    }

    private float[] random(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(5) - 2));
        }
        return x;
    }
}
