package io.genrelake.ml;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How large an ECE perfectly calibrated predictions would show at the same confidences, so that a measured
 * ECE can be read against its own sampling noise: consistency resampling (Bröcker & Smith, "Increasing the
 * reliability of reliability diagrams", Weather and Forecasting 22, 2007). Each draw keeps every prediction's
 * probabilities and makes its top label right with probability equal to its confidence, which is what
 * "calibrated" means; the draws' ECEs are the estimator's distribution under calibration. On a few hundred
 * tracks it is far from zero: 15-bin ECE is biased upwards, so a model can be calibrated and still read 0.05.
 *
 * <p>Our own code: it is a few lines over {@link Reliability}'s bins, and no library on the class path
 * computes it.
 */
public final class CalibrationConsistency {

    /** Label draws per estimate; 1,000 puts the 95th percentile within about ±0.002 of its value. */
    public static final int DRAWS = 1000;

    /** Share of draws the consistency range leaves out, half on each side (the 5th–95th percentile). */
    public static final double OUTSIDE = 0.10;

    /** The draws are seeded so that a model card, written twice from the same predictions, is the same. */
    static final long SEED = 17L;

    /**
     * What calibrated predictions at these confidences would show.
     *
     * @param draws          label draws
     * @param measuredEce    the ECE of the predictions with their real labels
     * @param meanEce        mean ECE of the draws: the ECE a calibrated model is expected to show here
     * @param highEce        the draws' ECE at the upper end of the consistency range (95th percentile)
     * @param pValue         share of draws whose ECE is at least the measured one; small means the measured
     *                       ECE is more than sampling noise
     * @param binLow         per reliability bin, the accuracy at the lower end of the range (NaN for an empty bin)
     * @param binHigh        the same at the upper end
     */
    public record Result(int draws, double measuredEce, double meanEce, double highEce, double pValue,
            double[] binLow, double[] binHigh) {

        /** Whether the measured ECE lies within the range calibrated predictions would show. */
        public boolean consistent() {
            return measuredEce <= highEce;
        }

        /** One phrase for the console and the report: the noise level and the verdict. */
        public String describe() {
            return String.format(Locale.ROOT, "calibrated predictions at these confidences would read "
                    + "%.4f on average, up to %.4f (%.0fth percentile of %d draws): %s (p = %.3f)", meanEce, highEce,
                    100 * (1 - OUTSIDE / 2), draws, consistent() ? "consistent with calibration"
                            : "more than sampling noise", pValue);
        }
    }

    private CalibrationConsistency() {}

    /** Consistency of the predictions' ECE with their real labels, over {@link #DRAWS} seeded draws. */
    public static Result of(double[][] probabilities, int[] labels) {
        return of(probabilities, labels, DRAWS, SEED);
    }

    static Result of(double[][] probabilities, int[] labels, int draws, long seed) {
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no predictions to test calibration on");
        }
        // Bins and confidences do not change between draws; only which top labels are right does.
        double[] confidence = new double[n];
        int[] bin = new int[n];
        int[] count = new int[Reliability.BINS];
        double[] confidenceSum = new double[Reliability.BINS];
        for (int i = 0; i < n; i++) {
            confidence[i] = probabilities[i][TrackPredictions.argmax(probabilities[i])];
            bin[i] = Reliability.bin(confidence[i]);
            count[bin[i]]++;
            confidenceSum[bin[i]] += confidence[i];
        }
        double measured = Reliability.ece(probabilities, labels);
        double[] eces = new double[draws];
        double[][] binAccuracy = new double[Reliability.BINS][draws];
        int[] right = new int[Reliability.BINS];
        SplittableRandom random = new SplittableRandom(seed);
        int atLeast = 0;
        for (int d = 0; d < draws; d++) {
            Arrays.fill(right, 0);
            for (int i = 0; i < n; i++) {
                if (random.nextDouble() < confidence[i]) {
                    right[bin[i]]++;
                }
            }
            double ece = 0;
            for (int b = 0; b < Reliability.BINS; b++) {
                if (count[b] > 0) {
                    binAccuracy[b][d] = (double) right[b] / count[b];
                    // Σ n_b/N · |acc_b − conf_b| with the bin's sums, as Reliability.ece.
                    ece += Math.abs(right[b] - confidenceSum[b]) / n;
                }
            }
            eces[d] = ece;
            // A tie counts as at least: with few predictions the ECE takes few values.
            atLeast += ece >= measured - 1e-12 ? 1 : 0;
        }
        double[] low = new double[Reliability.BINS];
        double[] high = new double[Reliability.BINS];
        for (int b = 0; b < Reliability.BINS; b++) {
            if (count[b] == 0) {
                low[b] = Double.NaN;
                high[b] = Double.NaN;
            } else {
                Arrays.sort(binAccuracy[b]);
                low[b] = quantile(binAccuracy[b], OUTSIDE / 2);
                high[b] = quantile(binAccuracy[b], 1 - OUTSIDE / 2);
            }
        }
        double mean = Arrays.stream(eces).average().orElse(Double.NaN);
        Arrays.sort(eces);
        return new Result(draws, measured, mean, quantile(eces, 1 - OUTSIDE / 2), (double) atLeast / draws, low,
                high);
    }

    /** The q-quantile of sorted values, interpolated linearly between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
