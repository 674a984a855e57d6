package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Cross-validates one model over its grid with MLlib's CrossValidator on the precomputed, track-grouped
 * {@link SplitPlan#FOLD} column, scored per track ({@link TrackAccuracyEvaluator}); then measures the
 * winning grid point fold by fold (accuracy, macro F1, confusion), on the training rows and on the
 * hold-out set, using the model CrossValidator refit on all training rows.
 *
 * <p>Rows go through the factory's row-independent preprocessing once and are cached; cross-validation
 * refits only the learned stages (scaler, PCA, classifier) per fold.
 *
 * <p>The soft-voting ensemble fits nothing: its model for a fold is the mean of its members' models for
 * that fold, which their own cross-validation already fitted on exactly those rows (the scaler and PCA are
 * fitted on the same rows too, so any member's serve), and its refit model combines the members' refits.
 * That is the ensemble {@link ProbabilityEnsemble#fit} would give on each fold, at none of the cost; a test
 * compares the two.
 */
public final class ModelSelection implements AutoCloseable {

    /**
     * Training sets up to this many rows are held in one partition: every Spark job of an iterative
     * solver then has one task instead of one per core, which halves the per-step overhead that dominates
     * MLlib on small tables (GTZAN's 1000 rows, logistic regression: 1.9 s instead of 4.2 s of CPU per
     * fit); CrossValidator's parallel fits keep the cores busy instead.
     */
    static final long SINGLE_PARTITION_ROWS = 50_000;

    private final PipelineFactory factory;
    private final Dataset<Row> rawTrain;
    private final Dataset<Row> train;
    private final Dataset<Row> test;
    private final boolean hasTest;
    private final int folds;
    private final Aggregation aggregation;
    private final boolean oneRowPerUnit;
    private final long trainingRowsPerFold;
    private final boolean quickGrids;
    private final boolean keepForEnsemble;
    /** Probabilistic models' fitted folds at their chosen point, by name, while an ensemble may still want them. */
    private final Map<String, FittedFolds> fittedFolds = new HashMap<>();

    /** Learned-stage models of one grid point: one per fold (fitted without it) and one on all training rows. */
    private record FittedFolds(PipelineModel[] folds, PipelineModel all) {}

    /**
     * @param oneRowPerUnit   whether each unit (track, or segment under the leaky protocol) is one row, so
     *                        scoring needs no aggregation
     * @param keepForEnsemble whether an ensemble follows: probabilistic models then keep their fold models
     *                        until {@link #runEnsemble}
     */
    public ModelSelection(PipelineFactory factory, SplitPlan split, int folds, Aggregation aggregation,
            boolean oneRowPerUnit, boolean quickGrids, boolean keepForEnsemble) {
        this.quickGrids = quickGrids;
        this.keepForEnsemble = keepForEnsemble;
        this.factory = factory;
        this.rawTrain = split.train();
        this.train = compact(prepared(split.train())).cache();
        this.test = compact(prepared(split.test())).cache();
        this.hasTest = split.testUnits() > 0;
        this.folds = folds;
        this.aggregation = aggregation;
        this.oneRowPerUnit = oneRowPerUnit;
        this.trainingRowsPerFold = Math.max(1, train.count() * (folds - 1) / folds);
    }

    private Dataset<Row> prepared(Dataset<Row> rows) {
        List<org.apache.spark.sql.Column> kept = new ArrayList<>(List.of(col(SplitPlan.UNIT), col(SplitPlan.FOLD),
                col(PipelineFactory.LABEL_INDEX), col(PipelineFactory.ASSEMBLED)));
        // the neural models' stored inputs and the artist their early stopping holds out by, when the rows have them
        for (String extra : NeuralColumns.present(rows.columns())) {
            kept.add(col(extra));
        }
        return factory.preprocess(rows).select(kept.toArray(new org.apache.spark.sql.Column[0]));
    }

    private static Dataset<Row> compact(Dataset<Row> rows) {
        return rows.count() <= SINGLE_PARTITION_ROWS ? rows.coalesce(1) : rows;
    }

    private TrackAggregator aggregator() {
        return new TrackAggregator(SplitPlan.UNIT, PipelineFactory.LABEL_INDEX, aggregation, oneRowPerUnit);
    }

    /** Cross-validates a model of this package's catalogue over its grid. */
    public ModelResult run(ModelKind kind) {
        PipelineStage classifier = factory.classifier(kind);
        ParamMap[] grid = ParamGrids.of(kind, classifier, factory.classifierInputSize(), factory.genres().length,
                trainingRowsPerFold, quickGrids);
        ModelResult result = crossValidate(kind.cliName(), classifier, grid);
        if (!keepForEnsemble || !kind.probabilistic()) {
            fittedFolds.remove(kind.cliName());
        }
        return result;
    }

    /**
     * Cross-validates a model at one grid point (one chosen by another selection): the comparison figure of
     * the same pipeline on other folds.
     */
    public ModelResult runAt(ModelKind kind, PipelineStage classifier, ParamMap point) {
        ModelResult result = crossValidate(kind.cliName(), classifier, new ParamMap[] {point});
        if (!keepForEnsemble || !kind.probabilistic()) {
            fittedFolds.remove(kind.cliName());
        }
        return result;
    }

    /**
     * The soft-voting ensemble of models this selection already cross-validated, each at its chosen grid
     * point, assembled from their fitted folds (see the class comment). Releases every model's folds.
     */
    public ModelResult runEnsemble(List<ModelResult> members) {
        List<String> names = new ArrayList<>();
        List<Estimator<?>> estimators = new ArrayList<>();
        List<FittedFolds> memberFolds = new ArrayList<>();
        for (ModelResult m : members) {
            FittedFolds folds = fittedFolds.get(m.name());
            if (folds == null) {
                throw new IllegalStateException("ensemble member " + m.name() + " was not cross-validated by this "
                        + "selection with its folds kept");
            }
            names.add(m.name());
            estimators.add((Estimator<?>) m.classifier().copy(m.bestParams()));
            memberFolds.add(folds);
        }
        ProbabilityEnsemble ensemble = factory.ensemble(names, estimators);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        PipelineModel[] foldModels = new PipelineModel[folds];
        for (int f = 0; f < folds; f++) {
            int fold = f;
            foldModels[f] = assemble(ensemble, memberFolds.stream().map(m -> m.folds()[fold]).toList());
        }
        PipelineModel all = assemble(ensemble, memberFolds.stream().map(FittedFolds::all).toList());
        fittedFolds.clear();
        return measure(ModelKind.ENSEMBLE.cliName(), ensemble, new ParamMap[] {ParamMap.empty()}, 0,
                new FittedFolds(foldModels, all), start, cpuStart);
    }

    /**
     * Learned stages of the ensemble from its members' learned stages fitted on the same rows: the first
     * member's scaler (and PCA), then the members' classifiers averaged.
     */
    private PipelineModel assemble(ProbabilityEnsemble ensemble, List<PipelineModel> members) {
        Transformer[] first = members.get(0).stages();
        Transformer[] stages = Arrays.copyOf(first, first.length);
        List<Model<?>> classifiers = new ArrayList<>();
        for (PipelineModel member : members) {
            Transformer[] memberStages = member.stages();
            if (memberStages.length != stages.length) {
                throw new IllegalStateException("ensemble members were fitted with different pipelines");
            }
            classifiers.add((Model<?>) memberStages[memberStages.length - 1]);
        }
        stages[stages.length - 1] = ensemble.assemble(classifiers);
        // A pipeline of transformers only: fitting it reads the schema, not the rows.
        return new Pipeline().setStages(stages).fit(train);
    }

    /** Cross-validates a classifier stage over a grid (package-private: tests refit an ensemble with it). */
    ModelResult crossValidate(String name, PipelineStage classifier, ParamMap[] grid) {
        CrossValidator cv = new CrossValidator().setEstimator(factory.learnedStages(classifier))
                .setEstimatorParamMaps(grid)
                .setEvaluator(new TrackAccuracyEvaluator().setGroupCol(SplitPlan.UNIT)
                        .setLabelCol(PipelineFactory.LABEL_INDEX).setAggregation(aggregation)
                        .setOneRowPerGroup(oneRowPerUnit))
                .setNumFolds(folds).setFoldCol(SplitPlan.FOLD).setParallelism(factory.settings().parallelism())
                .setCollectSubModels(true);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        CrossValidatorModel fitted = cv.fit(train);
        int best = argmax(fitted.avgMetrics());
        Model<?>[][] subModels = fitted.subModels();
        PipelineModel[] foldModels = new PipelineModel[folds];
        for (int f = 0; f < folds; f++) {
            foldModels[f] = (PipelineModel) subModels[f][best];
        }
        FittedFolds chosen = new FittedFolds(foldModels, (PipelineModel) fitted.bestModel());
        fittedFolds.put(name, chosen);
        return measure(name, classifier, grid, best, chosen, start, cpuStart);
    }

    /**
     * Scores a grid point's fold models on their validation folds and its refit on the training rows and
     * the hold-out set; {@code start} and {@code cpuStart} date the fitting, which ends here.
     */
    private ModelResult measure(String name, PipelineStage classifier, ParamMap[] grid, int best, FittedFolds fitted,
            long start, long cpuStart) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        int numClasses = factory.genres().length;
        TrackAggregator aggregator = aggregator();
        double[] accuracies = new double[folds];
        double[] macroF1 = new double[folds];
        ConfusionMatrix cvConfusion = new ConfusionMatrix(numClasses);
        List<TrackPredictions> outOfFold = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            // Each unit's probabilities by the fold model that did not see it: the calibration's input.
            TrackPredictions validation = aggregator.collect(
                    fitted.folds()[f].transform(train.filter(col(SplitPlan.FOLD).equalTo(f))), f);
            outOfFold.add(validation);
            ConfusionMatrix cm = validation.confusion(numClasses);
            ClassificationMetrics metrics = ClassificationMetrics.of(cm);
            accuracies[f] = metrics.accuracy();
            macroF1[f] = metrics.macroF1();
            cvConfusion.addAll(cm);
        }
        PipelineModel learned = fitted.all();
        double trainAccuracy = ClassificationMetrics.of(aggregator.confusion(learned.transform(train), numClasses))
                .accuracy();
        TrackPredictions heldOut = hasTest ? aggregator.collect(learned.transform(test), TrackPredictions.HELD_OUT)
                : null;
        ConfusionMatrix testConfusion = heldOut == null ? null : heldOut.confusion(numClasses);
        return new ModelResult(name, ParamGrids.describe(classifier, grid[best]), accuracies, macroF1, cvConfusion,
                trainAccuracy, testConfusion, seconds, cpuSeconds, grid.length, classifier, grid[best],
                factory.savedModel(learned, rawTrain), TrackPredictions.concat(outOfFold), heldOut);
    }

    /** CPU time of this JVM so far; local-mode executors run in it, so this is all the training's CPU. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        fittedFolds.clear();
        train.unpersist();
        test.unpersist();
    }
}
