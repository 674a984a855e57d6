/**
 * Training and honest evaluation of genre models with Spark MLlib: reading a labelled feature table
 * ({@link io.genrelake.ml.FeatureTableReader}), track-grouped stratified folds and hold-out
 * ({@link io.genrelake.ml.GroupedFolds}), the pipeline of each model ({@link io.genrelake.ml.PipelineFactory},
 * {@link io.genrelake.ml.ParamGrids}), the stages MLlib lacks ({@link io.genrelake.ml.KnnClassifier},
 * {@link io.genrelake.ml.RandomFourierFeatures}, {@link io.genrelake.ml.RbfSvmClassifier},
 * {@link io.genrelake.ml.ProbabilityEnsemble}), window→track aggregation
 * ({@link io.genrelake.ml.TrackAggregator}), metrics and model selection
 * ({@link io.genrelake.ml.ModelSelection}), and the model card ({@link io.genrelake.ml.ModelCard}).
 */
package io.genrelake.ml;
