package io.genrelake.ml;

import java.util.SplittableRandom;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Random Fourier features (Rahimi and Recht 2007; scikit-learn's RBFSampler): maps x to
 * z(x) = sqrt(2/D) cos(Wx + b) with W ~ N(0, 2γ) and b ~ U[0, 2π), so that z(x)·z(y) approximates the
 * RBF kernel exp(-γ|x-y|²). A linear model on z is then an approximate kernel machine that trains in
 * MLlib's distributed linear solvers. Fitting draws W and b (it needs only the input dimension);
 * the drawn numbers are the model's data, saved as Parquet, so a reloaded model maps identically.
 */
public final class RandomFourierFeatures extends Estimator<RandomFourierFeaturesModel>
        implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final IntParam numFeatures;
    private final DoubleParam gamma;
    private final LongParam seed;

    public RandomFourierFeatures() {
        this(Identifiable.randomUID("rff"));
    }

    public RandomFourierFeatures(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "input vector column");
        outputCol = new Param<>(this, "outputCol", "output column of the random features");
        numFeatures = new IntParam(this, "numFeatures", "number of random features D (>= 1)",
                ParamValidators.gtEq(1));
        gamma = new DoubleParam(this, "gamma", "RBF kernel width γ in exp(-γ|x-y|²); 0 means 1/(input dimension), "
                + "scikit-learn's gamma='scale' for standardised inputs", ParamValidators.gtEq(0));
        seed = new LongParam(this, "seed", "random seed of W and b");
        setDefault(inputCol, "features");
        setDefault(outputCol, "rff");
        setDefault(numFeatures, 2000);
        setDefault(gamma, 0.0);
        setDefault(seed, 42L);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public IntParam numFeatures() {
        return numFeatures;
    }

    public DoubleParam gamma() {
        return gamma;
    }

    public LongParam seed() {
        return seed;
    }

    public RandomFourierFeatures setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    public RandomFourierFeatures setOutputCol(String value) {
        set(outputCol, value);
        return this;
    }

    public RandomFourierFeatures setNumFeatures(int value) {
        set(numFeatures, value);
        return this;
    }

    public RandomFourierFeatures setGamma(double value) {
        set(gamma, value);
        return this;
    }

    public RandomFourierFeatures setSeed(long value) {
        set(seed, value);
        return this;
    }

    @Override
    public RandomFourierFeaturesModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        java.util.List<Row> first = dataset.select($(inputCol)).takeAsList(1);
        if (first.isEmpty()) {
            throw new IllegalArgumentException(uid + ": no rows to learn the input dimension from");
        }
        int inputSize = ((Vector) first.get(0).get(0)).size();
        return copyValues(draw(uid, inputSize, (Integer) $(numFeatures), (Double) $(gamma), (Long) $(seed)), ParamMap.empty())
                .setParent(this);
    }

    /** Draws W (D × d) and b for inputs of {@code inputSize} dimensions; the same seed gives the same numbers. */
    static RandomFourierFeaturesModel draw(String uid, int inputSize, int numFeatures, double gamma, long seed) {
        double g = gamma > 0 ? gamma : 1.0 / inputSize;
        double scale = Math.sqrt(2 * g);
        SplittableRandom random = new SplittableRandom(seed);
        double[][] weights = new double[numFeatures][inputSize];
        double[] offsets = new double[numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            for (int i = 0; i < inputSize; i++) {
                weights[j][i] = scale * gaussian(random);
            }
            offsets[j] = 2 * Math.PI * random.nextDouble();
        }
        return new RandomFourierFeaturesModel(uid, weights, offsets);
    }

    /** A standard normal draw (Box–Muller); SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: log stays finite
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return RandomFourierFeaturesModel.outputSchema(schema, uid, $(inputCol), $(outputCol));
    }

    @Override
    public RandomFourierFeatures copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<RandomFourierFeatures> read() {
        return new DefaultParamsReadable<RandomFourierFeatures>() {}.read();
    }

    public static RandomFourierFeatures load(String path) {
        return read().load(path);
    }
}
