package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link RbfSvmClassifier}: its random Fourier features and one linear SVM (weights over the
 * random features, intercept) per class. Saved as metadata, {@code features/} (the Fourier features,
 * a {@link RandomFourierFeaturesModel}) and {@code data/} (one row per class).
 */
public final class RbfSvmModel extends VectorClassificationModel<RbfSvmModel> implements MLWritable, RbfSvmParams {
    private static final long serialVersionUID = 1L;

    /** The estimator's params, kept so the saved model records how it was trained. */
    private final RbfSvmParams.Set params;
    private final RandomFourierFeaturesModel features;
    private final double[][] coefficients;
    private final double[] intercepts;
    /** T in softmax(T · margins), fitted on held-out rows (1: uncalibrated). */
    private final double temperature;

    RbfSvmModel(String uid, RandomFourierFeaturesModel features, double[][] coefficients, double[] intercepts,
            double temperature) {
        super(uid);
        this.features = features;
        this.coefficients = coefficients;
        this.intercepts = intercepts;
        this.temperature = temperature;
        this.params = new RbfSvmParams.Set(this);
    }

    @Override
    public RbfSvmParams.Set rbfSvmParams() {
        return params;
    }

    /** The random Fourier features the SVMs read. */
    public RandomFourierFeaturesModel randomFeatures() {
        return features;
    }

    @Override
    public int numClasses() {
        return coefficients.length;
    }

    @Override
    public double[] predictRaw(Vector x) {
        double[] z = features.map(x.toArray());
        double[] margins = new double[coefficients.length];
        for (int c = 0; c < coefficients.length; c++) {
            double m = intercepts[c];
            double[] w = coefficients[c];
            for (int j = 0; j < z.length; j++) {
                m += w[j] * z[j];
            }
            margins[c] = m;
        }
        return margins;
    }

    /** The probability temperature: probabilities are softmax(temperature · margins). */
    public double temperature() {
        return temperature;
    }

    @Override
    protected double[] rawToProbability(double[] raw) {
        double[] scaled = new double[raw.length];
        for (int c = 0; c < raw.length; c++) {
            scaled[c] = temperature * raw[c];
        }
        return softmax(scaled);
    }

    @Override
    public RbfSvmModel copy(ParamMap extra) {
        return copyValues(new RbfSvmModel(uid(), features, coefficients, intercepts, temperature), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<RbfSvmModel> read() {
        return new Reader();
    }

    public static RbfSvmModel load(String path) {
        return read().load(path);
    }

    private static final StructType DATA_SCHEMA = new StructType()
            .add("class", DataTypes.IntegerType, false)
            .add("coefficients", SQLDataTypes.VectorType(), false)
            .add("intercept", DataTypes.DoubleType, false)
            .add("temperature", DataTypes.DoubleType, false);

    private static final class Writer extends MLWriter {
        private final RbfSvmModel model;

        Writer(RbfSvmModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            try {
                model.features.write().session(sparkSession()).save(new Path(path, "features").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot save the Fourier features under " + path, e);
            }
            List<Row> rows = new ArrayList<>();
            for (int c = 0; c < model.coefficients.length; c++) {
                rows.add(RowFactory.create(c, Vectors.dense(model.coefficients[c]), model.intercepts[c], model.temperature));
            }
            StageStore.saveData(sparkSession().createDataFrame(rows, DATA_SCHEMA), path, "data");
        }
    }

    private static final class Reader extends MLReader<RbfSvmModel> {
        @Override
        public RbfSvmModel load(String path) {
            String className = RbfSvmModel.class.getName();
            String uid = StageStore.uid(path, sparkSession(), className);
            RandomFourierFeaturesModel features = RandomFourierFeaturesModel.read().session(sparkSession())
                    .load(new Path(path, "features").toString());
            Dataset<Row> data = StageStore.loadData(sparkSession(), path, "data").orderBy("class");
            // models saved before calibration existed have no temperature: their probabilities used T = 1
            boolean calibrated = java.util.Arrays.asList(data.columns()).contains("temperature");
            List<Row> rows = data.select(col("coefficients"), col("intercept"),
                    calibrated ? col("temperature") : lit(1.0)).collectAsList();
            double[][] coefficients = new double[rows.size()][];
            double[] intercepts = new double[rows.size()];
            for (int c = 0; c < rows.size(); c++) {
                coefficients[c] = ((Vector) rows.get(c).get(0)).toArray();
                intercepts[c] = rows.get(c).getDouble(1);
            }
            double temperature = rows.isEmpty() ? 1 : rows.get(0).getDouble(2);
            return StageStore.loadParams(new RbfSvmModel(uid, features, coefficients, intercepts, temperature), path,
                    sparkSession(), className);
        }
    }
}
