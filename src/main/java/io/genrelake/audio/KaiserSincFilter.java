package io.genrelake.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The anti-aliasing/anti-imaging low-pass of {@link Resampler}: an ideal low-pass (sinc) times a
 * Kaiser window, as a continuous function of time in input samples.
 *
 * <p>Design targets, relative to the lower of the two Nyquist frequencies: passband to 0.90,
 * stopband from 1.00 (so nothing above the lower Nyquist aliases, as with soxr "HQ", librosa's
 * default resampler), cutoff in the middle of that transition band. Kaiser's
 * formulas (Oppenheim &amp; Schafer 7.2) give the window's β and length for
 * {@link #DESIGN_ATTENUATION_DB}; a windowed sinc has equal ripple δ in both bands, so the
 * passband ripple is 20·log10(1 + δ), far under 0.01 dB.
 */
final class KaiserSincFilter {

    static final double PASSBAND_EDGE = 0.90;
    static final double STOPBAND_EDGE = 1.00;
    static final double DESIGN_ATTENUATION_DB = 100;

    /** Phase tables are shared between resamplers of the same ratio (a file's worth of work per table). */
    private static final Map<Long, float[]> PHASE_TABLES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_TABLES = 64;

    /** Cutoff (-6 dB point) in cycles per input sample. */
    final double cutoff;
    /** Half the kernel's support, in input samples: h(t) = 0 for |t| >= halfWidth. */
    final double halfWidth;
    /** Input samples used on each side of an output: ceil(halfWidth), rounded up to even (taps in groups of 4). */
    final int halfTaps;
    final double beta;
    private final double i0Beta;

    KaiserSincFilter(int up, int down) {
        double lowerNyquist = 0.5 * Math.min(1.0, (double) up / down); // cycles per input sample
        double transition = (STOPBAND_EDGE - PASSBAND_EDGE) * lowerNyquist;
        double a = DESIGN_ATTENUATION_DB;
        this.cutoff = 0.5 * (PASSBAND_EDGE + STOPBAND_EDGE) * lowerNyquist;
        this.beta = a > 50 ? 0.1102 * (a - 8.7) : 0.5842 * Math.pow(a - 21, 0.4) + 0.07886 * (a - 21);
        this.halfWidth = (a - 7.95) / (14.36 * transition) / 2; // Kaiser's length estimate, halved
        int half = (int) Math.ceil(halfWidth);
        this.halfTaps = half + (half & 1);
        this.i0Beta = besselI0(beta);
    }

    int taps() {
        return 2 * halfTaps;
    }

    /** The impulse response at t input samples from the output instant; unit area. */
    double at(double t) {
        double x = t / halfWidth;
        if (x <= -1 || x >= 1) {
            return 0;
        }
        double window = besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
        double arg = 2 * Math.PI * cutoff * t;
        double sinc = arg == 0 ? 1 : Math.sin(arg) / arg;
        return 2 * cutoff * sinc * window;
    }

    /**
     * The coefficients for every output phase: row p (p = 0..up-1) holds the taps for an output at
     * fractional input position p/up, tap i weighting input sample base - halfTaps + 1 + i. Each row
     * is scaled to sum to exactly 1 so every phase passes DC unchanged. Cached per (up, down).
     */
    static float[] phaseTable(int up, int down) {
        long key = (long) up << 32 | down;
        float[] table = PHASE_TABLES.get(key);
        if (table == null) {
            table = new KaiserSincFilter(up, down).buildPhaseTable(up);
            if (PHASE_TABLES.size() < MAX_CACHED_TABLES) {
                PHASE_TABLES.putIfAbsent(key, table);
            }
        }
        return table;
    }

    private float[] buildPhaseTable(int up) {
        int taps = taps();
        float[] table = new float[up * taps];
        double[] row = new double[taps];
        for (int p = 0; p < up; p++) {
            double frac = (double) p / up;
            double sum = 0;
            for (int i = 0; i < taps; i++) {
                row[i] = at(frac + halfTaps - 1 - i);
                sum += row[i];
            }
            for (int i = 0; i < taps; i++) {
                table[p * taps + i] = (float) (row[i] / sum);
            }
        }
        return table;
    }

    /** h sampled every 1/stepsPerSample input samples from t = -halfTaps to +halfTaps (one guard entry). */
    float[] prototype(int stepsPerSample) {
        int length = taps() * stepsPerSample + 2;
        float[] table = new float[length];
        for (int u = 0; u < length; u++) {
            table[u] = (float) at((double) u / stepsPerSample - halfTaps);
        }
        return table;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double halfX = x / 2;
        for (int k = 1; k < 500; k++) {
            term *= (halfX / k) * (halfX / k);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
        }
        return sum;
    }
}
