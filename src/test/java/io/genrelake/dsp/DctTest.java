package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The DCT rows: orthonormal by hand, and the Vector API dot products give the plain loops' bits. */
class DctTest {

    @Test
    void aConstantInputHasOnlyTheFirstCoefficient() {
        Dct dct = new Dct(20, 128);
        float[] x = new float[128];
        java.util.Arrays.fill(x, -40f);
        float[] out = new float[20];
        dct.apply(x, out);
        assertEquals((float) (-40 * Math.sqrt(128)), out[0], 1e-4f);
        for (int k = 1; k < 20; k++) {
            assertEquals(0f, out[k], 0f, "row " + k);
        }
    }

    @Test
    void vectorDotsAreThePlainLoopsBits() {
        Dct.Dots vector = VectorApiProbe.choose(Dct.Dots.class, "VectorDctDots", new Class<?>[0], new Object[0],
                () -> null);
        assertEquals(VectorApiProbe.AVAILABLE, vector != null, "the Vector API version loads where the API is");
        if (vector == null) {
            return;
        }
        Random rnd = new Random(9);
        // 20 × 128 as the MFCCs use, and shapes with tails: rows not a multiple of 4, n not a multiple of 4
        int[][] shapes = {{20, 128}, {7, 13}, {5, 4}, {1, 3}};
        for (int[] shape : shapes) {
            int rows = shape[0];
            int n = shape[1];
            double[] m = new double[rows * n];
            double[] values = new double[n];
            double[] centred = new double[n];
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < m.length; i++) {
                    m[i] = rnd.nextGaussian();
                }
                for (int j = 0; j < n; j++) {
                    values[j] = rnd.nextGaussian() * 80;
                    centred[j] = values[j] - values[0];
                }
                float[] plain = new float[rows];
                float[] vec = new float[rows];
                Dct.plainDots(m, n, rows, values, centred, plain);
                vector.dots(m, n, rows, values, centred, vec);
                assertArrayEquals(plain, vec, 0f, rows + " x " + n + ", round " + round);
            }
        }
    }
}
