package io.genrelake.ml;

import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.param.ParamMap;

/**
 * What cross-validating one model found, at its best grid point.
 *
 * @param name             the model's command-line name
 * @param params           its chosen hyper-parameters
 * @param foldAccuracies   per-fold accuracy (per track; per segment under the leaky protocol)
 * @param foldMacroF1      per-fold macro F1
 * @param cvConfusion      the validation folds' confusion matrices, summed
 * @param trainAccuracy    accuracy of the refit model on its own training rows
 * @param testConfusion    confusion on the hold-out set, or null without one
 * @param trainSeconds     wall time of the grid search and the refit (the ensemble fits nothing: the time to
 *                         assemble it from its members' fitted models)
 * @param cpuSeconds       CPU time this JVM spent meanwhile (driver and local executors): unlike wall time, not
 *                         inflated when the machine is shared
 * @param gridSize         grid points searched
 * @param classifier       the classifier stage (unconfigured), so an ensemble can reuse it
 * @param bestParams       the winning grid point for {@code classifier}
 * @param model            the best grid point refit on all training rows
 * @param outOfFold        every training unit's prediction by the fold model that did not see it
 * @param heldOut          the refit model's predictions of the hold-out units, or null without a test set
 */
public record ModelResult(String name, Map<String, Object> params, double[] foldAccuracies, double[] foldMacroF1,
        ConfusionMatrix cvConfusion, double trainAccuracy, ConfusionMatrix testConfusion, double trainSeconds,
        double cpuSeconds, int gridSize, PipelineStage classifier, ParamMap bestParams, PipelineModel model,
        TrackPredictions outOfFold, TrackPredictions heldOut) {

    public double cvAccuracyMean() {
        return mean(foldAccuracies);
    }

    /** Population standard deviation over folds (numpy's default, as scikit-learn reports it). */
    public double cvAccuracyStd() {
        return populationStd(foldAccuracies);
    }

    /** Standard deviation with n in the denominator: numpy's default, the spread every figure here reports. */
    static double populationStd(double[] values) {
        double m = mean(values);
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / values.length);
    }

    public double cvMacroF1() {
        return mean(foldMacroF1);
    }

    /** Precision and recall per genre over all validation folds. */
    public ClassificationMetrics cvMetrics() {
        return ClassificationMetrics.of(cvConfusion);
    }

    /** Hold-out metrics, or null without a test set. */
    public ClassificationMetrics testMetrics() {
        return testConfusion == null ? null : ClassificationMetrics.of(testConfusion);
    }

    static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.length == 0 ? Double.NaN : s / values.length;
    }
}
