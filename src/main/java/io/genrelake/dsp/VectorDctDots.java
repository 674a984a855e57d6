package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dct}'s row dot products on the incubating Vector API: the plain loop's four accumulators (a_i takes the
 * terms j ≡ i mod 4) are the four lanes of a 256-bit vector, so each lane adds the same products in the same order
 * and the result, (a0 + a1) + (a2 + a3), has the same bits. Four rows run together so that their chains of
 * dependent additions overlap. Used when {@link VectorApiProbe} allows; stateless.
 */
final class VectorDctDots implements Dct.Dots {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    @Override
    public void dots(double[] m, int n, int rows, double[] values, double[] centred, float[] out) {
        out[0] = (float) one(m, 0, n, values);
        int k = 1;
        for (; k + 3 < rows; k += 4) {
            int b0 = k * n, b1 = b0 + n, b2 = b1 + n, b3 = b2 + n;
            DoubleVector a0 = DoubleVector.zero(S);
            DoubleVector a1 = DoubleVector.zero(S);
            DoubleVector a2 = DoubleVector.zero(S);
            DoubleVector a3 = DoubleVector.zero(S);
            int j = 0;
            for (; j + 3 < n; j += 4) {
                DoubleVector v = DoubleVector.fromArray(S, centred, j);
                a0 = a0.add(DoubleVector.fromArray(S, m, b0 + j).mul(v));
                a1 = a1.add(DoubleVector.fromArray(S, m, b1 + j).mul(v));
                a2 = a2.add(DoubleVector.fromArray(S, m, b2 + j).mul(v));
                a3 = a3.add(DoubleVector.fromArray(S, m, b3 + j).mul(v));
            }
            out[k] = (float) finish(a0, m, b0, j, n, centred);
            out[k + 1] = (float) finish(a1, m, b1, j, n, centred);
            out[k + 2] = (float) finish(a2, m, b2, j, n, centred);
            out[k + 3] = (float) finish(a3, m, b3, j, n, centred);
        }
        for (; k < rows; k++) {
            out[k] = (float) one(m, k * n, n, centred);
        }
    }

    private static double one(double[] m, int base, int n, double[] v) {
        DoubleVector a = DoubleVector.zero(S);
        int j = 0;
        for (; j + 3 < n; j += 4) {
            a = a.add(DoubleVector.fromArray(S, m, base + j).mul(DoubleVector.fromArray(S, v, j)));
        }
        return finish(a, m, base, j, n, v);
    }

    /** The plain loop's tail (into a0) and its final sum (a0 + a1) + (a2 + a3). */
    private static double finish(DoubleVector a, double[] m, int base, int j, int n, double[] v) {
        double a0 = a.lane(0);
        for (; j < n; j++) {
            a0 += m[base + j] * v[j];
        }
        return (a0 + a.lane(1)) + (a.lane(2) + a.lane(3));
    }
}
