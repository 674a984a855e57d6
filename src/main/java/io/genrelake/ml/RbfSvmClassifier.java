package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An RBF-kernel SVM, which MLlib lacks, approximated as scikit-learn's RBFSampler + LinearSVC do:
 * {@link RandomFourierFeatures} map the features so that their dot product approximates the RBF
 * kernel, and linear SVMs (squared hinge, L2) are trained one-vs-rest on the mapped rows by
 * {@link OneVsRestSvmTrainer}, every class in the same pass over the data. Class scores are the
 * per-class margins; probabilities are softmax(T · margins), the temperature T fitted on a held-out part
 * of the training rows ({@link SoftmaxTemperature}; {@code calibrationFraction}, grouped by {@code groupCol}
 * so that the windows of one track stay on one side), then the SVMs are refitted on every row. Without
 * calibration (fraction 0) T = 1 and the probabilities are nearly flat, which lets better-calibrated models
 * outvote the SVM in an ensemble.
 *
 * <p>{@code regParam} is MLlib's λ; scikit-learn's C corresponds to λ = 1/(C·n) for n training rows.
 */
public final class RbfSvmClassifier extends VectorClassifier<RbfSvmClassifier, RbfSvmModel>
        implements DefaultParamsWritable, RbfSvmParams {
    private static final long serialVersionUID = 1L;

    private static final String MAPPED_COL = "rbfsvm_random_features";

    private final RbfSvmParams.Set params;
    private final DoubleParam calibrationFraction;
    private final Param<String> groupCol;

    public RbfSvmClassifier() {
        this(Identifiable.randomUID("rbfsvm"));
    }

    public RbfSvmClassifier(String uid) {
        super(uid);
        params = new RbfSvmParams.Set(this);
        setDefault(numFeatures(), 2000);
        setDefault(gamma(), 0.0);
        setDefault(regParam(), 1e-4);
        setDefault(maxIter(), 100);
        setDefault(tol(), 1e-5);
        calibrationFraction = new DoubleParam(this, "calibrationFraction", "fraction of the training rows held out "
                + "to fit the probability temperature, in [0, 0.5] (0: no calibration, T = 1)",
                ParamValidators.inRange(0, 0.5));
        groupCol = new Param<>(this, "groupCol", "column whose values stay on one side of the calibration split "
                + "(the track id); empty or absent: rows split at random");
        setDefault(seed(), 42L);
        setDefault(calibrationFraction, 0.2);
        setDefault(groupCol, "");
    }

    @Override
    public RbfSvmParams.Set rbfSvmParams() {
        return params;
    }

    public DoubleParam calibrationFraction() {
        return calibrationFraction;
    }

    public Param<String> groupCol() {
        return groupCol;
    }

    public RbfSvmClassifier setCalibrationFraction(double value) {
        set(calibrationFraction, value);
        return this;
    }

    public RbfSvmClassifier setGroupCol(String value) {
        set(groupCol, value);
        return this;
    }

    public RbfSvmClassifier setNumFeatures(int value) {
        set(numFeatures(), value);
        return this;
    }

    public RbfSvmClassifier setGamma(double value) {
        set(gamma(), value);
        return this;
    }

    public RbfSvmClassifier setRegParam(double value) {
        set(regParam(), value);
        return this;
    }

    public RbfSvmClassifier setMaxIter(int value) {
        set(maxIter(), value);
        return this;
    }

    public RbfSvmClassifier setTol(double value) {
        set(tol(), value);
        return this;
    }

    public RbfSvmClassifier setSeed(long value) {
        set(seed(), value);
        return this;
    }

    @Override
    public RbfSvmModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        requireLabel(dataset.schema());
        int numClasses = numClasses(dataset);
        RandomFourierFeaturesModel features = new RandomFourierFeatures(uid() + "_rff")
                .setInputCol(getFeaturesCol()).setOutputCol(MAPPED_COL)
                .setNumFeatures((Integer) $(numFeatures())).setGamma((Double) $(gamma())).setSeed((Long) $(seed()))
                .fit(dataset);
        double temperature = 1;
        double fraction = (Double) $(calibrationFraction);
        if (fraction > 0) {
            Dataset<?>[] parts = calibrationSplit(dataset, fraction);
            OneVsRestSvmTrainer.Weights held = train(parts[0], features, numClasses);
            List<Row> rows = parts[1].select(col(getFeaturesCol()), col(getLabelCol()).cast("double")).collectAsList();
            double[][] margins = new double[rows.size()][];
            int[] labels = new int[rows.size()];
            RbfSvmModel partial = new RbfSvmModel(uid(), features, held.coefficients(), held.intercepts(), 1);
            for (int i = 0; i < rows.size(); i++) {
                margins[i] = partial.predictRaw((Vector) rows.get(i).get(0));
                labels[i] = (int) rows.get(i).getDouble(1);
            }
            temperature = SoftmaxTemperature.fit(margins, labels);
        }
        OneVsRestSvmTrainer.Weights weights = train(dataset, features, numClasses);
        RbfSvmModel model = new RbfSvmModel(uid(), features, weights.coefficients(), weights.intercepts(), temperature);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    /** [rows to train on, rows to calibrate on]: whole groups (tracks) on one side when groupCol is there. */
    private Dataset<?>[] calibrationSplit(Dataset<?> dataset, double fraction) {
        long salt = (Long) $(seed());
        String group = $(groupCol);
        Column key = !group.isEmpty() && java.util.Arrays.asList(dataset.columns()).contains(group)
                ? col(group) : monotonically_increasing_id();
        // a hash of the key and the seed, uniform in [0, 1): the same split on every run
        Column u = pmod(xxhash64(key.cast("string"), lit(salt)), lit(1_000_000L)).divide(1e6);
        return new Dataset<?>[] {dataset.filter(u.geq(fraction)), dataset.filter(u.lt(fraction))};
    }

    private OneVsRestSvmTrainer.Weights train(Dataset<?> dataset, RandomFourierFeaturesModel features, int numClasses) {
        JavaRDD<OneVsRestSvmTrainer.Row> rows = dataset.select(col(getFeaturesCol()), col(getLabelCol()).cast("double"))
                .toJavaRDD()
                .map(r -> new OneVsRestSvmTrainer.Row((int) r.getDouble(1), features.map(((Vector) r.get(0)).toArray())))
                .cache();
        try {
            return new OneVsRestSvmTrainer(numClasses, features.outputSize(), (Double) $(regParam()),
                    (Integer) $(maxIter()), (Double) $(tol())).train(rows);
        } finally {
            rows.unpersist(false);
        }
    }

    @Override
    public RbfSvmClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<RbfSvmClassifier> read() {
        return new DefaultParamsReadable<RbfSvmClassifier>() {}.read();
    }

    public static RbfSvmClassifier load(String path) {
        return read().load(path);
    }
}
