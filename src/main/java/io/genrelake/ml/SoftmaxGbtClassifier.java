package io.genrelake.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

/**
 * Multinomial gradient-boosted trees ({@link BoostedTrees}: scikit-learn's GradientBoostingClassifier, one
 * tree per class and round on the softmax log-loss), which MLlib lacks: its GBTClassifier is binary, so
 * ten genres need ten one-vs-rest boosters whose rounds each cost Spark jobs. Fitting collects the rows to
 * the driver and grows the trees there (each level is one pass over every presorted feature), so it is
 * meant for feature tables that fit in memory — hundreds of thousands of rows.
 */
public final class SoftmaxGbtClassifier extends VectorClassifier<SoftmaxGbtClassifier, SoftmaxGbtModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final IntParam maxIter;
    private final DoubleParam stepSize;
    private final IntParam maxDepth;

    public SoftmaxGbtClassifier() {
        this(Identifiable.randomUID("softmaxgbt"));
    }

    public SoftmaxGbtClassifier(String uid) {
        super(uid);
        maxIter = new IntParam(this, "maxIter", "boosting rounds, each one tree per class (>= 1)", ParamValidators.gtEq(1));
        stepSize = new DoubleParam(this, "stepSize", "learning rate each tree is scaled by, in (0, 1]",
                ParamValidators.inRange(0, 1, false, true));
        maxDepth = new IntParam(this, "maxDepth", "depth of each tree (1..12)", ParamValidators.inRange(1, 12));
        // scikit-learn's peer on GTZAN (../shared/reference/sklearn_baseline.md): 300 rounds, learning rate 0.2,
        // depth 3 (its default); on GTZAN 300 rounds beat 100 and 150 (docs/benchmarks.md)
        setDefault(maxIter, 300);
        setDefault(stepSize, 0.2);
        setDefault(maxDepth, 3);
    }

    public IntParam maxIter() {
        return maxIter;
    }

    public DoubleParam stepSize() {
        return stepSize;
    }

    public IntParam maxDepth() {
        return maxDepth;
    }

    public SoftmaxGbtClassifier setMaxIter(int value) {
        set(maxIter, value);
        return this;
    }

    public SoftmaxGbtClassifier setStepSize(double value) {
        set(stepSize, value);
        return this;
    }

    public SoftmaxGbtClassifier setMaxDepth(int value) {
        set(maxDepth, value);
        return this;
    }

    @Override
    public SoftmaxGbtModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        requireLabel(dataset.schema());
        int numClasses = numClasses(dataset);
        LocalRows rows = collectRows(dataset);
        BoostedTrees trees = BoostedTrees.fit(rows.features(), rows.labels(), Math.max(2, numClasses),
                (Integer) $(maxIter), (Double) $(stepSize), (Integer) $(maxDepth));
        SoftmaxGbtModel model = new SoftmaxGbtModel(uid(), trees);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    @Override
    public SoftmaxGbtClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<SoftmaxGbtClassifier> read() {
        return new DefaultParamsReadable<SoftmaxGbtClassifier>() {}.read();
    }

    public static SoftmaxGbtClassifier load(String path) {
        return read().load(path);
    }
}
