package io.genrelake.audio.mp3;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HalfRateSynthesis.ColumnSums} on the incubating Vector API: the 16 running sums stay in registers over all
 * the columns. Each lane multiplies and adds in the plain loop's order, so the sums are the same bits. Used when
 * {@link io.genrelake.dsp.VectorApiProbe} allows; stateless.
 */
final class VectorColumnSums implements HalfRateSynthesis.ColumnSums {

    private static final VectorSpecies<Float> SPECIES = io.genrelake.dsp.VectorShapes.FLOATS;
    private static final int L = SPECIES.length();

    @Override
    public void sums(float[] columns, float[] v, int n, int count, float[] sums) {
        if (L != 8) {
            HalfRateSynthesis.plainSums(columns, v, n, count, sums);
            return;
        }
        for (int q = 0; q < count; q++) {
            int o = 16 * q;
            FloatVector a0 = FloatVector.fromArray(SPECIES, sums, o);
            FloatVector a1 = FloatVector.fromArray(SPECIES, sums, o + 8);
            for (int j = 0, c = 0; j < n; j++, c += 16) {
                FloatVector vj = FloatVector.broadcast(SPECIES, v[n * q + j]);
                a0 = a0.add(FloatVector.fromArray(SPECIES, columns, c).mul(vj));
                a1 = a1.add(FloatVector.fromArray(SPECIES, columns, c + 8).mul(vj));
            }
            a0.intoArray(sums, o);
            a1.intoArray(sums, o + 8);
        }
    }

    /** Runs the kernel once (see io.genrelake.dsp.VectorWarmUp: before C2 compiles any Vector API code). */
    static void warmUp() {
        new VectorColumnSums().sums(new float[32], new float[] {1f, 1f}, 2, 1, new float[16]);
    }
}
