package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MelFilterBank}'s sums for a batch of frames on the incubating Vector API: the power spectra go into lane
 * layout (one frame per lane of a vector of doubles, {@link LaneLayout}), then each band's weights are read once and
 * each multiply-add covers every frame of the batch. Each lane does {@link MelFilterBank#apply}'s arithmetic in its
 * order (the float weight times the power in double; the band's even and odd bins in two running totals, added at
 * the end; stored as float32), so the bands are the same bits. Used when {@link VectorApiProbe} allows; not
 * thread-safe.
 */
final class VectorMelSums implements MelFilterBank.BatchSums {

    private static final VectorSpecies<Double> DOUBLES = VectorShapes.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorShapes.FLOATS;
    private static final int L = DOUBLES.length();

    private final int[] start;
    private final float[][] weights;
    private final int bins;
    private final double[] ones;
    /** The batch's power spectra, lane layout: bin k of frame l at k · L + l. */
    private final double[] powerLanes;
    /** The batch's bands, lane layout. */
    private final float[] melLanes;

    VectorMelSums(int[] start, float[][] weights, int bins) {
        if (FLOATS.length() != L) {
            throw new IllegalArgumentException("float and double vectors of different lane counts");
        }
        this.start = start;
        this.weights = weights;
        this.bins = bins;
        this.ones = new double[bins];
        java.util.Arrays.fill(ones, 1.0);
        this.powerLanes = new double[bins * L];
        this.melLanes = new float[weights.length * L];
    }

    @Override
    public int lanes() {
        return L;
    }

    @Override
    public void apply(float[][] power, int count, float[][] mel) {
        LaneLayout.toLanes(power, ones, L, bins, powerLanes);
        for (int m = 0; m < weights.length; m++) {
            band(weights[m], start[m] * L, m * L);
        }
        for (int i = 0; i < count; i++) {
            float[] row = mel[i];
            for (int m = 0, j = i; m < weights.length; m++, j += L) {
                row[m] = melLanes[j];
            }
        }
    }

    /** One band for every frame: Σ w[j] · power[s + j] in two running totals (even and odd j), as float32. */
    private void band(float[] w, int s, int out) {
        double[] p = powerLanes;
        DoubleVector a0 = DoubleVector.zero(DOUBLES);
        DoubleVector a1 = a0;
        int j = 0;
        for (; j + 1 < w.length; j += 2) {
            a0 = a0.add(DoubleVector.broadcast(DOUBLES, w[j]).mul(DoubleVector.fromArray(DOUBLES, p, s + j * L)));
            a1 = a1.add(DoubleVector.broadcast(DOUBLES, w[j + 1])
                    .mul(DoubleVector.fromArray(DOUBLES, p, s + (j + 1) * L)));
        }
        if (j < w.length) {
            a0 = a0.add(DoubleVector.broadcast(DOUBLES, w[j]).mul(DoubleVector.fromArray(DOUBLES, p, s + j * L)));
        }
        ((FloatVector) a0.add(a1).convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(melLanes, out);
    }
}
