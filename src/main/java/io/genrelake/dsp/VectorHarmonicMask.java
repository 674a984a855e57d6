package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * HPSS's harmonic soft mask ({@link Hpss.HarmonicMask}) on the incubating Vector API: a vector of floats widened
 * to a vector of doubles of the same lane count, the squares and the division in double, rounded back to float —
 * the plain loop's operations lane by lane, so the same bits, without its scalar double division per bin (the
 * plain loop was 10 % of the clip's CPU time with the other Vector API parts on). Used when {@link VectorApiProbe}
 * allows; stateless.
 */
final class VectorHarmonicMask implements Hpss.HarmonicMask {

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final VectorSpecies<Integer> INTS =
            VectorSpecies.of(int.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final int L = FLOATS.length();

    @Override
    public void apply(int[] harmonicBits, float[] perc, float[] re, float[] im, float[] outRe, float[] outIm,
            int bins) {
        int k = 0;
        for (int whole = bins - bins % L; k < whole; k += L) {
            FloatVector h = IntVector.fromArray(INTS, harmonicBits, k).reinterpretAsFloats();
            FloatVector p = FloatVector.fromArray(FLOATS, perc, k);
            DoubleVector hd = (DoubleVector) h.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector pd = (DoubleVector) p.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector hh = hd.mul(hd);
            FloatVector ratio = (FloatVector) hh.div(hh.add(pd.mul(pd))).convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector mask = ratio.blend(0.5f, h.max(p).compare(VectorOperators.LT, Float32.TINY));
            FloatVector.fromArray(FLOATS, re, k).mul(mask).intoArray(outRe, k);
            FloatVector.fromArray(FLOATS, im, k).mul(mask).intoArray(outIm, k);
        }
        Hpss.plainMask(harmonicBits, perc, re, im, outRe, outIm, k, bins);
    }
}
