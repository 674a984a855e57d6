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
 * @param evaluation how the folds and the test split were made (grouping or fixed split)
 * @param trackGrouped the same models at their chosen grid points cross-validated on folds grouped by track
 *                   only, in the order of {@code results}, for comparison; empty when the evaluation already
 *                   is track-grouped
 * @param calibration the best model's calibration and uncertainty threshold, from its out-of-fold predictions
 * @param foldRepeats the best model on several assignments of the groups to folds, or null for one
 * @param smoothing   the best model's predictions smoothed by artist or album ({@code --smooth-by}), or null; its
 *                    calibration is then fitted on the smoothed ones
 */
public record TrainingOutcome(TrainOptions options, TrainingTable table, SplitPlan split, List<String> genres,
        List<ModelResult> results, ModelResult best, Instant createdAt, EvaluationScheme evaluation,
        List<ModelResult> trackGrouped, CalibrationResult calibration, FoldRepeats foldRepeats,
        GroupSmoothing.Evaluation smoothing) {

    /** An outcome without smoothing by group. */
    public TrainingOutcome(TrainOptions options, TrainingTable table, SplitPlan split, List<String> genres,
            List<ModelResult> results, ModelResult best, Instant createdAt, EvaluationScheme evaluation,
            List<ModelResult> trackGrouped, CalibrationResult calibration, FoldRepeats foldRepeats) {
        this(options, table, split, genres, results, best, createdAt, evaluation, trackGrouped, calibration,
                foldRepeats, null);
    }

    /** An outcome of one assignment of the groups to folds. */
    public TrainingOutcome(TrainOptions options, TrainingTable table, SplitPlan split, List<String> genres,
            List<ModelResult> results, ModelResult best, Instant createdAt, EvaluationScheme evaluation,
            List<ModelResult> trackGrouped, CalibrationResult calibration) {
        this(options, table, split, genres, results, best, createdAt, evaluation, trackGrouped, calibration, null);
    }

    /** An outcome of a track-grouped evaluation. */
    public TrainingOutcome(TrainOptions options, TrainingTable table, SplitPlan split, List<String> genres,
            List<ModelResult> results, ModelResult best, Instant createdAt, CalibrationResult calibration) {
        this(options, table, split, genres, results, best, createdAt,
                new EvaluationScheme(Grouping.TRACK, null, options.folds()), List.of(), calibration);
    }

    public TrainingOutcome {
        trackGrouped = List.copyOf(trackGrouped);
    }

    /** The track-grouped comparison result of a model, or null when there is none. */
    public ModelResult trackGroupedOf(ModelResult result) {
        int i = results.indexOf(result);
        return i >= 0 && i < trackGrouped.size() ? trackGrouped.get(i) : null;
    }

    /** The result with the highest mean CV accuracy; the first listed wins ties. */
    public static ModelResult best(List<ModelResult> results) {
        return results.stream().max(Comparator.comparingDouble(ModelResult::cvAccuracyMean)
                .thenComparing(r -> -results.indexOf(r))).orElseThrow();
    }
}
