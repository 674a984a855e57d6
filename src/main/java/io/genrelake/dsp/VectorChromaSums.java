package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chroma filter bank's 12 weighted sums of a power spectrum on the incubating Vector API: one vector lane
 * per chroma (two vectors of 8 doubles with AVX-512, three of 4 with AVX2, the last lanes zero weights), one
 * multiply and add per vector and bin. Each lane does the scalar loop's arithmetic in its order (the float
 * weight times the power in double, added bin by bin), so the sums are the same bits as
 * {@link ChromaFilterBank}'s plain loop, which keeps 12 scalar accumulators and issues 48 operations per bin.
 * Used when {@link VectorApiProbe} allows; not thread-safe.
 */
final class VectorChromaSums implements ChromaFilterBank.Sums {

    private static final VectorSpecies<Double> SPECIES = VectorShapes.DOUBLES;
    private static final int L = SPECIES.length();

    private final int bins;
    private final int vectors;
    /** weights[(k · vectors + v) · L + lane] = weight of chroma v·L + lane at bin k (0 past the last chroma). */
    private final double[] weights;
    private final double[] sums;

    VectorChromaSums(float[] byBin, int rows, int bins) {
        this.bins = bins;
        this.vectors = (rows + L - 1) / L;
        if (vectors > 3) {
            throw new IllegalArgumentException(rows + " rows need more than 3 vectors of " + L);
        }
        this.weights = new double[bins * vectors * L];
        for (int k = 0; k < bins; k++) {
            for (int c = 0; c < rows; c++) {
                weights[k * vectors * L + c] = byBin[k * rows + c];
            }
        }
        this.sums = new double[vectors * L];
    }

    @Override
    public void sums(float[] power, float[] out) {
        if (vectors == 2) {
            sums2(power);
        } else {
            sums3(power);
        }
        for (int c = 0; c < out.length; c++) {
            out[c] = (float) sums[c];
        }
    }

    private void sums2(float[] power) {
        double[] w = weights;
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = DoubleVector.zero(SPECIES);
        for (int k = 0, o = 0; k < bins; k++, o += 2 * L) {
            DoubleVector p = DoubleVector.broadcast(SPECIES, power[k]);
            a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(p));
            a1 = a1.add(DoubleVector.fromArray(SPECIES, w, o + L).mul(p));
        }
        a0.intoArray(sums, 0);
        a1.intoArray(sums, L);
    }

    private void sums3(float[] power) {
        double[] w = weights;
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = DoubleVector.zero(SPECIES);
        DoubleVector a2 = DoubleVector.zero(SPECIES);
        for (int k = 0, o = 0; k < bins; k++, o += 3 * L) {
            DoubleVector p = DoubleVector.broadcast(SPECIES, power[k]);
            a0 = a0.add(DoubleVector.fromArray(SPECIES, w, o).mul(p));
            a1 = a1.add(DoubleVector.fromArray(SPECIES, w, o + L).mul(p));
            a2 = a2.add(DoubleVector.fromArray(SPECIES, w, o + 2 * L).mul(p));
        }
        a0.intoArray(sums, 0);
        a1.intoArray(sums, L);
        a2.intoArray(sums, 2 * L);
    }
}
