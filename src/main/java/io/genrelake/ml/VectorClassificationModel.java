package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Base of this package's fitted classifiers: from a features vector, class scores
 * ({@code rawPrediction}), class probabilities ({@code probability}) and the class index
 * ({@code prediction}), the three columns MLlib's probabilistic classifiers write.
 */
public abstract class VectorClassificationModel<M extends VectorClassificationModel<M>> extends Model<M>
        implements ClassifierColumns<M> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final VectorClassifierParams columns;

    protected VectorClassificationModel(String uid) {
        this.uid = uid;
        this.columns = new VectorClassifierParams(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public VectorClassifierParams columnParams() {
        return columns;
    }


    /** The number of classes the model scores. */
    public abstract int numClasses();

    /** The class scores of one row (larger is likelier). */
    public abstract double[] predictRaw(Vector features);

    /** Turns the scores of one row into probabilities that sum to 1. */
    protected abstract double[] rawToProbability(double[] raw);

    /** The probabilities of one row. */
    public double[] predictProbability(Vector features) {
        return rawToProbability(predictRaw(features));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        // Scores are computed once per row: marking the UDF non-deterministic keeps the optimiser from
        // inlining it into each of the three output expressions (kNN scores cost a pass over the data).
        UserDefinedFunction raw = udf((UDF1<Vector, Vector>) v -> new DenseVector(predictRaw(v)),
                SQLDataTypes.VectorType()).asNondeterministic();
        UserDefinedFunction probability = udf(
                (UDF1<Vector, Vector>) r -> new DenseVector(rawToProbability(r.toArray())),
                SQLDataTypes.VectorType());
        UserDefinedFunction prediction = udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
                DataTypes.DoubleType);
        String rawCol = $(rawPredictionCol());
        String probabilityCol = $(probabilityCol());
        Dataset<Row> scored = dataset.withColumn(rawCol, raw.apply(col(getFeaturesCol())));
        scored = scored.withColumn(probabilityCol, probability.apply(col(rawCol)));
        return scored.withColumn($(predictionCol()), prediction.apply(col(probabilityCol)));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, uid, getFeaturesCol(), $(rawPredictionCol()), $(probabilityCol()),
                $(predictionCol()));
    }

    static StructType outputSchema(StructType schema, String stage, String featuresCol, String rawCol,
            String probabilityCol, String predictionCol) {
        if (!Arrays.asList(schema.fieldNames()).contains(featuresCol)) {
            throw new IllegalArgumentException(stage + ": features column '" + featuresCol + "' not found");
        }
        if (!(schema.apply(featuresCol).dataType() instanceof VectorUDT)) {
            throw new IllegalArgumentException(stage + ": features column '" + featuresCol
                    + "' must be a vector, is " + schema.apply(featuresCol).dataType().simpleString());
        }
        for (String out : new String[] {rawCol, probabilityCol, predictionCol}) {
            if (Arrays.asList(schema.fieldNames()).contains(out)) {
                throw new IllegalArgumentException(stage + ": output column '" + out + "' already exists");
            }
        }
        return schema.add(VectorClassifier.vectorField(rawCol))
                .add(VectorClassifier.vectorField(probabilityCol))
                .add(new StructField(predictionCol, DataTypes.DoubleType, false,
                        org.apache.spark.sql.types.Metadata.empty()));
    }

    /** Softmax, shifted by the maximum so large scores do not overflow. */
    static double[] softmax(double[] scores) {
        double[] p = new double[scores.length];
        softmax(scores, p);
        return p;
    }

    /** out = softmax(scores), without allocating. */
    static void softmax(double[] scores, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            out[i] = Math.exp(scores[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
    }
}
