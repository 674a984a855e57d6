package io.genrelake.ml;

import java.util.Arrays;
import java.util.List;

/**
 * The chosen model's cross-validated accuracy on several assignments of the groups to folds ({@code train
 * --fold-repeats}). With a few hundred tracks of ~140 artists, which artists share a fold moves one assignment's
 * figure by several points (emotify, lr: 0.6425 to 0.7075 over nine seeds); their mean is the steadier estimate.
 * The grid point is the one chosen on the first assignment, kept for the others.
 *
 * @param model      the chosen model's name
 * @param seeds      each assignment's seed, the first the run's own ({@code --seed})
 * @param accuracies each assignment's CV accuracy (the mean over its folds), in the order of {@code seeds}
 * @param smoothedAccuracies each assignment's CV accuracy smoothed by group ({@code --smooth-by}, the weight chosen
 *                   on each assignment's own folds, {@link GroupSmoothing#evaluate}); null without smoothing
 */
public record FoldRepeats(String model, long[] seeds, double[] accuracies, double[] smoothedAccuracies) {

    public FoldRepeats {
        if (seeds.length != accuracies.length || seeds.length < 2
                || (smoothedAccuracies != null && smoothedAccuracies.length != seeds.length)) {
            throw new IllegalArgumentException("fold repeats need a seed and an accuracy for each of at least two "
                    + "assignments, got " + seeds.length + " and " + accuracies.length);
        }
        seeds = seeds.clone();
        accuracies = accuracies.clone();
        smoothedAccuracies = smoothedAccuracies == null ? null : smoothedAccuracies.clone();
    }

    /** Repeats without smoothing. */
    public FoldRepeats(String model, long[] seeds, double[] accuracies) {
        this(model, seeds, accuracies, null);
    }

    /** The repeats of {@code results}, the chosen model's result on each assignment, the first on the run's own. */
    public static FoldRepeats of(List<ModelResult> results, long[] seeds) {
        return of(results, seeds, null);
    }

    /** As {@link #of(List, long[])}, with each assignment's smoothed accuracy (null for none). */
    public static FoldRepeats of(List<ModelResult> results, long[] seeds, double[] smoothedAccuracies) {
        return new FoldRepeats(results.get(0).name(), seeds,
                results.stream().mapToDouble(ModelResult::cvAccuracyMean).toArray(), smoothedAccuracies);
    }

    public int assignments() {
        return seeds.length;
    }

    public double mean() {
        return ModelResult.mean(accuracies);
    }

    /** Population standard deviation over the assignments, as {@link ModelResult#cvAccuracyStd} over folds. */
    public double std() {
        return ModelResult.populationStd(accuracies);
    }

    /** The mean of the smoothed accuracies; NaN without smoothing. */
    public double smoothedMean() {
        return smoothedAccuracies == null ? Double.NaN : ModelResult.mean(smoothedAccuracies);
    }

    public double smoothedStd() {
        return smoothedAccuracies == null ? Double.NaN : ModelResult.populationStd(smoothedAccuracies);
    }

    public double min() {
        return Arrays.stream(accuracies).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(accuracies).max().orElseThrow();
    }
}
