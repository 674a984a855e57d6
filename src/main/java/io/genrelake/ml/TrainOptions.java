package io.genrelake.ml;

import io.genrelake.neural.NeuralSettings;
import java.util.List;

/**
 * What {@code genrelake train} was asked to do.
 *
 * @param features      feature table URIs (Parquet folders, or Kaggle-layout .csv), one or more
 * @param modelOut      where the best PipelineModel, model-card.json and the report go
 * @param models        models to cross-validate, in order
 * @param folds         cross-validation folds (with a fixed split: of the track-grouped comparison)
 * @param pipeline      PCA, log-variances, seed, parallelism
 * @param protocol      honest track grouping, or the seeds' leaky segment split
 * @param testFraction  share of groups (stratified by genre) held out for the test metrics; 0 for none
 * @param aggregation   how windows make a track prediction
 * @param ensembleSize  how many of the best probabilistic models the ensemble averages
 * @param quickGrids    one grid point per model (the defaults) instead of the full grids
 * @param groupBy       what stays on one side of every split; null: artist when every row has one, else track
 * @param split         a fixed train/valid/test split file ({@link FixedSplit}), or null
 * @param genreMap      a source_genre,genre CSV ({@link GenreMap}), or null
 * @param targetPrecision the precision the chosen model's confident predictions must reach: below the
 *                      confidence threshold that gives it, a track is {@code uncertain}
 * @param labelsFrom    the label column, or the files' genre tags ({@link TagLabels}: then {@code genreMap}
 *                      overrides entries of the default tag map, conf/tag-genres.csv)
 * @param neural        how the neural models (cnn, lstm) train and score
 * @param trackComparison whether folds grouped by artist or album are followed by the same models on
 *                      track-grouped folds (the comparison figure; it doubles the training time)
 * @param foldRepeats   assignments of the groups to folds the chosen model is cross-validated on
 *                      ({@link FoldRepeats}); 1, the run's own only
 * @param smoothBy      mix each track's probabilities with its artist's or album's ({@link GroupSmoothing}); null
 *                      for none
 */
public record TrainOptions(List<String> features, String modelOut, List<ModelKind> models, int folds,
        PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
        int ensembleSize, boolean quickGrids, Grouping groupBy, String split, String genreMap,
        double targetPrecision, LabelOrigin labelsFrom, NeuralSettings neural, boolean trackComparison,
        int foldRepeats, Grouping smoothBy) {

    /** No smoothing by group. */
    public TrainOptions(List<String> features, String modelOut, List<ModelKind> models, int folds,
            PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
            int ensembleSize, boolean quickGrids, Grouping groupBy, String split, String genreMap,
            double targetPrecision, LabelOrigin labelsFrom, NeuralSettings neural, boolean trackComparison,
            int foldRepeats) {
        this(features, modelOut, models, folds, pipeline, protocol, testFraction, aggregation, ensembleSize,
                quickGrids, groupBy, split, genreMap, targetPrecision, labelsFrom, neural, trackComparison,
                foldRepeats, null);
    }

    /** One assignment of the groups to folds: the run's own. */
    public TrainOptions(List<String> features, String modelOut, List<ModelKind> models, int folds,
            PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
            int ensembleSize, boolean quickGrids, Grouping groupBy, String split, String genreMap,
            double targetPrecision, LabelOrigin labelsFrom, NeuralSettings neural, boolean trackComparison) {
        this(features, modelOut, models, folds, pipeline, protocol, testFraction, aggregation, ensembleSize,
                quickGrids, groupBy, split, genreMap, targetPrecision, labelsFrom, neural, trackComparison, 1);
    }

    /**
     * Labels from the label column; the neural models' defaults ({@link NeuralSettings#DEFAULTS}); the
     * track-grouped comparison on.
     */
    public TrainOptions(List<String> features, String modelOut, List<ModelKind> models, int folds,
            PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
            int ensembleSize, boolean quickGrids, Grouping groupBy, String split, String genreMap,
            double targetPrecision) {
        this(features, modelOut, models, folds, pipeline, protocol, testFraction, aggregation, ensembleSize,
                quickGrids, groupBy, split, genreMap, targetPrecision, LabelOrigin.LABELS, NeuralSettings.DEFAULTS,
                true);
    }

    /**
     * One feature table, grouping by artist when it names every artist, no split or genre map, the default
     * target precision ({@link CalibrationSelection#DEFAULT_TARGET_PRECISION}).
     */
    public TrainOptions(String features, String modelOut, List<ModelKind> models, int folds,
            PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
            int ensembleSize, boolean quickGrids) {
        this(List.of(features), modelOut, models, folds, pipeline, protocol, testFraction, aggregation, ensembleSize,
                quickGrids, null, null, null, CalibrationSelection.DEFAULT_TARGET_PRECISION);
    }

    public TrainOptions {
        features = List.copyOf(features);
        labelsFrom = labelsFrom == null ? LabelOrigin.LABELS : labelsFrom;
        neural = neural == null ? NeuralSettings.DEFAULTS : neural;
        models = List.copyOf(models);
        if (features.isEmpty()) {
            throw new IllegalArgumentException("--features: at least one feature table is needed");
        }
        if (folds < 2) {
            throw new IllegalArgumentException("--folds must be at least 2, got " + folds);
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction must be in [0, 1), got " + testFraction);
        }
        if (!(targetPrecision > 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("--target-precision must be in (0, 1], got " + targetPrecision);
        }
        if (ensembleSize < 2) {
            throw new IllegalArgumentException("--ensemble-size must be at least 2, got " + ensembleSize);
        }
        if (protocol.leaky() && (split != null || (groupBy != null && groupBy != Grouping.TRACK))) {
            throw new IllegalArgumentException("--protocol leaky-segments splits segments at random; it cannot be "
                    + "combined with --split or --group-by artist|album");
        }
        if (split != null && groupBy != null) {
            throw new IllegalArgumentException("--split and --group-by exclude each other: the split file decides "
                    + "what is held out");
        }
        if (foldRepeats < 1) {
            throw new IllegalArgumentException("--fold-repeats must be at least 1, got " + foldRepeats);
        }
        if (smoothBy == Grouping.TRACK) {
            throw new IllegalArgumentException("--smooth-by track changes nothing; use none, artist or album");
        }
        if (split != null && foldRepeats > 1) {
            throw new IllegalArgumentException("--fold-repeats and --split exclude each other: a fixed split is one "
                    + "assignment of tracks to train, valid and test");
        }
    }
}
