package io.genrelake.dsp;

/**
 * A real FFT of size n applied to {@link #lanes()} frames at once, in lane layout: sample j of frame l at
 * {@code x[j · lanes + l]}, bin k of frame l at {@code re[k · lanes + l]}, {@code im[k · lanes + l]} (k = 0..n/2),
 * numpy.fft's conventions ({@code rfft}, {@code irfft}). Every implementation gives, for each frame, exactly the
 * bits {@link RealFft} gives for that frame alone.
 *
 * <p>{@link #of} picks {@code LaneRealFft} (the incubating Vector API: one vector lane per frame, so every
 * butterfly is full-width SIMD) when the JVM has {@code jdk.incubator.vector} (see {@link SortedWindowLanes#of}),
 * and {@link RealFft} itself, one frame (lanes = 1, plain layout), otherwise. Not thread-safe.
 */
public interface FrameFft {

    /** Frames per call. */
    int lanes();

    /** Forward transforms of {@link #lanes()} frames: x of n·lanes samples, re and im of (n/2 + 1)·lanes values. */
    void forward(double[] x, double[] re, double[] im);

    /** Inverse transforms of {@link #lanes()} spectra (imaginary parts of bins 0 and n/2 ignored). */
    void inverse(double[] re, double[] im, double[] x);

    /** The fastest implementation for size n that this JVM has. */
    static FrameFft of(int n) {
        // LaneRealFft refuses sizes without a radix-8 first pass; RealFft takes them
        return VectorApiProbe.choose(FrameFft.class, "LaneRealFft", new Class<?>[] {int.class}, new Object[] {n},
                () -> new RealFft(n));
    }
}
