package io.genrelake.audio;

/**
 * Resampling for ratios with too many phases to tabulate (e.g. 22051 to 22050: 22050 phases):
 * each output's taps are interpolated linearly from the filter sampled 512 times per input
 * sample (interpolation error below -110 dB), then scaled to unit DC gain like the tabulated
 * phases. About twice the work per output of {@link PolyphaseKernel}, and not vectorised.
 */
final class InterpolatedKernel implements ResampleKernel {

    static final int STEPS_PER_SAMPLE = 512;

    private final int up;
    private final int down;
    private final int halfTaps;
    private final int taps;
    private final float[] prototype;

    InterpolatedKernel(int up, int down, KaiserSincFilter filter) {
        this.up = up;
        this.down = down;
        this.halfTaps = filter.halfTaps;
        this.taps = filter.taps();
        this.prototype = filter.prototype(STEPS_PER_SAMPLE);
    }

    @Override
    public void compute(float[] x, long xStart, long k0, long k1, float[] out, int outOff) {
        for (long k = k0; k < k1; k++) {
            long kd = k * down;
            long base = Math.floorDiv(kd, up);
            // Tap i sits at t = frac + halfTaps - 1 - i, i.e. prototype index (t + halfTaps) * STEPS.
            double position = (double) (kd - base * up) * STEPS_PER_SAMPLE / up;
            int whole = (int) position;
            double weight = position - whole;
            int xo = (int) (base - halfTaps + 1 - xStart);
            double sum = 0;
            double gain = 0;
            for (int i = 0, u = whole + (taps - 1) * STEPS_PER_SAMPLE; i < taps; i++, u -= STEPS_PER_SAMPLE) {
                double h = prototype[u] + weight * (prototype[u + 1] - prototype[u]);
                sum += h * x[xo + i];
                gain += h;
            }
            out[outOff + (int) (k - k0)] = (float) (sum / gain);
        }
    }
}
