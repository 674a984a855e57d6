package io.genrelake.ml;

import java.util.List;
import java.util.Locale;

/**
 * A saved model's metrics on a labelled feature table, per track.
 *
 * @param modelUri        the model folder
 * @param featuresUri     the table
 * @param bestModel       which model the folder holds (from its card)
 * @param trainedLeaky    whether the model was selected under the leaky protocol
 * @param sameDataAsTraining whether the table is byte-identical to the training data (then these are not
 *                        held-out figures)
 * @param genres          class names, in class-index order
 * @param confusion       per-track confusion matrix
 * @param smoothing       the card's smoothing by artist or album, applied as classify applies it; null for none
 * @param calibration     the saved calibration and threshold on this table; null for a model saved without one
 * @param labelsFrom      where the tracks' true genres came from: the label column or the files' tags
 * @param labels          the same in words, with the tag counts (tracks labelled, left out and why); null for none
 */
public record EvaluationResult(String modelUri, String featuresUri, String bestModel, boolean trainedLeaky,
        boolean sameDataAsTraining, List<String> genres, ConfusionMatrix confusion, GroupSmoothing smoothing,
        CalibrationCheck calibration, LabelOrigin labelsFrom, String labels) {

    /** A result of a model that does not smooth and has no calibration, on the table's label column. */
    public EvaluationResult(String modelUri, String featuresUri, String bestModel, boolean trainedLeaky,
            boolean sameDataAsTraining, List<String> genres, ConfusionMatrix confusion) {
        this(modelUri, featuresUri, bestModel, trainedLeaky, sameDataAsTraining, genres, confusion, null, null,
                LabelOrigin.LABELS, null);
    }

    public ClassificationMetrics metrics() {
        return ClassificationMetrics.of(confusion);
    }

    /**
     * The console report: accuracy, macro F1, the calibration and threshold on this table, per-genre precision and
     * recall, the confusion matrix.
     */
    public String toText() {
        ClassificationMetrics m = metrics();
        StringBuilder sb = new StringBuilder();
        if (trainedLeaky) {
            sb.append("LEAKY: this model was selected under the leaky-segments protocol; its card's CV figures are "
                    + "inflated. The figures below are per track on the data given.\n");
        }
        if (sameDataAsTraining) {
            sb.append("note: these features are the model's training data, so the figures below are not held-out.\n");
        }
        sb.append(String.format(Locale.ROOT, "model %s (%s) on %s: %d tracks%n", modelUri, bestModel, featuresUri,
                confusion.total()));
        if (labels != null) {
            sb.append(labels).append('\n');
        }
        if (smoothing != null) {
            sb.append(String.format(Locale.ROOT, "each track smoothed by %s at weight %.2f, as the model card says "
                    + "(train --smooth-by)%n", smoothing.by().cliName(), smoothing.weight()));
        }
        sb.append(String.format(Locale.ROOT, "accuracy %.4f, macro F1 %.4f%n", m.accuracy(), m.macroF1()));
        sb.append(calibration == null ? "no calibration saved with this model: every track is written ok\n"
                : calibration.toText());
        sb.append(String.format(Locale.ROOT, "%-12s %9s %7s %7s%n", "genre", "precision", "recall", "tracks"));
        for (int g = 0; g < genres.size(); g++) {
            sb.append(String.format(Locale.ROOT, "%-12s %9.4f %7.4f %7d%n", genres.get(g), m.precision()[g],
                    m.recall()[g], m.support()[g]));
        }
        sb.append("confusion (rows: true genre, columns: predicted, in the order above):\n");
        for (int a = 0; a < genres.size(); a++) {
            sb.append(String.format(Locale.ROOT, "%-12s", genres.get(a)));
            for (int p = 0; p < genres.size(); p++) {
                sb.append(String.format(Locale.ROOT, " %5d", confusion.count(a, p)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
