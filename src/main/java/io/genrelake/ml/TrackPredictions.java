package io.genrelake.ml;

import java.util.List;

/**
 * Per-unit (track; segment under the leaky protocol) predictions collected on the driver: each unit's id, its
 * aggregated class probabilities, its true class and the fold whose model predicted it. Cross-validation
 * gives every training unit one such prediction by a model that did not see it (out of fold); the
 * calibration is fitted and judged on them.
 *
 * @param units         each unit's id ({@link SplitPlan#UNIT})
 * @param probabilities one vector per unit, in class-index order
 * @param labels        the true class index of each unit
 * @param folds         the validation fold of each unit, or {@link #HELD_OUT} for the test split
 */
public record TrackPredictions(String[] units, double[][] probabilities, int[] labels, int[] folds) {

    /** The fold of a unit predicted by the refit model on the held-out test split. */
    public static final int HELD_OUT = -1;

    public TrackPredictions {
        if (units.length != labels.length || probabilities.length != labels.length || labels.length != folds.length) {
            throw new IllegalArgumentException(units.length + " units, " + probabilities.length
                    + " probability vectors, " + labels.length + " labels, " + folds.length + " folds");
        }
    }

    public int size() {
        return labels.length;
    }

    /** The index of the largest probability, the first on ties (as MLlib's arg-max and the prediction column). */
    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The units' confusion matrix of {@code numClasses}, predicted class = arg-max. */
    public ConfusionMatrix confusion(int numClasses) {
        ConfusionMatrix matrix = new ConfusionMatrix(numClasses);
        for (int i = 0; i < labels.length; i++) {
            matrix.add(labels[i], argmax(probabilities[i]));
        }
        return matrix;
    }

    /** The units of several parts, in order. */
    public static TrackPredictions concat(List<TrackPredictions> parts) {
        int n = parts.stream().mapToInt(TrackPredictions::size).sum();
        String[] u = new String[n];
        double[][] p = new double[n][];
        int[] l = new int[n];
        int[] f = new int[n];
        int at = 0;
        for (TrackPredictions part : parts) {
            System.arraycopy(part.units, 0, u, at, part.size());
            System.arraycopy(part.probabilities, 0, p, at, part.size());
            System.arraycopy(part.labels, 0, l, at, part.size());
            System.arraycopy(part.folds, 0, f, at, part.size());
            at += part.size();
        }
        return new TrackPredictions(u, p, l, f);
    }

    /** The units whose fold is (or, with {@code keep} false, is not) {@code fold}. */
    public TrackPredictions fold(int fold, boolean keep) {
        int n = 0;
        for (int f : folds) {
            n += (f == fold) == keep ? 1 : 0;
        }
        String[] u = new String[n];
        double[][] p = new double[n][];
        int[] l = new int[n];
        int[] f = new int[n];
        int at = 0;
        for (int i = 0; i < folds.length; i++) {
            if ((folds[i] == fold) == keep) {
                u[at] = units[i];
                p[at] = probabilities[i];
                l[at] = labels[i];
                f[at++] = folds[i];
            }
        }
        return new TrackPredictions(u, p, l, f);
    }
}
