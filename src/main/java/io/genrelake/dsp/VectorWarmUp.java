package io.genrelake.dsp;

/**
 * Runs every Vector API kernel of this package once on small inputs, before any of them does real work (called
 * by {@link VectorApiProbe} when it allows the Vector API, so a JVM without the module never loads this class).
 *
 * <p>Why: on JDK 17 each element type keeps a lazily filled cache of its lanewise operations
 * ({@code VectorOperators.ImplCache.find}). The first use of an operation fills its entry by an interface call;
 * when that first use happens in C2-compiled code (the soft mask's {@code div} once HPSS starts, say), the call
 * takes a class-check trap, recorded in {@code find}'s profile. C2 inlines {@code find} into every lanewise
 * operation and sums its traps per compilation, so a few of them reach the per-method trap limit in every
 * method with a hundred operations: C2 then keeps a virtual call behind each type guard, the species of a
 * stored vector is no longer a constant, and the stores of LaneRealFft fall back to boxed scalar code (a clip
 * took ~70 ms instead of ~61 in about half the JVMs; docs/benchmarks.md). Filling every entry here, while the
 * kernels still run interpreted, leaves nothing to trap on. The results are discarded; same bits either way.
 */
final class VectorWarmUp {

    private VectorWarmUp() {}

    /** Each kernel's operations once: the smallest real shapes, zeros and ones as data. */
    static void run() {
        LaneRealFft fft = new LaneRealFft(128);
        int lanes = fft.lanes();
        double[] x = new double[128 * lanes];
        double[] re = new double[65 * lanes];
        double[] im = new double[65 * lanes];
        java.util.Arrays.fill(x, 1.0);
        fft.forward(x, re, im);
        fft.inverse(re, im, x);

        int bins = 2 * LaneRealFft.LANES + 1; // whole vectors and a scalar tail
        float[] ones = new float[bins];
        java.util.Arrays.fill(ones, 1f);
        new VectorChromaSums(new float[12 * bins], 12, bins).sums(ones, new float[12]);

        int[] bits = new int[bins];
        float[] out = new float[bins];
        new VectorHarmonicMask().apply(bits, ones, ones, ones, out, new float[bins], bins);

        new VectorModulus().apply(ones, ones, out, new float[bins], bins);

        float[][] rows = new float[lanes][bins];
        new VectorMelSums(new int[] {0, 1}, new float[][] {{1f, 1f, 1f}, {}}, bins).apply(rows, 1, new float[1][2]);

        new VectorOverlapAdd(lanes).add(new double[Stft.N_FFT * lanes], new double[Stft.N_FFT],
                new float[Stft.HOP * Istft.SLOTS], 0);

        int stride = 3 * LaneRealFft.LANES;
        new VectorDctSums().sums(new double[2 * stride], stride, stride, new double[2], 2, new double[stride]);

        SortedWindowLanes windows = new VectorWindowLanes(bins, 3);
        windows.insert(bits);
        windows.slide(bits, bits);
    }
}
