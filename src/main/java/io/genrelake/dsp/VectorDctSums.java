package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Dct.ColumnSums} on the incubating Vector API: the running totals of up to 24 rows stay in three vectors
 * over all the inputs (the plain loop keeps them in memory). Each lane adds its products in the plain loop's order,
 * so the sums are the same bits. Used when {@link VectorApiProbe} allows; stateless.
 */
final class VectorDctSums implements Dct.ColumnSums {

    private static final VectorSpecies<Double> SPECIES = VectorShapes.DOUBLES;
    private static final int L = SPECIES.length();

    @Override
    public void sums(double[] columns, int stride, int rows, double[] v, int n, double[] sums) {
        if (stride != 3 * L) { // three vectors of rows (24 with AVX-512, for 20 MFCCs); else the plain loop
            Dct.plainSums(columns, stride, rows, v, n, sums);
            return;
        }
        DoubleVector a0 = DoubleVector.zero(SPECIES);
        DoubleVector a1 = a0;
        DoubleVector a2 = a0;
        for (int j = 0, b = 0; j < n; j++, b += 3 * L) {
            DoubleVector vj = DoubleVector.broadcast(SPECIES, v[j]);
            a0 = a0.add(DoubleVector.fromArray(SPECIES, columns, b).mul(vj));
            a1 = a1.add(DoubleVector.fromArray(SPECIES, columns, b + L).mul(vj));
            a2 = a2.add(DoubleVector.fromArray(SPECIES, columns, b + 2 * L).mul(vj));
        }
        a0.intoArray(sums, 0);
        a1.intoArray(sums, L);
        a2.intoArray(sums, 2 * L);
    }
}
