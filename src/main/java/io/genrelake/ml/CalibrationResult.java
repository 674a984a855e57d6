package io.genrelake.ml;

import java.util.List;
import java.util.Map;

/**
 * What calibrating the chosen model found. The "cross-fitted" figures are each fold's out-of-fold
 * predictions calibrated by a map fitted on the other folds' (never on themselves); the saved map is
 * fitted on all of them.
 *
 * @param calibration      the map saved with the model, fitted on every out-of-fold prediction
 * @param eceByMethod      cross-fitted ECE of each method tried (and {@code none}'s, the raw ECE, when it is
 *                         lower than theirs); the lowest chose {@code calibration}'s method
 * @param eceBefore        ECE of the raw out-of-fold predictions ({@value Reliability#BINS} equal-width bins)
 * @param eceAfter         cross-fitted ECE of the chosen method
 * @param targetPrecision  the precision asked for (--target-precision)
 * @param choice           the threshold, chosen on the cross-fitted calibrated predictions, with the
 *                         precision and coverage it had there
 * @param binsBefore       reliability bins of the raw out-of-fold predictions
 * @param binsAfter        reliability bins of the cross-fitted calibrated ones
 * @param curve            accuracy–coverage curve of the cross-fitted calibrated predictions
 * @param units            out-of-fold predictions calibrated on
 * @param consistency      {@code eceAfter} read against the ECE calibrated predictions at the same confidences
 *                         would show ({@link CalibrationConsistency})
 * @param test             the refit model's held-out predictions, raw and calibrated by the saved map at the
 *                         threshold; null without a test set
 */
public record CalibrationResult(ProbabilityCalibration calibration, Map<String, Double> eceByMethod,
        double eceBefore, double eceAfter, double targetPrecision, PrecisionThreshold.Choice choice,
        Reliability.Bin[] binsBefore, Reliability.Bin[] binsAfter, List<PrecisionThreshold.Point> curve, int units,
        CalibrationConsistency.Result consistency, HeldOut test) {

    /**
     * The saved calibration on the held-out test split.
     *
     * @param units     test units
     * @param eceBefore ECE of the refit model's raw probabilities
     * @param eceAfter  ECE after the saved map
     * @param atThreshold precision and coverage of the calibrated predictions at the chosen threshold
     * @param consistency {@code eceAfter} against what calibrated predictions would show on these units
     */
    public record HeldOut(int units, double eceBefore, double eceAfter, PrecisionThreshold.Choice atThreshold,
            CalibrationConsistency.Result consistency) {

        /**
         * The saved map on labelled predictions it was not fitted on.
         *
         * @param threshold the {@code uncertain} threshold; null for none ({@code atThreshold} is then null)
         */
        public static HeldOut of(ProbabilityCalibration map, TrackPredictions predictions, Double threshold) {
            double[][] calibrated = CalibrationSelection.applyAll(map, predictions.probabilities());
            return new HeldOut(predictions.size(), Reliability.ece(predictions.probabilities(), predictions.labels()),
                    Reliability.ece(calibrated, predictions.labels()),
                    threshold == null ? null : PrecisionThreshold.at(threshold, calibrated, predictions.labels()),
                    CalibrationConsistency.of(calibrated, predictions.labels()));
        }
    }
}
