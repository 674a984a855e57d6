package io.genrelake.ml;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a training run found: the input, the split, every model's results, the winner.
 *
 * @param options  what was asked
 * @param table    the labelled input
 * @param split    training and test rows
 * @param genres   class names, in class-index order
 * @param results  one per model, in the order trained
 * @param best     the model with the highest cross-validated accuracy (ties: the earlier)
 * @param createdAt when training finished
 * @param calibration the best model's calibration and uncertainty threshold, from its out-of-fold predictions
 */
public record TrainingOutcome(TrainOptions options, TrainingTable table, SplitPlan split, List<String> genres,
        List<ModelResult> results, ModelResult best, Instant createdAt, CalibrationResult calibration) {

    /** The result with the highest mean CV accuracy; the first listed wins ties. */
    public static ModelResult best(List<ModelResult> results) {
        return results.stream().max(Comparator.comparingDouble(ModelResult::cvAccuracyMean)
                .thenComparing(r -> -results.indexOf(r))).orElseThrow();
    }
}
