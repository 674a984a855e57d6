package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
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

    /**
     * @param oneRowPerUnit whether each unit (track, or segment under the leaky protocol) is one row, so
     *                      scoring needs no aggregation
     */
    public ModelSelection(PipelineFactory factory, SplitPlan split, int folds, Aggregation aggregation,
            boolean oneRowPerUnit, boolean quickGrids) {
        this.quickGrids = quickGrids;
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
        return factory.preprocess(rows).select(col(SplitPlan.UNIT), col(SplitPlan.FOLD),
                col(PipelineFactory.LABEL_INDEX), col(PipelineFactory.ASSEMBLED));
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
        return run(kind.cliName(), classifier, grid);
    }

    /** Cross-validates the soft-voting ensemble of already selected models, each at its chosen grid point. */
    public ModelResult runEnsemble(List<ModelResult> members) {
        List<String> names = new ArrayList<>();
        List<Estimator<?>> estimators = new ArrayList<>();
        for (ModelResult m : members) {
            names.add(m.name());
            estimators.add((Estimator<?>) m.classifier().copy(m.bestParams()));
        }
        ProbabilityEnsemble ensemble = factory.ensemble(names, estimators);
        return run(ModelKind.ENSEMBLE.cliName(), ensemble, new ParamMap[] {ParamMap.empty()});
    }

    private ModelResult run(String name, PipelineStage classifier, ParamMap[] grid) {
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
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        int best = argmax(fitted.avgMetrics());
        int numClasses = factory.genres().length;
        TrackAggregator aggregator = aggregator();
        double[] accuracies = new double[folds];
        double[] macroF1 = new double[folds];
        ConfusionMatrix cvConfusion = new ConfusionMatrix(numClasses);
        Model<?>[][] subModels = fitted.subModels();
        for (int f = 0; f < folds; f++) {
            PipelineModel sub = (PipelineModel) subModels[f][best];
            ConfusionMatrix cm = aggregator.confusion(sub.transform(train.filter(col(SplitPlan.FOLD).equalTo(f))),
                    numClasses);
            ClassificationMetrics metrics = ClassificationMetrics.of(cm);
            accuracies[f] = metrics.accuracy();
            macroF1[f] = metrics.macroF1();
            cvConfusion.addAll(cm);
        }
        PipelineModel learned = (PipelineModel) fitted.bestModel();
        double trainAccuracy = ClassificationMetrics.of(aggregator.confusion(learned.transform(train), numClasses))
                .accuracy();
        ConfusionMatrix testConfusion = hasTest ? aggregator.confusion(learned.transform(test), numClasses) : null;
        return new ModelResult(name, ParamGrids.describe(classifier, grid[best]), accuracies, macroF1, cvConfusion,
                trainAccuracy, testConfusion, seconds, cpuSeconds, grid.length, classifier, grid[best],
                factory.savedModel(learned, rawTrain));
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
        train.unpersist();
        test.unpersist();
    }
}
