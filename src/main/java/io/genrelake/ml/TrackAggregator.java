package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns window predictions into one prediction per group (a track; a segment under the leaky
 * protocol): the mean of the windows' class probabilities, or a majority vote of their predicted
 * classes. Models without probabilities (one-vs-rest) contribute the softmax of their class scores.
 *
 * <p>Output columns: the group column, {@code label} (the true class index, when the input has it),
 * {@code probability} (mean probabilities, or vote shares), {@code prediction} (class index).
 */
public final class TrackAggregator {

    public static final String PROBABILITY = "probability";
    public static final String RAW_PREDICTION = "rawPrediction";
    public static final String PREDICTION = "prediction";

    private final String groupCol;
    private final String labelCol;
    private final Aggregation aggregation;
    private final boolean oneRowPerGroup;

    public TrackAggregator(String groupCol, String labelCol, Aggregation aggregation) {
        this(groupCol, labelCol, aggregation, false);
    }

    /**
     * @param oneRowPerGroup promise that every group has exactly one row (a whole-clip table, or segments
     *                       under the leaky protocol): then rows are groups and no shuffle is needed
     */
    public TrackAggregator(String groupCol, String labelCol, Aggregation aggregation, boolean oneRowPerGroup) {
        this.groupCol = groupCol;
        this.labelCol = labelCol;
        this.aggregation = aggregation;
        this.oneRowPerGroup = oneRowPerGroup;
    }

    /** Per-group predictions of a model's output. */
    public Dataset<Row> aggregate(Dataset<Row> predictions) {
        List<String> columns = Arrays.asList(predictions.columns());
        Dataset<Row> scored;
        if (columns.contains(PROBABILITY)) {
            scored = predictions.withColumn("_scores", col(PROBABILITY));
        } else if (columns.contains(RAW_PREDICTION)) {
            scored = predictions.withColumn("_scores", udf((UDF1<Vector, Vector>) raw -> new DenseVector(
                    VectorClassificationModel.softmax(raw.toArray())), SQLDataTypes.VectorType())
                    .apply(col(RAW_PREDICTION)));
        } else {
            throw new IllegalArgumentException("predictions have neither " + PROBABILITY + " nor " + RAW_PREDICTION
                    + " column: " + columns);
        }
        boolean hasLabel = columns.contains(labelCol);
        if (oneRowPerGroup) {
            // A single window's vote and its probabilities agree: both aggregations are the row itself.
            Dataset<Row> rows = hasLabel ? scored.select(col(groupCol), col(labelCol), col("_scores").as(PROBABILITY))
                    : scored.select(col(groupCol), col("_scores").as(PROBABILITY));
            return rows.withColumn(PREDICTION, udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
                    DataTypes.DoubleType).apply(col(PROBABILITY)));
        }
        var mean = Summarizer.mean(col("_scores")).as("_mean");
        Dataset<Row> grouped;
        if (aggregation == Aggregation.MEAN) {
            grouped = hasLabel
                    ? scored.groupBy(groupCol).agg(first(col(labelCol)).as(labelCol), mean)
                    : scored.groupBy(groupCol).agg(mean);
            grouped = grouped.withColumnRenamed("_mean", PROBABILITY);
        } else {
            // One-hot of each window's prediction; their mean is the vote share of each class.
            Dataset<Row> votes = scored.withColumn("_vote", udf((UDF2<Vector, Double, Vector>) (s, p) -> {
                double[] v = new double[s.size()];
                v[(int) Math.round(p)] = 1;
                return new DenseVector(v);
            }, SQLDataTypes.VectorType()).apply(col("_scores"), col(PREDICTION)));
            var share = Summarizer.mean(col("_vote")).as("_share");
            grouped = hasLabel
                    ? votes.groupBy(groupCol).agg(first(col(labelCol)).as(labelCol), share, mean)
                    : votes.groupBy(groupCol).agg(share, mean);
            // Ties in the vote go to the higher mean probability: it is added at a weight no vote share can match.
            grouped = grouped.withColumn(PROBABILITY, udf((UDF2<Vector, Vector, Vector>) (v, m) -> {
                double[] s = v.toArray().clone();
                double[] p = m.toArray();
                for (int i = 0; i < s.length; i++) {
                    s[i] += 1e-9 * p[i];
                }
                return new DenseVector(s);
            }, SQLDataTypes.VectorType()).apply(col("_share"), col("_mean"))).drop("_share", "_mean");
        }
        return grouped.withColumn(PREDICTION, udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
                DataTypes.DoubleType).apply(col(PROBABILITY)));
    }

    /**
     * Collects each group's id, probabilities and true class on the driver, all marked as predicted in
     * {@code fold} (a validation fold, or {@link TrackPredictions#HELD_OUT}).
     */
    public TrackPredictions collect(Dataset<Row> predictions, int fold) {
        List<Row> rows = aggregate(predictions).select(col(groupCol).cast("string"), col(labelCol).cast("double"),
                col(PROBABILITY)).collectAsList();
        String[] units = new String[rows.size()];
        double[][] probabilities = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        int[] folds = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            units[i] = rows.get(i).getString(0);
            labels[i] = (int) rows.get(i).getDouble(1);
            probabilities[i] = ((Vector) rows.get(i).get(2)).toArray();
            folds[i] = fold;
        }
        return new TrackPredictions(units, probabilities, labels, folds);
    }

    /** Collects (true, predicted) class index pairs into a confusion matrix of {@code numClasses}. */
    public ConfusionMatrix confusion(Dataset<Row> predictions, int numClasses) {
        ConfusionMatrix matrix = new ConfusionMatrix(numClasses);
        for (Row r : aggregate(predictions).select(col(labelCol).cast("double"), col(PREDICTION)).collectAsList()) {
            matrix.add((int) r.getDouble(0), (int) r.getDouble(1));
        }
        return matrix;
    }
}
