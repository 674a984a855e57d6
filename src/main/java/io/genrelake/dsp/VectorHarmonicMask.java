package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * HPSS's soft mask ({@link Hpss#softMask}) on the incubating Vector API: floats widened to a vector of doubles of
 * the same lane count ({@link VectorShapes}: floats at half the doubles' width), the squares and
 * the division in double, rounded back to float — the plain loop's operations lane by lane, so the same bits,
 * without its scalar division per bin. The harmonic medians arrive as IEEE bits; they are turned into floats by a
 * plain loop rather than an {@code IntVector} of another shape than {@link VectorWindowLanes}' (see
 * {@link VectorApiProbe} on mixing shapes). Used when {@link VectorApiProbe} allows; not thread-safe.
 */
final class VectorHarmonicMask implements Hpss.HarmonicMask {

    private static final VectorSpecies<Double> DOUBLES = VectorShapes.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorShapes.FLOATS;
    private static final int L = FLOATS.length();

    private float[] harmonic = new float[0];

    @Override
    public void apply(int[] harmonicBits, float[] perc, float[] re, float[] im, float[] outRe, float[] outIm,
            int bins) {
        if (harmonic.length < bins) {
            harmonic = new float[bins];
        }
        float[] h = harmonic;
        for (int k = 0; k < bins; k++) {
            h[k] = Float.intBitsToFloat(harmonicBits[k]);
        }
        int k = 0;
        for (int whole = bins - bins % L; k < whole; k += L) {
            // scalars broadcast in the loop (C2 hoists them), not through the API's scalar overloads, which JDK 17
            // does not force-inline
            FloatVector half = FloatVector.broadcast(FLOATS, 0.5f);
            FloatVector tiny = FloatVector.broadcast(FLOATS, Float32.TINY);
            FloatVector hv = FloatVector.fromArray(FLOATS, h, k);
            FloatVector pv = FloatVector.fromArray(FLOATS, perc, k);
            DoubleVector hd = (DoubleVector) hv.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector pd = (DoubleVector) pv.convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector hh = hd.mul(hd);
            FloatVector ratio = (FloatVector) hh.div(hh.add(pd.mul(pd))).convertShape(VectorOperators.D2F, FLOATS, 0);
            FloatVector mask = ratio.blend(half, hv.max(pv).compare(VectorOperators.LT, tiny));
            FloatVector.fromArray(FLOATS, re, k).mul(mask).intoArray(outRe, k);
            FloatVector.fromArray(FLOATS, im, k).mul(mask).intoArray(outIm, k);
        }
        Hpss.softMask(harmonicBits, perc, re, im, outRe, outIm, k, bins);
    }
}
