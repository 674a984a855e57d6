package io.genrelake.scoring;

import java.util.List;

/**
 * Scores feature vectors with a {@link PortableModel}, giving the probabilities the saved MLlib pipeline gives
 * (the same formulas in the same order; {@code PortableScorerTest} compares them): per window, then per track as
 * the mean of its windows (the cards' {@code aggregation: mean}) calibrated by the model's map.
 */
public final class PortableScorer {

    /** ln(max(v, 0) + 1e-10): the log of a variance column, as {@code ml.PipelineFactory}'s SQL stage computes it. */
    private static final double LOG_FLOOR = 1e-10;

    private final PortableModel model;
    private final boolean[] logged;

    public PortableScorer(PortableModel model) {
        this.model = model;
        List<String> columns = model.featureColumns();
        logged = new boolean[columns.size()];
        for (int i = 0; i < logged.length; i++) {
            logged[i] = model.logVariances() && columns.get(i).endsWith("_var");
        }
    }

    public PortableModel model() {
        return model;
    }

    /** One window's class probabilities from its feature values (in the model's column order). */
    public double[] windowProbabilities(double[] features) {
        int n = logged.length;
        if (features.length != n) {
            throw new IllegalArgumentException(features.length + " feature values for a model of " + n + " columns");
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = logged[i] ? Math.log(Math.max(features[i], 0) + LOG_FLOOR) : features[i];
            x[i] = (v - model.mean()[i]) * model.scale()[i];
        }
        if (model.pca() != null) {
            x = project(x, model.pca());
        }
        double[][] w = model.coefficients();
        double[] z = new double[w.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < w.length; k++) {
            double sum = model.intercepts()[k];
            for (int i = 0; i < x.length; i++) {
                sum += w[k][i] * x[i];
            }
            z[k] = sum;
            max = Math.max(max, sum);
        }
        // softmax as MLlib's LogisticRegressionModel computes it: shifted by the largest margin
        double total = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            total += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= total;
        }
        return z;
    }

    /** A track's calibrated probabilities from its windows' probabilities (their mean, then the calibration). */
    public double[] trackProbabilities(List<double[]> windows) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("a track needs at least one window");
        }
        double[] mean = new double[model.genres().size()];
        for (double[] p : windows) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += p[k];
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= windows.size();
        }
        return model.calibration().apply(mean);
    }

    /** Whether a calibrated confidence is below the model's threshold. */
    public boolean uncertain(double confidence) {
        return model.threshold() != null && confidence < model.threshold();
    }

    private static double[] project(double[] x, double[][] components) {
        double[] out = new double[components[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += x[i] * components[i][j];
            }
        }
        return out;
    }
}
