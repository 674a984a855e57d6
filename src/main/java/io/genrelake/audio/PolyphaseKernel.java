package io.genrelake.audio;

import java.util.Arrays;

/**
 * Polyphase resampling with one precomputed row of taps per output phase, arranged so the inner
 * loop runs over outputs rather than taps: outputs k, k+up, k+2·up, ... share a phase and their
 * inputs advance by exactly {@code down} samples, so after splitting the input into its
 * {@code down} interleaved components each tap becomes one multiply-add over a run of outputs.
 *
 * <p>The run of one phase is computed by a {@link PhaseSums}: {@link SliceSums} in plain Java, or
 * {@code VectorPhaseSums} on the incubating Vector API where {@link io.genrelake.dsp.VectorApiProbe} allows it
 * (same bits: every output adds its taps four at a time in the same order).
 */
final class PolyphaseKernel implements ResampleKernel {

    /**
     * acc[m] = Σ over groups g of four taps, in order, of {@code ((h0·x0 + h1·x1) + h2·x2) + h3·x3} in float, where
     * hj = phases[row + 4g + j] and xj = components[tapOffset[4g + j] + m], for m < count.
     */
    interface PhaseSums {
        void sums(float[] components, int[] tapOffset, float[] phases, int row, int taps, int count, float[] acc);
    }

    /** Outputs per phase and block: long runs amortise the per-tap copies; blocks stay cache-sized. */
    private static final int DECIMATOR_GROUP = 1024;
    private static final int MAX_GROUP = 512;
    private static final int MIN_GROUP = 32;
    private static final int BLOCK_BUDGET = 1 << 17;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final int taps;
    private final float[] phases;
    private final int blockOutputs;
    private final float[] components; // down rows: input samples lo+s, lo+s+down, ...
    private final float[] acc;
    private final int[] tapOffset;
    private final PhaseSums sums;

    /** plainSums: {@link SliceSums} even where the Vector API is allowed. */
    PolyphaseKernel(int up, int down, int halfTaps, float[] phases, boolean plainSums) {
        this.up = up;
        this.down = down;
        this.halfTaps = halfTaps;
        this.taps = 2 * halfTaps;
        this.phases = phases;
        int group = up == 1 ? DECIMATOR_GROUP : Math.max(MIN_GROUP, Math.min(MAX_GROUP, BLOCK_BUDGET / up));
        this.blockOutputs = up * group;
        long maxSpan = (long) (blockOutputs - 1) * down / up + 1 + taps;
        long componentLength = (maxSpan + down - 1) / down;
        this.components = new float[Math.toIntExact(down * componentLength)];
        this.acc = new float[group];
        this.tapOffset = new int[taps];
        this.sums = plainSums ? new SliceSums(group) : io.genrelake.dsp.VectorApiProbe.choose(PhaseSums.class,
                "io.genrelake.audio.VectorPhaseSums", new Class<?>[0], new Object[0], () -> new SliceSums(group));
    }

    @Override
    public void compute(float[] x, long xStart, long k0, long k1, float[] out, int outOff) {
        for (long kb = k0; kb < k1; kb += blockOutputs) {
            int n = (int) Math.min(blockOutputs, k1 - kb);
            computeBlock(x, xStart, kb, n, out, outOff + (int) (kb - k0));
        }
    }

    private void computeBlock(float[] x, long xStart, long kb, int n, float[] out, int outOff) {
        long lo = Math.floorDiv(kb * down, up) - halfTaps + 1;                 // first input used
        long hi = Math.floorDiv((kb + n - 1) * down, up) + halfTaps;           // last input used
        int span = (int) (hi - lo + 1);
        int componentLength = (span + down - 1) / down;
        int xo = (int) (lo - xStart);
        for (int s = 0; s < down && s < span; s++) {
            int row = s * componentLength;
            for (int j = s, m = 0; j < span; j += down, m++) {
                components[row + m] = x[xo + j];
            }
        }

        int groups = Math.min(up, n);
        for (int c = 0; c < groups; c++) {
            long kd = (kb + c) * down;
            long base = Math.floorDiv(kd, up);
            int row = (int) (kd - base * up) * taps;
            int a0 = (int) (base - halfTaps + 1 - lo);
            int count = (n - c + up - 1) / up;
            for (int i = 0; i < taps; i++) {
                tapOffset[i] = offset(a0 + i, componentLength);
            }
            sums.sums(components, tapOffset, phases, row, taps, count, acc);
            for (int m = 0, o = outOff + c; m < count; m++, o += up) {
                out[o] = acc[m];
            }
        }
    }

    /** Where input sample lo + a sits in {@link #components}. */
    private int offset(int a, int componentLength) {
        return (a % down) * componentLength + a / down;
    }

    /**
     * {@link PhaseSums} in plain Java. HotSpot's C2 (JDK 17) only vectorises a loop whose float[] loads and stores
     * all use the same index (it cannot rule out that two float[] overlap), so each tap's slice of input is first
     * copied to a scratch array starting at 0 (System.arraycopy is itself vectorised); measured about 3 times
     * faster than the unvectorised loop with offsets.
     */
    static final class SliceSums implements PhaseSums {
        private final float[] slice0;
        private final float[] slice1;
        private final float[] slice2;
        private final float[] slice3;

        SliceSums(int group) {
            slice0 = new float[group];
            slice1 = new float[group];
            slice2 = new float[group];
            slice3 = new float[group];
        }

        @Override
        public void sums(float[] components, int[] tapOffset, float[] phases, int row, int taps, int count,
                float[] acc) {
            Arrays.fill(acc, 0, count, 0f);
            for (int i = 0; i < taps; i += 4) { // taps is a multiple of 4
                System.arraycopy(components, tapOffset[i], slice0, 0, count);
                System.arraycopy(components, tapOffset[i + 1], slice1, 0, count);
                System.arraycopy(components, tapOffset[i + 2], slice2, 0, count);
                System.arraycopy(components, tapOffset[i + 3], slice3, 0, count);
                accumulate(acc, count, phases[row + i], slice0, phases[row + i + 1], slice1,
                        phases[row + i + 2], slice2, phases[row + i + 3], slice3);
            }
        }

        /** acc[m] += four taps' contributions: the hot loop, vectorised by C2 (every array indexed by m). */
        private static void accumulate(float[] acc, int count, float h0, float[] x0, float h1, float[] x1,
                float h2, float[] x2, float h3, float[] x3) {
            for (int m = 0; m < count; m++) {
                acc[m] += h0 * x0[m] + h1 * x1[m] + h2 * x2[m] + h3 * x3[m];
            }
        }
    }

    @Override
    public int preferredInput() {
        return (int) ((long) blockOutputs * down / up);
    }
}
