package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The DCT rows: a constant input has only the first coefficient, √N times the value, as scipy gives; random inputs
 * agree with the definition; the Vector API's column sums are the plain loop's bits.
 */
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
    void randomInputsAgreeWithTheDefinition() {
        Dct dct = new Dct(20, 128);
        Random rnd = new Random(2);
        float[] x = new float[128];
        float[] out = new float[20];
        for (int trial = 0; trial < 50; trial++) {
            for (int j = 0; j < 128; j++) {
                x[j] = (float) (rnd.nextGaussian() * 20 - 40);
            }
            dct.apply(x, out);
            for (int k = 0; k < 20; k++) {
                double expected = 0;
                for (int j = 0; j < 128; j++) {
                    double s = k == 0 ? Math.sqrt(1.0 / 128) : Math.sqrt(2.0 / 128);
                    expected += s * Math.cos(Math.PI * k * (2 * j + 1) / 256.0) * x[j];
                }
                assertEquals(expected, out[k], 1e-4 * (1 + Math.abs(expected)), "row " + k);
            }
        }
    }

    @Test
    void vectorColumnSumsAreThePlainBits() {
        assumeTrue(VectorApiProbe.AVAILABLE, "the Vector API is not available in this JVM: its version is not tested");
        Dct.ColumnSums vector = new VectorDctSums();
        Random rnd = new Random(8);
        int n = 128;
        for (int rows : new int[] {20, 3 * LaneRealFft.LANES, 13}) {
            int stride = (rows + 7) / 8 * 8;
            double[] columns = new double[n * stride];
            double[] v = new double[n];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = (i % stride == 0 || i % stride >= rows) ? 0 : rnd.nextGaussian();
            }
            for (int j = 0; j < n; j++) {
                v[j] = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(6) - 3);
            }
            double[] plain = new double[stride];
            double[] got = new double[stride];
            Dct.plainSums(columns, stride, rows, v, n, plain);
            vector.sums(columns, stride, rows, v, n, got);
            assertArrayEquals(java.util.Arrays.copyOf(plain, rows), java.util.Arrays.copyOf(got, rows), 0.0,
                    rows + " rows");
        }
    }
}
