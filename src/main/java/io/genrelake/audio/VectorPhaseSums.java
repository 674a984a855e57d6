package io.genrelake.audio;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link PolyphaseKernel.PhaseSums} on the incubating Vector API (JVMs started with
 * {@code --add-modules jdk.incubator.vector}; chosen by {@link io.genrelake.dsp.VectorApiProbe}). Each lane is one
 * output and does the plain loop's float arithmetic in its order, so the outputs are the same bits; what changes is
 * that the taps' inputs are loaded straight from their components (no copy per tap, as the plain version needs for
 * C2 to vectorise it) and four vectors of outputs stay in registers over all the taps. 30 s at 44.1 kHz: 9.7 against
 * 16.1 ms (ResamplerCpuTime, docs/benchmarks.md); eight vectors of outputs were 4 times slower (JDK 17 boxed them).
 * Not thread-safe.
 */
final class VectorPhaseSums implements PolyphaseKernel.PhaseSums {

    /** The floats' one shape (half the preferred width: 8 lanes with AVX-512), as every Vector API class uses. */
    private static final VectorSpecies<Float> SPECIES = io.genrelake.dsp.VectorShapes.FLOATS;
    private static final int L = SPECIES.length();

    @Override
    public void sums(float[] components, int[] tapOffset, float[] phases, int row, int taps, int count,
            float[] acc) {
        int m = 0;
        for (; m + 4 * L <= count; m += 4 * L) {
            fourVectors(components, tapOffset, phases, row, taps, m, acc);
        }
        for (; m + L <= count; m += L) {
            oneVector(components, tapOffset, phases, row, taps, m, acc);
        }
        for (; m < count; m++) {
            float a = 0f;
            for (int i = 0; i < taps; i += 4) {
                a += phases[row + i] * components[tapOffset[i] + m]
                        + phases[row + i + 1] * components[tapOffset[i + 1] + m]
                        + phases[row + i + 2] * components[tapOffset[i + 2] + m]
                        + phases[row + i + 3] * components[tapOffset[i + 3] + m];
            }
            acc[m] = a;
        }
    }

    /** Outputs m .. m + 4L - 1. */
    private static void fourVectors(float[] x, int[] off, float[] h, int row, int taps, int m, float[] acc) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int i = 0; i < taps; i += 4) {
            FloatVector h0 = FloatVector.broadcast(SPECIES, h[row + i]);
            FloatVector h1 = FloatVector.broadcast(SPECIES, h[row + i + 1]);
            FloatVector h2 = FloatVector.broadcast(SPECIES, h[row + i + 2]);
            FloatVector h3 = FloatVector.broadcast(SPECIES, h[row + i + 3]);
            int o0 = off[i] + m;
            int o1 = off[i + 1] + m;
            int o2 = off[i + 2] + m;
            int o3 = off[i + 3] + m;
            a0 = a0.add(group(x, h0, h1, h2, h3, o0, o1, o2, o3));
            a1 = a1.add(group(x, h0, h1, h2, h3, o0 + L, o1 + L, o2 + L, o3 + L));
            a2 = a2.add(group(x, h0, h1, h2, h3, o0 + 2 * L, o1 + 2 * L, o2 + 2 * L, o3 + 2 * L));
            a3 = a3.add(group(x, h0, h1, h2, h3, o0 + 3 * L, o1 + 3 * L, o2 + 3 * L, o3 + 3 * L));
        }
        a0.intoArray(acc, m);
        a1.intoArray(acc, m + L);
        a2.intoArray(acc, m + 2 * L);
        a3.intoArray(acc, m + 3 * L);
    }

    /** Outputs m .. m + L - 1. */
    private static void oneVector(float[] x, int[] off, float[] h, int row, int taps, int m, float[] acc) {
        FloatVector a = FloatVector.zero(SPECIES);
        for (int i = 0; i < taps; i += 4) {
            a = a.add(group(x, FloatVector.broadcast(SPECIES, h[row + i]), FloatVector.broadcast(SPECIES, h[row + i + 1]),
                    FloatVector.broadcast(SPECIES, h[row + i + 2]), FloatVector.broadcast(SPECIES, h[row + i + 3]),
                    off[i] + m, off[i + 1] + m, off[i + 2] + m, off[i + 3] + m));
        }
        a.intoArray(acc, m);
    }

    /** ((h0·x0 + h1·x1) + h2·x2) + h3·x3, lanewise, as the plain loop evaluates it. */
    private static FloatVector group(float[] x, FloatVector h0, FloatVector h1, FloatVector h2, FloatVector h3,
            int o0, int o1, int o2, int o3) {
        return h0.mul(FloatVector.fromArray(SPECIES, x, o0))
                .add(h1.mul(FloatVector.fromArray(SPECIES, x, o1)))
                .add(h2.mul(FloatVector.fromArray(SPECIES, x, o2)))
                .add(h3.mul(FloatVector.fromArray(SPECIES, x, o3)));
    }

    /** Every operation above once, before C2 compiles any of it (see io.genrelake.dsp.VectorWarmUp). */
    static void warmUp() {
        int count = 4 * L + L + 1;
        float[] x = new float[count + 8];
        java.util.Arrays.fill(x, 1f);
        new VectorPhaseSums().sums(x, new int[] {0, 1, 2, 3}, new float[] {1f, 1f, 1f, 1f}, 0, 4, count,
                new float[count]);
    }
}
