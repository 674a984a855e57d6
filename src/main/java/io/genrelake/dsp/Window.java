package io.genrelake.dsp;

/** Analysis windows. */
public final class Window {

    private Window() {}

    /**
     * Periodic Hann window of length n: {@code 0.5 - 0.5 cos(2πk/n)}, as
     * {@code scipy.signal.get_window('hann', n, fftbins=True)} (the DFT-even form librosa uses).
     */
    public static double[] hann(int n) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * k / n);
        }
        return w;
    }
}
