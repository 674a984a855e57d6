package io.genrelake.ml;

import java.util.Locale;

/**
 * How a training run's figures were made, named the same way in the console, the model card and the report:
 * folds and test split grouped by a {@link Grouping}, or a {@link FixedSplit}.
 *
 * @param grouping what stays on one side of every split (track under a fixed split, which decides the rest)
 * @param split    the fixed split, or null
 * @param folds    cross-validation folds of the grouped evaluation (2 with a split: its train and valid parts)
 */
public record EvaluationScheme(Grouping grouping, FixedSplit split, int folds) {

    /** Whether the figures differ from a track-grouped CV, so that one is measured beside them for comparison. */
    public boolean hasTrackComparison() {
        return split != null || grouping != Grouping.TRACK;
    }

    /** The figure that leads every output: "test accuracy on the fault_filtered split", "CV accuracy grouped by artist". */
    public String headline() {
        return split != null ? "test accuracy on the " + splitName() + " split" : "CV accuracy grouped by " + grouping.cliName();
    }

    /** The name of the cross-validated figure: the headline, or with a fixed split its train↔valid CV. */
    public String cvHeadline() {
        return split != null ? "CV train↔valid accuracy" : headline();
    }

    /** How the cross-validation folds were made, in a sentence. */
    public String cvDescription() {
        if (split != null) {
            return "CV on the " + splitName() + " split's train and valid parts as the two folds (each fitted on one, "
                    + "scored on the other), so model selection keeps the split's groups apart too";
        }
        return String.format(Locale.ROOT, "CV on %d folds stratified by genre and grouped by %s (no %s in two folds "
                + "or on both sides of the test split)", folds, grouping.cliName(), grouping.cliName());
    }

    /** The short column title of the grouped CV figure. */
    public String cvColumn() {
        return split != null ? "CV train↔valid" : "CV by " + grouping.cliName();
    }

    /** The split file's name without folders and extension, e.g. {@code fault_filtered}. */
    public String splitName() {
        return TrackIds.stem(split.fileName());
    }
}
