package io.genrelake.ml;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The hyper-parameter grid cross-validation searches for each model. Every grid point costs
 * folds + 1 fits and MLlib's iterative learners spend most of a fit on per-job overhead, so the grids
 * search where it paid on GTZAN (regularisation of LR and the RBF-SVM, k and weighting of kNN, depth and
 * impurity of the tree) and fix the rest at values measured there (docs/benchmarks.md).
 */
public final class ParamGrids {

    /** Column-name params: plumbing, not hyper-parameters, left out of descriptions. */
    private static final Set<String> PLUMBING = Set.of("featuresCol", "labelCol", "predictionCol",
            "rawPredictionCol", "probabilityCol", "weightCol", "leafCol", "thresholds", "classifier");

    private ParamGrids() {}

    /**
     * The grid for a classifier made by {@link PipelineFactory#classifier}.
     *
     * @param inputSize    dimension the classifier sees (57, or the PCA components)
     * @param numClasses   number of genres
     * @param trainingRows rows in each cross-validation training set, to turn an SVM's C into MLlib's λ
     */
    public static ParamMap[] of(ModelKind kind, PipelineStage classifier, int inputSize, int numClasses,
            long trainingRows) {
        return of(kind, classifier, inputSize, numClasses, trainingRows, false);
    }

    /**
     * As above; {@code quick} gives a single point, the factory's defaults (for a fast look, and tests).
     */
    public static ParamMap[] of(ModelKind kind, PipelineStage classifier, int inputSize, int numClasses,
            long trainingRows, boolean quick) {
        if (quick) {
            return new ParamMap[] {ParamMap.empty()};
        }
        ParamGridBuilder grid = new ParamGridBuilder();
        switch (kind) {
            case LR -> {
                LogisticRegression lr = (LogisticRegression) classifier;
                grid.addGrid(lr.regParam(), new double[] {0.002, 0.008});
            }
            case RF -> {
                RandomForestClassifier rf = (RandomForestClassifier) classifier;
                grid.addGrid(rf.maxDepth(), new int[] {14});
            }
            case GBT -> {
                GBTClassifier gbt = (GBTClassifier) (Object) ((OneVsRest) classifier).getClassifier();
                grid.addGrid(gbt.maxDepth(), new int[] {4});
            }
            case GBM -> {
                SoftmaxGbtClassifier gbm = (SoftmaxGbtClassifier) classifier;
                // the defaults are scikit-learn's peer (300 rounds, learning rate 0.2, depth 3): one point
                grid.addGrid(gbm.maxDepth(), new int[] {3});
            }
            case SVC -> {
                LinearSVC svc = (LinearSVC) (Object) ((OneVsRest) classifier).getClassifier();
                grid.addGrid(svc.regParam(), new double[] {0.01});
            }
            case MLP -> {
                MultilayerPerceptronClassifier mlp = (MultilayerPerceptronClassifier) classifier;
                grid.addGrid(mlp.layers(), CollectionConverters.asScala(java.util.List.of(
                        new int[] {inputSize, 256, numClasses})).toSeq());
            }
            case DT -> {
                DecisionTreeClassifier dt = (DecisionTreeClassifier) classifier;
                grid.addGrid(dt.maxDepth(), new int[] {6, 10})
                        .addGrid(dt.impurity(), CollectionConverters.asScala(java.util.List.of("gini", "entropy")));
            }
            case KNN -> {
                KnnClassifier knn = (KnnClassifier) classifier;
                grid.addGrid(knn.k(), new int[] {1, 5, 10, 15})
                        .addGrid(knn.weighting(), CollectionConverters.asScala(java.util.List.of("uniform", "distance")));
            }
            case RBFSVM -> {
                RbfSvmClassifier svm = (RbfSvmClassifier) classifier;
                // scikit-learn's C = 10 and 30 at this training size, γ = 0.5/d (d = input size): on GTZAN with
                // log-variances, RBFSampler + LinearSVC did best at C = 10, γ = 0.5/d (77.5%; 1/d: 76.2%).
                grid.addGrid(svm.regParam(), new double[] {1.0 / (10 * trainingRows), 1.0 / (30 * trainingRows)})
                        .addGrid(svm.gamma(), new double[] {0.5 / inputSize});
            }
            case CNN, LSTM, ENSEMBLE -> { } // one point: a network's fit costs minutes (docs/benchmarks.md)
        }
        return grid.build();
    }

    /**
     * The hyper-parameters a grid point gives the classifier, with the fixed ones it was built with,
     * as name → value (one-vs-rest models report their binary classifier's).
     */
    public static Map<String, Object> describe(PipelineStage classifier, ParamMap point) {
        Params configured = classifier.copy(point);
        if (configured instanceof OneVsRest ovr) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("strategy", "one-vs-rest");
            inner.putAll(setParams(ovr.getClassifier()));
            return inner;
        }
        if (configured instanceof ProbabilityEnsemble ensemble) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("members", java.util.Arrays.asList(ensemble.getOrDefault(ensemble.memberNames())));
            return out;
        }
        return setParams(configured);
    }

    private static Map<String, Object> setParams(Params stage) {
        Map<String, Object> out = new java.util.TreeMap<>();
        for (ParamPair<?> pair : CollectionConverters.asJava(stage.extractParamMap().toSeq())) {
            String name = pair.param().name();
            if (PLUMBING.contains(name) || !stage.isSet(pair.param())) {
                continue;
            }
            Object value = pair.value();
            if (value instanceof int[] ints) {
                value = java.util.Arrays.stream(ints).boxed().toList();
            } else if (value instanceof double[] doubles) {
                value = java.util.Arrays.stream(doubles).boxed().toList();
            } else if (value instanceof String[] strings) {
                value = java.util.Arrays.asList(strings);
            }
            out.put(name, value);
        }
        return out;
    }
}
