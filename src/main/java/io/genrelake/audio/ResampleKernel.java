package io.genrelake.audio;

/** The arithmetic of {@link Resampler}: computes a run of outputs from buffered input. */
interface ResampleKernel {

    /**
     * Writes outputs k0..k1-1 to out[outOff..]. Output k sits at input time k·down/up; it uses the
     * input samples base-halfTaps+1 .. base+halfTaps with base = floor(k·down/up), all of which
     * the caller guarantees are in x, where x[i] holds input sample xStart + i. Each output's
     * arithmetic is independent of how [k0, k1) is split into calls.
     */
    void compute(float[] x, long xStart, long k0, long k1, float[] out, int outOff);

    /** Input samples per call that let the kernel work in whole blocks. */
    default int preferredInput() {
        return 1 << 15;
    }
}
