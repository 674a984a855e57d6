package io.genrelake.dsp;

/** Frequency conversions librosa's filter banks use (librosa.core.convert). */
public final class FrequencyScale {

    private FrequencyScale() {}

    /** {@code librosa.fft_frequencies}: bin k of an n_fft DFT at rate sr, k = 0..n_fft/2. */
    public static double[] fftFrequencies(int sr, int nFft) {
        int bins = 1 + nFft / 2;
        double[] f = new double[bins];
        // np.linspace(0, sr/2, bins): start + k * step, step = (sr/2) / (bins - 1)
        double step = (sr / 2.0) / (bins - 1);
        for (int k = 0; k < bins; k++) {
            f[k] = k * step;
        }
        f[bins - 1] = sr / 2.0;
        return f;
    }

    // Slaney's auditory-toolbox mel scale (librosa hz_to_mel, htk=False): linear below 1 kHz, log above.
    private static final double F_SP = 200.0 / 3;
    private static final double MIN_LOG_HZ = 1000.0;
    private static final double MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
    private static final double LOGSTEP = Math.log(6.4) / 27.0;

    /** {@code librosa.hz_to_mel(f, htk=False)}. */
    public static double hzToMel(double hz) {
        if (hz >= MIN_LOG_HZ) {
            return MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOGSTEP;
        }
        return hz / F_SP;
    }

    /** {@code librosa.mel_to_hz(m, htk=False)}. */
    public static double melToHz(double mel) {
        if (mel >= MIN_LOG_MEL) {
            return MIN_LOG_HZ * Math.exp(LOGSTEP * (mel - MIN_LOG_MEL));
        }
        return F_SP * mel;
    }

    /** {@code librosa.mel_frequencies(n, fmin, fmax, htk=False)}: n points equally spaced in mel. */
    public static double[] melFrequencies(int n, double fmin, double fmax) {
        double lo = hzToMel(fmin);
        double hi = hzToMel(fmax);
        double[] hz = new double[n];
        double step = (hi - lo) / (n - 1);
        for (int i = 0; i < n; i++) {
            double mel = i == n - 1 ? hi : lo + i * step;
            hz[i] = melToHz(mel);
        }
        return hz;
    }

    /** {@code librosa.hz_to_octs(f, tuning, bins_per_octave)}: octaves above A0 (A440/16) for a tuning offset. */
    public static double hzToOcts(double hz, double tuning, int binsPerOctave) {
        double a440 = 440.0 * Math.pow(2.0, tuning / binsPerOctave);
        return log2(hz / (a440 / 16));
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2.0);
    }
}
