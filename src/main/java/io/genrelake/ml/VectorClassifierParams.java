package io.genrelake.ml;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column parameters every classifier stage of this package shares, with MLlib's names and
 * defaults ({@code features}, {@code label}, {@code prediction}, {@code rawPrediction},
 * {@code probability}), so a pipeline wires our stages exactly like the built-in ones.
 *
 * <p>Why not extend MLlib's {@code ProbabilisticClassifier}: its Scala traits create their parameters
 * while the superclass is being constructed, before a Java subclass can set its uid, so every
 * parameter would belong to "null" and the stage could not be configured or copied. Our stages extend
 * {@code Estimator}/{@code Model} directly and create these parameters once the uid is set.
 */
public final class VectorClassifierParams implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final Param<String> featuresCol;
    final Param<String> labelCol;
    final Param<String> predictionCol;
    final Param<String> rawPredictionCol;
    final Param<String> probabilityCol;

    VectorClassifierParams(Params owner) {
        featuresCol = new Param<>(owner, "featuresCol", "features column name");
        labelCol = new Param<>(owner, "labelCol", "label column name (class indices 0, 1, ...)");
        predictionCol = new Param<>(owner, "predictionCol", "prediction column name (class index)");
        rawPredictionCol = new Param<>(owner, "rawPredictionCol", "raw prediction (class scores) column name");
        probabilityCol = new Param<>(owner, "probabilityCol", "column of the predicted class probabilities");
        owner.setDefault(featuresCol, "features");
        owner.setDefault(labelCol, "label");
        owner.setDefault(predictionCol, "prediction");
        owner.setDefault(rawPredictionCol, "rawPrediction");
        owner.setDefault(probabilityCol, "probability");
    }
}
