package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A fitted {@link RandomFourierFeatures}: the drawn W (D × d) and b (D). */
public final class RandomFourierFeaturesModel extends Model<RandomFourierFeaturesModel>
        implements MLWritable, RandomFourierFeaturesParams<RandomFourierFeaturesModel> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final RandomFourierFeaturesParams.Set params;
    private final double[][] weights;
    private final double[] offsets;

    RandomFourierFeaturesModel(String uid, double[][] weights, double[] offsets) {
        this.uid = uid;
        this.weights = weights;
        this.offsets = offsets;
        params = new RandomFourierFeaturesParams.Set(this, weights.length);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public RandomFourierFeaturesParams.Set randomFeatureParams() {
        return params;
    }

    /** Input dimension d. */
    public int inputSize() {
        return weights.length == 0 ? 0 : weights[0].length;
    }

    /** Output dimension D. */
    public int outputSize() {
        return weights.length;
    }

    /** z(x) = sqrt(2/D) cos(Wx + b). */
    public double[] map(double[] x) {
        if (x.length != inputSize()) {
            throw new IllegalArgumentException(uid + ": input has " + x.length + " dimensions, the model "
                    + inputSize());
        }
        double norm = Math.sqrt(2.0 / weights.length);
        double[] z = new double[weights.length];
        for (int j = 0; j < weights.length; j++) {
            double[] w = weights[j];
            double dot = offsets[j];
            for (int i = 0; i < x.length; i++) {
                dot += w[i] * x[i];
            }
            z[j] = norm * Math.cos(dot);
        }
        return z;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        return dataset.withColumn($(outputCol()), udf((UDF1<Vector, Vector>) v -> new DenseVector(map(v.toArray())),
                SQLDataTypes.VectorType()).apply(col($(inputCol()))));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, uid, $(inputCol()), $(outputCol()));
    }

    static StructType outputSchema(StructType schema, String stage, String input, String output) {
        if (!Arrays.asList(schema.fieldNames()).contains(input)) {
            throw new IllegalArgumentException(stage + ": input column '" + input + "' not found");
        }
        if (!(schema.apply(input).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException(stage + ": input column '" + input + "' must be a vector");
        }
        if (Arrays.asList(schema.fieldNames()).contains(output)) {
            throw new IllegalArgumentException(stage + ": output column '" + output + "' already exists");
        }
        return schema.add(VectorClassifier.vectorField(output));
    }

    @Override
    public RandomFourierFeaturesModel copy(ParamMap extra) {
        return copyValues(new RandomFourierFeaturesModel(uid, weights, offsets), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<RandomFourierFeaturesModel> read() {
        return new Reader();
    }

    public static RandomFourierFeaturesModel load(String path) {
        return read().load(path);
    }

    private static final StructType DATA_SCHEMA = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("weights", SQLDataTypes.VectorType(), false)
            .add("offset", DataTypes.DoubleType, false);

    /** Writes one row per random feature j: its row of W and its offset b_j. */
    static void saveData(RandomFourierFeaturesModel model, String path, org.apache.spark.sql.SparkSession spark) {
        List<Row> rows = new ArrayList<>(model.weights.length);
        for (int j = 0; j < model.weights.length; j++) {
            rows.add(RowFactory.create(j, Vectors.dense(model.weights[j]), model.offsets[j]));
        }
        StageStore.saveData(spark.createDataFrame(rows, DATA_SCHEMA), path, "data");
    }

    private static final class Writer extends MLWriter {
        private final RandomFourierFeaturesModel model;

        Writer(RandomFourierFeaturesModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            saveData(model, path, sparkSession());
        }
    }

    private static final class Reader extends MLReader<RandomFourierFeaturesModel> {
        @Override
        public RandomFourierFeaturesModel load(String path) {
            String className = RandomFourierFeaturesModel.class.getName();
            String uid = StageStore.uid(path, sparkSession(), className);
            List<Row> rows = StageStore.loadData(sparkSession(), path, "data").orderBy("index")
                    .select("weights", "offset").collectAsList();
            double[][] weights = new double[rows.size()][];
            double[] offsets = new double[rows.size()];
            for (int j = 0; j < rows.size(); j++) {
                weights[j] = ((Vector) rows.get(j).get(0)).toArray();
                offsets[j] = rows.get(j).getDouble(1);
            }
            return StageStore.loadParams(new RandomFourierFeaturesModel(uid, weights, offsets), path,
                    sparkSession(), className);
        }
    }
}
