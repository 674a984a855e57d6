package io.genrelake.audio.ffmpeg;

/** Measurements on decoded test signals. */
final class Signals {

    private Signals() {}

    static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Sign changes in x[from, to): a sine of f Hz has 2·f per second. */
    static int zeroCrossings(float[] x, int from, int to) {
        int count = 0;
        for (int i = from + 1; i < to; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                count++;
            }
        }
        return count;
    }

    /** The frequency in [lo, hi] Hz (1-Hz steps) where a DFT of x[from, to) peaks. */
    static int peakFrequency(float[] x, int from, int to, int rate, int lo, int hi) {
        int best = lo;
        double bestPower = -1;
        for (int f = lo; f <= hi; f++) {
            double w = 2 * Math.PI * f / rate;
            double re = 0;
            double im = 0;
            for (int i = from; i < to; i++) {
                re += x[i] * Math.cos(w * (i - from));
                im += x[i] * Math.sin(w * (i - from));
            }
            double power = re * re + im * im;
            if (power > bestPower) {
                bestPower = power;
                best = f;
            }
        }
        return best;
    }
}
