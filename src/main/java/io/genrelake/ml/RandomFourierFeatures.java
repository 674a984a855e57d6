package io.genrelake.ml;

import java.util.SplittableRandom;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
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
        implements DefaultParamsWritable, RandomFourierFeaturesParams<RandomFourierFeatures> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final RandomFourierFeaturesParams.Set params;

    public RandomFourierFeatures() {
        this(Identifiable.randomUID("rff"));
    }

    public RandomFourierFeatures(String uid) {
        this.uid = uid;
        params = new RandomFourierFeaturesParams.Set(this, 2000); // D = 2000 unless set; a model defaults to its own D
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public RandomFourierFeaturesParams.Set randomFeatureParams() {
        return params;
    }

    public RandomFourierFeatures setNumFeatures(int value) {
        set(numFeatures(), value);
        return this;
    }

    public RandomFourierFeatures setGamma(double value) {
        set(gamma(), value);
        return this;
    }

    public RandomFourierFeatures setSeed(long value) {
        set(seed(), value);
        return this;
    }

    @Override
    public RandomFourierFeaturesModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        java.util.List<Row> first = dataset.select($(inputCol())).takeAsList(1);
        if (first.isEmpty()) {
            throw new IllegalArgumentException(uid + ": no rows to learn the input dimension from");
        }
        int inputSize = ((Vector) first.get(0).get(0)).size();
        RandomFourierFeaturesModel model = draw(uid, inputSize, (Integer) $(numFeatures()), (Double) $(gamma()),
                (Long) $(seed()));
        return copyValues(model, ParamMap.empty()).setParent(this);
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
        return RandomFourierFeaturesModel.outputSchema(schema, uid, $(inputCol()), $(outputCol()));
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
