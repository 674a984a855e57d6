package io.genrelake.audio.mp3;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link HalfRateSynthesis.Kernels} on the incubating Vector API, 8 float lanes: the V rows and the 16 outputs of a
 * slot stay in registers. Each lane multiplies and adds in {@link HalfRateSynthesis.Plain}'s order (its
 * {@code Math.fma} the lanewise fma, both exact), so the results are the same bits. Used when
 * {@link io.genrelake.dsp.VectorApiProbe} allows; stateless.
 */
final class VectorHalfRateKernels implements HalfRateSynthesis.Kernels {

    private static final VectorSpecies<Float> SPECIES = io.genrelake.dsp.VectorShapes.FLOATS;
    private static final int L = SPECIES.length();
    private static final HalfRateSynthesis.Kernels PLAIN = new HalfRateSynthesis.Plain();

    @Override
    public int lowSlots(float[] matrix, float[] window, float[] subbands, int count, float[] v, int newest, float[] out,
            int outSlot) {
        if (L != 8) {
            return PLAIN.lowSlots(matrix, window, subbands, count, v, newest, out, outSlot);
        }
        int subbandCount = matrix.length / 32;
        for (int t = 0; t < count; t++) {
            newest = (newest + 15) & 15;
            FloatVector m0 = FloatVector.zero(SPECIES);
            FloatVector m1 = m0;
            FloatVector m2 = m0;
            FloatVector m3 = m0;
            for (int k = 0; k < subbandCount; k++) {
                FloatVector x = FloatVector.broadcast(SPECIES, subbands[32 * t + k]);
                int c = 32 * k;
                m0 = x.fma(FloatVector.fromArray(SPECIES, matrix, c), m0);
                m1 = x.fma(FloatVector.fromArray(SPECIES, matrix, c + 8), m1);
                m2 = x.fma(FloatVector.fromArray(SPECIES, matrix, c + 16), m2);
                m3 = x.fma(FloatVector.fromArray(SPECIES, matrix, c + 24), m3);
            }
            int row = 32 * newest;
            m0.intoArray(v, row);
            m1.intoArray(v, row + 8);
            m2.intoArray(v, row + 16);
            m3.intoArray(v, row + 24);
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            for (int i = 0; i < 8; i++) {
                int even = 32 * ((newest + 2 * i) & 15);
                int odd = 32 * ((newest + 2 * i + 1) & 15) + 16;
                int w = 32 * i;
                s0 = FloatVector.fromArray(SPECIES, window, w).fma(FloatVector.fromArray(SPECIES, v, even), s0);
                s0 = FloatVector.fromArray(SPECIES, window, w + 16).fma(FloatVector.fromArray(SPECIES, v, odd), s0);
                s1 = FloatVector.fromArray(SPECIES, window, w + 8).fma(FloatVector.fromArray(SPECIES, v, even + 8), s1);
                s1 = FloatVector.fromArray(SPECIES, window, w + 24).fma(FloatVector.fromArray(SPECIES, v, odd + 8), s1);
            }
            int o = ((outSlot + t) & 63) * 16;
            s0.intoArray(out, o);
            s1.intoArray(out, o + 8);
        }
        return newest;
    }

    @Override
    public void compositeSums(float[] columns, float[] history, int start, int step, int count, float[] sums) {
        if (L != 8) {
            PLAIN.compositeSums(columns, history, start, step, count, sums);
            return;
        }
        int n = columns.length / 16;
        int q = 0;
        for (; q + 2 <= count; q += 2) { // two slots at a time share each column's loads
            int o = 16 * q;
            int h = start + step * q;
            FloatVector a0 = FloatVector.fromArray(SPECIES, sums, o);
            FloatVector a1 = FloatVector.fromArray(SPECIES, sums, o + 8);
            FloatVector b0 = FloatVector.fromArray(SPECIES, sums, o + 16);
            FloatVector b1 = FloatVector.fromArray(SPECIES, sums, o + 24);
            for (int i = 0, c = 0; i < n; i++, c += 16) {
                FloatVector c0 = FloatVector.fromArray(SPECIES, columns, c);
                FloatVector c1 = FloatVector.fromArray(SPECIES, columns, c + 8);
                FloatVector x = FloatVector.broadcast(SPECIES, history[h + i]);
                FloatVector y = FloatVector.broadcast(SPECIES, history[h + step + i]);
                a0 = x.fma(c0, a0);
                a1 = x.fma(c1, a1);
                b0 = y.fma(c0, b0);
                b1 = y.fma(c1, b1);
            }
            a0.intoArray(sums, o);
            a1.intoArray(sums, o + 8);
            b0.intoArray(sums, o + 16);
            b1.intoArray(sums, o + 24);
        }
        for (; q < count; q++) {
            int o = 16 * q;
            int h = start + step * q;
            FloatVector a0 = FloatVector.fromArray(SPECIES, sums, o);
            FloatVector a1 = FloatVector.fromArray(SPECIES, sums, o + 8);
            for (int i = 0, c = 0; i < n; i++, c += 16) {
                FloatVector x = FloatVector.broadcast(SPECIES, history[h + i]);
                a0 = x.fma(FloatVector.fromArray(SPECIES, columns, c), a0);
                a1 = x.fma(FloatVector.fromArray(SPECIES, columns, c + 8), a1);
            }
            a0.intoArray(sums, o);
            a1.intoArray(sums, o + 8);
        }
    }

    /** Runs the kernels once (see io.genrelake.dsp.VectorWarmUp: before C2 compiles any Vector API code). */
    static void warmUp() {
        VectorHalfRateKernels k = new VectorHalfRateKernels();
        k.lowSlots(new float[32], new float[8 * 32], new float[32], 1, new float[16 * 32], 0, new float[64 * 16], 0);
        k.compositeSums(new float[2 * 16], new float[4], 0, 1, 3, new float[3 * 16]);
    }
}
