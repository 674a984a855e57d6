package io.genrelake.ml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.SparkSession;

/**
 * A whole training run: read and check the table, place tracks in test set and folds, cross-validate
 * each model, then the ensemble of the best probabilistic ones; the winner by track-level CV accuracy
 * is the model to save (already refit on all training rows).
 */
public final class Trainer {

    private final SparkSession spark;
    private final Consumer<String> progress;

    /** @param progress receives one line per step, for the console */
    public Trainer(SparkSession spark, Consumer<String> progress) {
        this.spark = spark;
        this.progress = progress;
    }

    public TrainingOutcome train(TrainOptions options) {
        String leaky = options.protocol().leaky() ? "LEAKY " : "";
        TrainingTable table = new FeatureTableReader(spark).read(options.features());
        progress.accept(String.format(Locale.ROOT, "%sread %s (%s, %s): %d labelled rows%s", leaky,
                table.source(), table.format(), table.segmented() ? "several windows per track" : "one row per track",
                table.rows().count(), table.skippedRows() > 0 ? ", " + table.skippedRows() + " rows left out "
                        + "(status error or no label)" : ""));
        SplitPlan split = SplitPlan.of(spark, table.rows(), options.protocol(), options.folds(),
                options.testFraction(), options.pipeline().seed());
        String unit = options.protocol() == Protocol.TRACKS ? "tracks" : "segments";
        progress.accept(String.format(Locale.ROOT, "%sprotocol %s: %d training %s in %d folds, %d held out for test",
                leaky, options.protocol().label(), split.trainUnits(), unit, options.folds(), split.testUnits()));

        StringIndexerModel labels = new StringIndexer().setInputCol(TrainingTable.LABEL)
                .setOutputCol(PipelineFactory.LABEL_INDEX).setStringOrderType("alphabetAsc").fit(table.rows());
        PipelineFactory factory = new PipelineFactory(labels, options.pipeline(), table.featureSet().columns());
        boolean oneRowPerUnit = options.protocol().leaky() || !table.segmented();
        try (ModelSelection selection = new ModelSelection(factory, split, options.folds(), options.aggregation(),
                oneRowPerUnit, options.quickGrids(), options.models().contains(ModelKind.ENSEMBLE))) {
            return train(options, table, split, labels, selection);
        }
    }

    private TrainingOutcome train(TrainOptions options, TrainingTable table, SplitPlan split, StringIndexerModel labels,
            ModelSelection selection) {
        String leaky = options.protocol().leaky() ? "LEAKY " : "";

        List<ModelResult> results = new ArrayList<>();
        for (ModelKind kind : options.models()) {
            ModelResult result;
            if (kind == ModelKind.ENSEMBLE) {
                List<ModelResult> members = results.stream()
                        .filter(r -> ModelKind.of(r.name()).probabilistic())
                        .sorted(Comparator.comparingDouble(ModelResult::cvAccuracyMean).reversed())
                        .limit(options.ensembleSize()).toList();
                progress.accept(leaky + "ensemble of " + members.stream().map(ModelResult::name).toList());
                result = selection.runEnsemble(members);
            } else {
                result = selection.run(kind);
            }
            results.add(result);
            progress.accept(leaky + ConsoleTable.line(result));
        }
        ModelResult best = TrainingOutcome.best(results);
        progress.accept(String.format(Locale.ROOT, "%sbest: %s, CV accuracy %.4f ± %.4f", leaky, best.name(),
                best.cvAccuracyMean(), best.cvAccuracyStd()));
        CalibrationResult calibration = CalibrationSelection.run(best.outOfFold(), best.heldOut(),
                options.targetPrecision());
        progress.accept(leaky + ConsoleTable.calibrationLine(calibration));
        return new TrainingOutcome(options, table, split, List.of(labels.labelsArray()[0]), results, best,
                Instant.now(), calibration);
    }
}
