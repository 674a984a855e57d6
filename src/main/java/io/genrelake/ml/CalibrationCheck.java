package io.genrelake.ml;

import java.util.Locale;

/**
 * A saved model's calibration and {@code uncertain} threshold on a labelled table it is evaluated on: does the
 * confidence it writes hold on this music? The ECE of the probabilities before and after the saved map, read
 * against what calibrated predictions would read there ({@link CalibrationConsistency}), and the precision and
 * coverage of the tracks classify would write {@code ok} (confidence at or above the card's threshold) beside
 * what the card expected from the out-of-fold predictions.
 *
 * @param method             the saved map ({@link ProbabilityCalibration#describe()})
 * @param units              tracks scored
 * @param eceBefore          ECE of the model's (aggregated, smoothed) probabilities
 * @param eceAfter           ECE after the saved map
 * @param consistency        {@code eceAfter} against its sampling noise on these tracks
 * @param atThreshold        precision and coverage at the card's threshold; null when the card has none
 * @param expectedPrecision  the card's out-of-fold precision at that threshold; null when it has none
 * @param expectedCoverage   the card's out-of-fold coverage there; null when it has none
 */
public record CalibrationCheck(String method, int units, double eceBefore, double eceAfter,
        CalibrationConsistency.Result consistency, PrecisionThreshold.Choice atThreshold, Double expectedPrecision,
        Double expectedCoverage) {

    /**
     * @param tracks    per-track probabilities as classify computes them before calibration, with true labels
     * @param map       the model's saved calibration
     * @param threshold the card's {@code uncertain} threshold, or null
     * @param expectedPrecision the card's expected precision, or null
     * @param expectedCoverage  the card's coverage, or null
     */
    public static CalibrationCheck of(TrackPredictions tracks, ProbabilityCalibration map, Double threshold,
            Double expectedPrecision, Double expectedCoverage) {
        CalibrationResult.HeldOut onTable = CalibrationResult.HeldOut.of(map, tracks, threshold);
        return new CalibrationCheck(map.describe(), onTable.units(), onTable.eceBefore(), onTable.eceAfter(),
                onTable.consistency(), onTable.atThreshold(), expectedPrecision, expectedCoverage);
    }

    /** Two lines for evaluate's console report. */
    public String toText() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "calibration (%s): ECE (%d bins) "
                + "%.4f → %.4f on these %d tracks; %s%n", method, Reliability.BINS, eceBefore, eceAfter, units,
                consistency.describe()));
        if (atThreshold != null) {
            sb.append(String.format(Locale.ROOT, "status ok (confidence ≥ %.4f): precision %s at coverage "
                    + "%.4f; the model card expected %s at %s out of fold%n", atThreshold.threshold(),
                    Double.isNaN(atThreshold.precision()) ? "- (no track)" : String.format(Locale.ROOT,
                            "%.4f", atThreshold.precision()), atThreshold.coverage(), figure(expectedPrecision),
                    figure(expectedCoverage)));
        }
        return sb.toString();
    }

    private static String figure(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
