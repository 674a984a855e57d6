package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Stft#magnitudeAndPower} on the incubating Vector API, in one pass where the plain version needs three
 * (C2 vectorises only the separate loops): float components widened to double, squared and added, the square root
 * (correctly rounded, as Math.sqrt), narrowed to float32, squared in float32. The same operations in the same order
 * per bin, so the same bits. Used when {@link VectorApiProbe} allows; stateless.
 */
final class VectorModulus implements Stft.Modulus {

    private static final VectorSpecies<Double> DOUBLES = VectorShapes.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorShapes.FLOATS;
    private static final int L = FLOATS.length();

    @Override
    public void apply(float[] re, float[] im, float[] magnitude, float[] power, int bins) {
        int k = 0;
        for (int whole = bins - bins % L; k < whole; k += L) {
            DoubleVector r = (DoubleVector) FloatVector.fromArray(FLOATS, re, k).convertShape(VectorOperators.F2D,
                    DOUBLES, 0);
            DoubleVector i = (DoubleVector) FloatVector.fromArray(FLOATS, im, k).convertShape(VectorOperators.F2D,
                    DOUBLES, 0);
            FloatVector m = (FloatVector) r.mul(r).add(i.mul(i)).lanewise(VectorOperators.SQRT)
                    .convertShape(VectorOperators.D2F, FLOATS, 0);
            m.intoArray(magnitude, k);
            m.mul(m).intoArray(power, k);
        }
        for (; k < bins; k++) {
            double r = re[k];
            double i = im[k];
            float m = (float) Math.sqrt(r * r + i * i);
            magnitude[k] = m;
            power[k] = m * m;
        }
    }
}
