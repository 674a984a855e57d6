package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * CrossValidator's score: accuracy per group (track), after {@link TrackAggregator} has turned the
 * windows' predictions into one per group. MLlib's MulticlassClassificationEvaluator would score windows,
 * which would let a model that is right on many short windows of few tracks win.
 */
public final class TrackAccuracyEvaluator extends Evaluator implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> groupCol;
    private final Param<String> labelCol;
    private final Param<String> aggregation;
    private final BooleanParam oneRowPerGroup;

    public TrackAccuracyEvaluator() {
        this(Identifiable.randomUID("trackAccuracy"));
    }

    public TrackAccuracyEvaluator(String uid) {
        this.uid = uid;
        groupCol = new Param<>(this, "groupCol", "column naming the group (track) of each row");
        labelCol = new Param<>(this, "labelCol", "true class index column");
        aggregation = new Param<>(this, "aggregation", "mean (of probabilities) or vote",
                ParamValidators.inArray(new String[] {"mean", "vote"}));
        oneRowPerGroup = new BooleanParam(this, "oneRowPerGroup",
                "whether every group has exactly one row (then no aggregation is needed)");
        setDefault(oneRowPerGroup, false);
        setDefault(groupCol, TrainingTable.TRACK_ID);
        setDefault(labelCol, "label");
        setDefault(aggregation, "mean");
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> groupCol() {
        return groupCol;
    }

    public Param<String> labelCol() {
        return labelCol;
    }

    public Param<String> aggregation() {
        return aggregation;
    }

    public BooleanParam oneRowPerGroup() {
        return oneRowPerGroup;
    }

    public TrackAccuracyEvaluator setOneRowPerGroup(boolean value) {
        set(oneRowPerGroup, value);
        return this;
    }

    public TrackAccuracyEvaluator setGroupCol(String value) {
        set(groupCol, value);
        return this;
    }

    public TrackAccuracyEvaluator setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public TrackAccuracyEvaluator setAggregation(Aggregation value) {
        set(aggregation, value.cliName());
        return this;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        Dataset<Row> tracks = new TrackAggregator($(groupCol), $(labelCol), Aggregation.of($(aggregation)),
                (Boolean) $(oneRowPerGroup))
                .aggregate(dataset.toDF());
        List<Row> r = tracks.agg(
                org.apache.spark.sql.functions.avg(col($(labelCol)).cast("double").equalTo(col(TrackAggregator.PREDICTION))
                        .cast("double"))).collectAsList();
        return r.get(0).isNullAt(0) ? 0 : r.get(0).getDouble(0);
    }

    @Override
    public boolean isLargerBetter() {
        return true;
    }

    @Override
    public TrackAccuracyEvaluator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<TrackAccuracyEvaluator> read() {
        return new DefaultParamsReadable<TrackAccuracyEvaluator>() {}.read();
    }
}
