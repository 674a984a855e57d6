package io.genrelake.ml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code model-card.json}: what a saved model is, how it was trained and how well it did, written
 * beside the PipelineModel. The fields come first ({@code genres}, {@code feature_columns}
 * (with {@code feature_set}, gtzan or rich: what classify must extract, and {@code window_seconds}, the window
 * length of the training table, which scoring cuts unless told otherwise; null when every training track was one
 * window), {@code extractor_version}, {@code protocol}, {@code best_model}, {@code cv_accuracy_mean},
 * {@code cv_accuracy_std}, {@code test_accuracy}, {@code models}, {@code training_data_sha256},
 * {@code created_at}), with how the folds were grouped right after the protocol ({@code evaluation},
 * {@code group_by} or {@code split}); the rest record the settings needed to reproduce the run. The CV and
 * test figures are those of that grouping; {@code track_grouped_cv_accuracy_*} the comparison beside them;
 * {@code fold_repeats}, when asked for, the best model's figure on other assignments of the groups to folds.
 */
public final class ModelCard {

    public static final String FILE_NAME = "model-card.json";
    public static final String WINDOW_SECONDS = "window_seconds";
    /** Where the training labels came from ({@code train --labels-from}): {@code labels} or {@code tags}. */
    public static final String LABELS_FROM = "labels_from";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> fields;

    private ModelCard(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static ModelCard of(TrainingOutcome outcome) {
        TrainOptions options = outcome.options();
        ModelResult best = outcome.best();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("genres", outcome.genres());
        f.put("feature_columns", outcome.table().featureSet().columns());
        f.put("feature_set", outcome.table().featureSet().label());
        f.put(WINDOW_SECONDS, outcome.table().windowSeconds());
        f.put("extractor_version", String.join(",", outcome.table().extractorVersions()));
        f.put("protocol", options.protocol().cliName());
        f.put(LABELS_FROM, options.labelsFrom().label());
        EvaluationScheme scheme = outcome.evaluation();
        f.put("evaluation", scheme.headline() + "; " + scheme.cvDescription());
        f.put("group_by", scheme.split() == null ? scheme.grouping().cliName() : null);
        if (scheme.split() != null) {
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("file", scheme.split().uri());
            split.put("sha256", scheme.split().sha256());
            split.put("tracks_left_out", outcome.split().leftOut());
            f.put("split", split);
        }
        f.put("best_model", best.name());
        f.put("cv_accuracy_mean", best.cvAccuracyMean());
        f.put("cv_accuracy_std", best.cvAccuracyStd());
        f.put("test_accuracy", best.testMetrics() == null ? null : best.testMetrics().accuracy());
        if (outcome.foldRepeats() != null) {
            f.put("fold_repeats", foldRepeats(outcome.foldRepeats()));
        }
        if (outcome.smoothing() != null) {
            f.put(SMOOTHING, smoothing(outcome.smoothing()));
        }
        List<Map<String, Object>> models = new ArrayList<>();
        for (ModelResult r : outcome.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("params", r.params());
            m.put("cv_accuracy_mean", r.cvAccuracyMean());
            m.put("cv_accuracy_std", r.cvAccuracyStd());
            ModelResult byTrack = outcome.trackGroupedOf(r);
            if (byTrack != null) {
                m.put("track_grouped_cv_accuracy_mean", byTrack.cvAccuracyMean());
                m.put("track_grouped_cv_accuracy_std", byTrack.cvAccuracyStd());
            }
            m.put("macro_f1", r.cvMacroF1());
            m.put("train_seconds", r.trainSeconds());
            m.put("train_cpu_seconds", r.cpuSeconds());
            m.put("train_accuracy", r.trainAccuracy());
            m.put("test_accuracy", r.testMetrics() == null ? null : r.testMetrics().accuracy());
            m.put("test_macro_f1", r.testMetrics() == null ? null : r.testMetrics().macroF1());
            m.put("cv_fold_accuracies", r.foldAccuracies());
            m.put("grid_points", r.gridSize());
            models.add(m);
        }
        f.put("models", models);
        f.put("training_data_sha256", outcome.table().sha256());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (TrainingTable source : outcome.table().sources()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uri", source.source());
            m.put("format", source.format());
            m.put("sha256", source.sha256());
            m.put("rows_left_out", source.skippedRows());
            sources.add(m);
        }
        f.put("sources", sources);
        f.put("genre_map", options.genreMap());
        f.put("created_at", outcome.createdAt().toString());
        // Beyond the list: what it takes to reproduce and to read the numbers right.
        f.put("leaky", options.protocol().leaky());
        f.put("protocol_description", options.protocol().label());
        f.put("metric_unit", options.protocol().leaky() ? "segment" : "track");
        f.put("aggregation", options.aggregation().cliName());
        f.put("folds", outcome.split().folds() > 0 ? outcome.split().folds() : options.folds());
        f.put("track_grouped_folds", outcome.trackGrouped().isEmpty() ? null : options.folds());
        f.put("grid", options.quickGrids() ? "quick" : "full");
        f.put("seed", options.pipeline().seed());
        f.put("test_fraction", scheme.split() == null ? options.testFraction() : null);
        f.put("pca_components", options.pipeline().pcaComponents() == 0 ? null : options.pipeline().pcaComponents());
        f.put("log_variances", options.pipeline().logVariances());
        f.put("training_data", outcome.table().source());
        f.put("training_units", outcome.split().trainUnits());
        f.put("test_units", outcome.split().testUnits());
        f.put("best_model_per_genre", perGenre(outcome.genres(), best));
        if (outcome.calibration() != null) {
            f.put(CALIBRATION, calibration(outcome.calibration(), outcome.smoothing()));
        }
        return new ModelCard(f);
    }

    /** The best model's CV accuracy on each assignment of the groups to folds ({@code train --fold-repeats}). */
    private static Map<String, Object> foldRepeats(FoldRepeats r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("assignments", r.assignments());
        m.put("cv_accuracy_mean", r.mean());
        m.put("cv_accuracy_std", r.std());
        m.put("seeds", r.seeds());
        m.put("cv_accuracies", r.accuracies());
        if (r.smoothedAccuracies() != null) {
            m.put("smoothed_cv_accuracy_mean", r.smoothedMean());
            m.put("smoothed_cv_accuracy_std", r.smoothedStd());
            m.put("smoothed_cv_accuracies", r.smoothedAccuracies());
        }
        m.put("note", "the grid point chosen on the first assignment (seed " + r.seeds()[0] + "), cross-validated "
                + "on each; the mean is the steadier estimate of accuracy on unseen groups");
        return m;
    }

    /** The card's field of {@code train --smooth-by}: its {@code by} and {@code weight} make classify smooth alike. */
    public static final String SMOOTHING = "smoothing";

    private static Map<String, Object> smoothing(GroupSmoothing.Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", e.chosen().by().cliName());
        m.put("weight", e.chosen().weight());
        m.put("weights_tried", GroupSmoothing.WEIGHTS);
        m.put("cv_accuracy_before", e.accuracyBefore());
        m.put("cv_accuracy_mean", e.accuracy());
        m.put("cv_accuracy_std", e.accuracyStd());
        m.put("cv_fold_weights", e.foldWeights());
        m.put("cv_fold_accuracies", e.smoothedFoldAccuracies());
        m.put("test_accuracy", e.heldOutAccuracy());
        m.put("note", "p' = (1 - weight) p + weight * mean(p of the tracks of the same " + e.chosen().by().cliName()
                + " classified together); in CV each fold smoothed at the weight best on the other folds; the "
                + "calibration below is fitted on the smoothed predictions");
        return m;
    }

    /** The card's field of the calibration; its {@code threshold} makes classify write {@code uncertain} rows. */
    public static final String CALIBRATION = "calibration";
    /** Within {@link #CALIBRATION}: below this calibrated confidence a track is uncertain. */
    public static final String THRESHOLD = "threshold";

    private static Map<String, Object> calibration(CalibrationResult c, GroupSmoothing.Evaluation smoothing) {
        Map<String, Object> m = new LinkedHashMap<>();
        ProbabilityCalibration map = c.calibration();
        m.put("method", map.method());
        if (map.method().equals(ProbabilityCalibration.TEMPERATURE)) {
            m.put("temperature", map.temperature());
        } else if (map.method().equals(ProbabilityCalibration.ISOTONIC)) {
            m.put("isotonic_points", map.confidences().length);
        }
        m.put("fitted_on", "out-of-fold track predictions of the best model, per track after aggregating windows"
                + (smoothing == null ? "" : " and smoothing by " + smoothing.chosen().by().cliName()));
        m.put("units", c.units());
        m.put("ece_bins", Reliability.BINS + " equal-width confidence bins");
        m.put("ece_before", c.eceBefore());
        m.put("ece_after", c.eceAfter());
        m.put("ece_after_by_method", c.eceByMethod());
        m.put("ece_after_if_calibrated", consistency(c.consistency()));
        m.put("target_precision", c.targetPrecision());
        m.put(THRESHOLD, c.choice().threshold());
        m.put("expected_precision", Double.isNaN(c.choice().precision()) ? null : c.choice().precision());
        m.put("coverage", c.choice().coverage());
        CalibrationResult.HeldOut test = c.test();
        if (test != null) {
            m.put("test_units", test.units());
            m.put("test_ece_before", test.eceBefore());
            m.put("test_ece_after", test.eceAfter());
            m.put("test_ece_after_if_calibrated", consistency(test.consistency()));
            double precision = test.atThreshold().precision();
            m.put("test_precision", Double.isNaN(precision) ? null : precision);
            m.put("test_coverage", test.atThreshold().coverage());
        }
        return m;
    }

    /**
     * The ECE a calibrated model would show at the same confidences (consistency resampling): the card's
     * {@code ece_after_if_calibrated} block, and evaluate's.
     */
    public static Map<String, Object> consistency(CalibrationConsistency.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "consistency resampling (Bröcker & Smith 2007): labels drawn from the calibrated "
                + "probabilities");
        m.put("draws", r.draws());
        m.put("mean_ece", r.meanEce());
        m.put("high_ece", r.highEce());
        m.put("high_percentile", 100 * (1 - CalibrationConsistency.OUTSIDE / 2));
        m.put("p_value", r.pValue());
        m.put("consistent", r.consistent());
        return m;
    }

    private static Map<String, Object> perGenre(List<String> genres, ModelResult best) {
        ClassificationMetrics cv = best.cvMetrics();
        ClassificationMetrics test = best.testMetrics();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int g = 0; g < genres.size(); g++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cv_precision", cv.precision()[g]);
            m.put("cv_recall", cv.recall()[g]);
            if (test != null) {
                m.put("test_precision", test.precision()[g]);
                m.put("test_recall", test.recall()[g]);
            }
            out.put(genres.get(g), m);
        }
        return out;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(fields) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model card not serialisable", e);
        }
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** The card's training window length in seconds; null when it records none (every track one window, or older). */
    public static Double windowSeconds(JsonNode card) {
        JsonNode value = card.path(WINDOW_SECONDS);
        return value.isNumber() && value.asDouble() > 0 ? value.asDouble() : null;
    }

    /**
     * Where the model's training labels came from: the card's {@link #LABELS_FROM}; a card written before it says
     * tags when the model folder holds the tag map that train saves only then ({@link TagGenres#MODEL_FILE}).
     */
    public static LabelOrigin labelOrigin(JsonNode card, String modelUri, org.apache.hadoop.conf.Configuration conf) {
        if (card.path(LABELS_FROM).isTextual()) {
            return LabelOrigin.of(card.path(LABELS_FROM).asText());
        }
        org.apache.hadoop.fs.Path map = new org.apache.hadoop.fs.Path(modelUri, TagGenres.MODEL_FILE);
        try {
            return map.getFileSystem(conf).exists(map) ? LabelOrigin.TAGS : LabelOrigin.LABELS;
        } catch (java.io.IOException e) {
            throw new TrainingDataException("cannot read " + map + ": " + e.getMessage(), e);
        }
    }

    /** Parses a card written by {@link #toJson}. */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TrainingDataException("model card is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
