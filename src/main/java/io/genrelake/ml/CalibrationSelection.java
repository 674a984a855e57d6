package io.genrelake.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrates the chosen model on its out-of-fold predictions: each method ({@link ProbabilityCalibration#METHODS})
 * is cross-fitted (fold f's predictions calibrated by a map fitted on the other folds') and scored by ECE;
 * the lower wins and is refitted on every out-of-fold prediction to be saved — unless the raw predictions'
 * ECE is lower still, when the identity ({@code none}) is kept: a map that makes calibration worse on data it
 * was not fitted on is not worth applying. The threshold for the target
 * precision is chosen on the winner's cross-fitted predictions, so no figure is fitted on itself. The kept
 * predictions' ECE is then read against the ECE calibrated predictions would show at the same confidences
 * ({@link CalibrationConsistency}).
 */
public final class CalibrationSelection {

    /** The precision {@code train --target-precision} asks for unless told otherwise. */
    public static final double DEFAULT_TARGET_PRECISION = 0.9;

    private CalibrationSelection() {}

    /**
     * @param outOfFold the chosen model's out-of-fold predictions (fold numbers ≥ 0)
     * @param heldOut   its refit's predictions of the test split, or null without one
     * @param target    the precision the threshold must reach, in (0, 1]
     */
    public static CalibrationResult run(TrackPredictions outOfFold, TrackPredictions heldOut, double target) {
        if (outOfFold.size() == 0) {
            throw new IllegalArgumentException("no out-of-fold predictions to calibrate on");
        }
        Map<String, Double> eceByMethod = new LinkedHashMap<>();
        String bestMethod = null;
        double[][] bestCrossFitted = null;
        for (String method : ProbabilityCalibration.METHODS) {
            double[][] crossFitted = crossFit(method, outOfFold);
            double ece = Reliability.ece(crossFitted, outOfFold.labels());
            eceByMethod.put(method, ece);
            if (bestMethod == null || ece < eceByMethod.get(bestMethod)) {
                bestMethod = method;
                bestCrossFitted = crossFitted;
            }
        }
        double eceBefore = Reliability.ece(outOfFold.probabilities(), outOfFold.labels());
        if (eceBefore <= eceByMethod.get(bestMethod)) {
            bestMethod = ProbabilityCalibration.NONE;
            bestCrossFitted = outOfFold.probabilities();
            eceByMethod.put(bestMethod, eceBefore);
        }
        ProbabilityCalibration saved = ProbabilityCalibration.fit(bestMethod, outOfFold.probabilities(),
                outOfFold.labels());
        PrecisionThreshold.Choice choice = PrecisionThreshold.choose(bestCrossFitted, outOfFold.labels(), target);
        CalibrationResult.HeldOut test = null;
        if (heldOut != null && heldOut.size() > 0) {
            test = CalibrationResult.HeldOut.of(saved, heldOut, choice.threshold());
        }
        return new CalibrationResult(saved, eceByMethod, eceBefore,
                eceByMethod.get(bestMethod), target, choice,
                Reliability.bins(outOfFold.probabilities(), outOfFold.labels()),
                Reliability.bins(bestCrossFitted, outOfFold.labels()),
                PrecisionThreshold.curve(bestCrossFitted, outOfFold.labels()), outOfFold.size(),
                CalibrationConsistency.of(bestCrossFitted, outOfFold.labels()), test);
    }

    /** Every unit's probabilities calibrated by {@code method} fitted on the other folds' units. */
    static double[][] crossFit(String method, TrackPredictions outOfFold) {
        double[][] out = new double[outOfFold.size()][];
        int[] folds = outOfFold.folds();
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int f : folds) {
            seen.add(f);
        }
        for (int fold : seen) {
            TrackPredictions others = outOfFold.fold(fold, false);
            ProbabilityCalibration map = ProbabilityCalibration.fit(method, others.probabilities(), others.labels());
            for (int i = 0; i < folds.length; i++) {
                if (folds[i] == fold) {
                    out[i] = map.apply(outOfFold.probabilities()[i]);
                }
            }
        }
        return out;
    }

    static double[][] applyAll(ProbabilityCalibration map, double[][] probabilities) {
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            out[i] = map.apply(probabilities[i]);
        }
        return out;
    }
}
