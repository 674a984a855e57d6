package io.genrelake.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The confidence threshold for a target precision: the smallest threshold t whose predictions with
 * confidence ≥ t are right at least {@code target} of the time, and the accuracy–coverage curve it is
 * read from. Below t a prediction is {@code uncertain}.
 */
public final class PrecisionThreshold {

    /**
     * The threshold chosen, with what it gave on the predictions it was chosen on.
     *
     * @param threshold predictions with confidence ≥ this are kept; above 1 when no threshold reaches the target
     * @param precision accuracy of the kept predictions (NaN when none is kept)
     * @param coverage  share of predictions kept
     */
    public record Choice(double threshold, double precision, double coverage) {}

    /**
     * One point of the accuracy–coverage curve: keeping the predictions with confidence ≥ {@code threshold}
     * keeps {@code coverage} of them, with accuracy {@code accuracy}.
     */
    public record Point(double threshold, double coverage, double accuracy) {}

    /** The threshold used when no threshold reaches the target: no confidence reaches it, all are uncertain. */
    static final double NONE = Math.nextUp(1.0);

    private PrecisionThreshold() {}

    /** The curve at every distinct confidence, highest threshold (lowest coverage) first. */
    public static List<Point> curve(double[][] probabilities, int[] labels) {
        int n = labels.length;
        Integer[] order = new Integer[n];
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            int top = TrackPredictions.argmax(probabilities[i]);
            confidence[i] = probabilities[i][top];
            correct[i] = top == labels[i];
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> confidence[i]).reversed());
        List<Point> points = new ArrayList<>();
        int kept = 0;
        int right = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            kept++;
            right += correct[i] ? 1 : 0;
            // A threshold keeps all predictions of equal confidence or none: a point per distinct value.
            if (k == n - 1 || confidence[order[k + 1]] < confidence[i]) {
                points.add(new Point(confidence[i], (double) kept / n, (double) right / kept));
            }
        }
        return points;
    }

    /** The smallest threshold whose kept predictions reach {@code target} precision. */
    public static Choice choose(double[][] probabilities, int[] labels, double target) {
        Choice best = new Choice(NONE, Double.NaN, 0);
        for (Point p : curve(probabilities, labels)) {
            if (p.accuracy() >= target) {
                best = new Choice(p.threshold(), p.accuracy(), p.coverage()); // later points: lower thresholds
            }
        }
        return best;
    }

    /** Precision and coverage of a fixed threshold on other predictions (the held-out test split). */
    public static Choice at(double threshold, double[][] probabilities, int[] labels) {
        int kept = 0;
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            int top = TrackPredictions.argmax(probabilities[i]);
            if (probabilities[i][top] >= threshold) {
                kept++;
                right += top == labels[i] ? 1 : 0;
            }
        }
        return new Choice(threshold, kept == 0 ? Double.NaN : (double) right / kept,
                labels.length == 0 ? 0 : (double) kept / labels.length);
    }
}
