package io.genrelake.ml;

import java.util.Random;

/**
 * Predictions whose calibration is known: each unit's "true" probabilities are softmax(z) of random logits
 * and its label is drawn from them, so they are calibrated by construction; softmax(sharpness · z) is the
 * same model made over-confident (sharpness > 1) or under-confident (< 1). Folds are dealt round robin.
 */
public final class SyntheticProbabilities {

    private SyntheticProbabilities() {}

    /** {@code n} units of {@code classes} classes in {@code folds} folds, probabilities sharpened by {@code sharpness}. */
    public static TrackPredictions of(int n, int classes, int folds, double sharpness, long seed) {
        Random random = new Random(seed);
        double[][] p = new double[n][];
        int[] labels = new int[n];
        int[] fold = new int[n];
        String[] units = new String[n];
        for (int i = 0; i < n; i++) {
            units[i] = "unit-" + i;
            double[] z = new double[classes];
            int favourite = random.nextInt(classes);
            for (int k = 0; k < classes; k++) {
                z[k] = random.nextGaussian() + (k == favourite ? 4.0 * random.nextDouble() + 0.5 : 0);
            }
            double[] truth = softmax(z, 1);
            labels[i] = draw(truth, random);
            p[i] = softmax(z, sharpness);
            fold[i] = i % folds;
        }
        return new TrackPredictions(units, p, labels, fold);
    }

    static double[] softmax(double[] z, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, scale * v);
        }
        double[] out = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            out[k] = Math.exp(scale * z[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < z.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private static int draw(double[] p, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int k = 0; k < p.length; k++) {
            cumulative += p[k];
            if (u < cumulative) {
                return k;
            }
        }
        return p.length - 1;
    }
}
