package io.genrelake.audio;

/** Test signals and the measurements the resampler tests make on them. */
final class Signals {

    private Signals() {}

    /** amplitude · sin(2π f n / rate), computed in double, stored as float32. */
    static float[] sine(double freq, int rate, int n, double amplitude) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * freq * i / rate));
        }
        return x;
    }

    static double rms(float[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) y[i] * y[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /**
     * Amplitude of the component at exactly {@code freq} in y[from..to), by a Kaiser-windowed
     * (β = 20, sidelobes below -150 dB) single-frequency DFT, so a strong tone elsewhere does not
     * leak into the estimate.
     */
    static double amplitudeAt(float[] y, double freq, int rate, int from, int to) {
        double[] w = kaiserWindow(to - from);
        double re = 0;
        double im = 0;
        double windowSum = 0;
        for (int i = 0; i < w.length; i++) {
            double phase = 2 * Math.PI * freq * (from + i) / rate;
            re += w[i] * y[from + i] * Math.cos(phase);
            im += w[i] * y[from + i] * Math.sin(phase);
            windowSum += w[i];
        }
        return 2 * Math.hypot(re, im) / windowSum;
    }

    private static double[] lastWindow = new double[0];

    /** Kaiser window, β = 20, of length n; the last one is kept since tests measure many equal lengths. */
    private static synchronized double[] kaiserWindow(int n) {
        if (lastWindow.length != n) {
            double i0Beta = KaiserSincFilter.besselI0(20);
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double x = 2.0 * i / (n - 1) - 1;
                w[i] = KaiserSincFilter.besselI0(20 * Math.sqrt(Math.max(0, 1 - x * x))) / i0Beta;
            }
            lastWindow = w;
        }
        return lastWindow;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** Largest |y[k] - amplitude · sin(2π f k / rate)| over k in [from, to). */
    static double maxErrorFromSine(float[] y, double freq, int rate, double amplitude, int from, int to) {
        double worst = 0;
        for (int k = from; k < to; k++) {
            worst = Math.max(worst, Math.abs(y[k] - amplitude * Math.sin(2 * Math.PI * freq * k / rate)));
        }
        return worst;
    }
}
