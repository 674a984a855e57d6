package io.genrelake.ml;

/**
 * Temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the factor T for
 * which softmax(T · scores) best predicts held-out labels, by their negative log-likelihood. The NLL is
 * convex in T, so a golden-section search over log T finds its minimum. An SVM's margins sit near ±1 for
 * every class, so their plain softmax is nearly flat; scaled, they are probabilities an ensemble can average.
 */
public final class SoftmaxTemperature {

    /** The search range of T: e^−5 … e^7. */
    private static final double LOG_MIN = -5;
    private static final double LOG_MAX = 7;
    private static final int STEPS = 60; // the bracket shrinks by 0.618 per step: far below 1e-6 in log T

    private SoftmaxTemperature() {}

    /** The T in [e^−5, e^7] minimising the mean NLL of labels under softmax(T · scores[i]); 1 with no rows. */
    public static double fit(double[][] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException(scores.length + " score rows for " + labels.length + " labels");
        }
        if (scores.length == 0) {
            return 1;
        }
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = LOG_MIN;
        double b = LOG_MAX;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        double fc = nll(scores, labels, Math.exp(c));
        double fd = nll(scores, labels, Math.exp(d));
        for (int i = 0; i < STEPS; i++) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = nll(scores, labels, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = nll(scores, labels, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    /** Mean negative log-likelihood of the labels under softmax(t · scores). */
    static double nll(double[][] scores, int[] labels, double t) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            double[] s = scores[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : s) {
                max = Math.max(max, t * v);
            }
            double sum = 0;
            for (double v : s) {
                sum += Math.exp(t * v - max);
            }
            total += max + Math.log(sum) - t * s[labels[i]];
        }
        return total / scores.length;
    }
}
