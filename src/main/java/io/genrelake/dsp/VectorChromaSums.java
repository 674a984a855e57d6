package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The chroma filter bank's 12 weighted sums of a power spectrum on the incubating Vector API: one vector lane
 * per chroma (two vectors of 8 doubles with AVX-512, three of 4 with AVX2, the last lanes zero weights), one
 * multiply and add per vector and bin. Each lane does the scalar loop's arithmetic in its order (the float
 * weight times the power in double, the even bins and the odd bins each added in order, the two totals added at the
 * end), so the sums are the same bits as {@link ChromaFilterBank}'s plain loops, which keep 12 scalar accumulators
 * and issue 48 operations per bin.
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

    /** Two vectors of chromas; even and odd bins in separate totals, added at the end (as the plain version). */
    private void sums2(float[] power) {
        double[] w = weights;
        DoubleVector e0 = DoubleVector.zero(SPECIES);
        DoubleVector e1 = e0;
        DoubleVector o0 = e0;
        DoubleVector o1 = e0;
        int k = 0;
        for (int o = 0; k + 1 < bins; k += 2, o += 4 * L) {
            DoubleVector pe = DoubleVector.broadcast(SPECIES, power[k]);
            DoubleVector po = DoubleVector.broadcast(SPECIES, power[k + 1]);
            e0 = e0.add(DoubleVector.fromArray(SPECIES, w, o).mul(pe));
            e1 = e1.add(DoubleVector.fromArray(SPECIES, w, o + L).mul(pe));
            o0 = o0.add(DoubleVector.fromArray(SPECIES, w, o + 2 * L).mul(po));
            o1 = o1.add(DoubleVector.fromArray(SPECIES, w, o + 3 * L).mul(po));
        }
        if (k < bins) { // the last bin, when the count is odd, is an even one
            DoubleVector pe = DoubleVector.broadcast(SPECIES, power[k]);
            e0 = e0.add(DoubleVector.fromArray(SPECIES, w, k * 2 * L).mul(pe));
            e1 = e1.add(DoubleVector.fromArray(SPECIES, w, k * 2 * L + L).mul(pe));
        }
        e0.add(o0).intoArray(sums, 0);
        e1.add(o1).intoArray(sums, L);
    }

    /** Three vectors of chromas (4-lane vectors); even and odd bins as in {@link #sums2}. */
    private void sums3(float[] power) {
        double[] w = weights;
        DoubleVector e0 = DoubleVector.zero(SPECIES);
        DoubleVector e1 = e0;
        DoubleVector e2 = e0;
        DoubleVector o0 = e0;
        DoubleVector o1 = e0;
        DoubleVector o2 = e0;
        int k = 0;
        for (int o = 0; k + 1 < bins; k += 2, o += 6 * L) {
            DoubleVector pe = DoubleVector.broadcast(SPECIES, power[k]);
            DoubleVector po = DoubleVector.broadcast(SPECIES, power[k + 1]);
            e0 = e0.add(DoubleVector.fromArray(SPECIES, w, o).mul(pe));
            e1 = e1.add(DoubleVector.fromArray(SPECIES, w, o + L).mul(pe));
            e2 = e2.add(DoubleVector.fromArray(SPECIES, w, o + 2 * L).mul(pe));
            o0 = o0.add(DoubleVector.fromArray(SPECIES, w, o + 3 * L).mul(po));
            o1 = o1.add(DoubleVector.fromArray(SPECIES, w, o + 4 * L).mul(po));
            o2 = o2.add(DoubleVector.fromArray(SPECIES, w, o + 5 * L).mul(po));
        }
        if (k < bins) {
            DoubleVector pe = DoubleVector.broadcast(SPECIES, power[k]);
            e0 = e0.add(DoubleVector.fromArray(SPECIES, w, k * 3 * L).mul(pe));
            e1 = e1.add(DoubleVector.fromArray(SPECIES, w, k * 3 * L + L).mul(pe));
            e2 = e2.add(DoubleVector.fromArray(SPECIES, w, k * 3 * L + 2 * L).mul(pe));
        }
        e0.add(o0).intoArray(sums, 0);
        e1.add(o1).intoArray(sums, L);
        e2.add(o2).intoArray(sums, 2 * L);
    }
}
