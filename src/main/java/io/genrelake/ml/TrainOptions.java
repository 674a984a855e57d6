package io.genrelake.ml;

import java.util.List;

/**
 * What {@code genrelake train} was asked to do.
 *
 * @param features      feature table URI (Parquet folder, or Kaggle-layout .csv)
 * @param modelOut      where the best PipelineModel, model-card.json and the report go
 * @param models        models to cross-validate, in order
 * @param folds         cross-validation folds
 * @param pipeline      PCA, log-variances, seed, parallelism
 * @param protocol      honest track grouping, or the seeds' leaky segment split
 * @param testFraction  share of tracks (stratified by genre) held out for the test metrics; 0 for none
 * @param aggregation   how windows make a track prediction
 * @param ensembleSize  how many of the best probabilistic models the ensemble averages
 * @param quickGrids    one grid point per model (the defaults) instead of the full grids
 * @param targetPrecision the precision the chosen model's confident predictions must reach: below the
 *                      confidence threshold that gives it, a track is {@code uncertain}
 */
public record TrainOptions(String features, String modelOut, List<ModelKind> models, int folds,
        PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
        int ensembleSize, boolean quickGrids, double targetPrecision) {

    /** With the default target precision ({@link CalibrationSelection#DEFAULT_TARGET_PRECISION}). */
    public TrainOptions(String features, String modelOut, List<ModelKind> models, int folds,
            PipelineSettings pipeline, Protocol protocol, double testFraction, Aggregation aggregation,
            int ensembleSize, boolean quickGrids) {
        this(features, modelOut, models, folds, pipeline, protocol, testFraction, aggregation, ensembleSize,
                quickGrids, CalibrationSelection.DEFAULT_TARGET_PRECISION);
    }

    public TrainOptions {
        models = List.copyOf(models);
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
    }
}
