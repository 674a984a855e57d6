package io.genrelake.ml;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The column parameters of every classifier stage of this package (features, label, prediction,
 * rawPrediction, probability), their getters and setters, written once. A stage creates the parameters
 * themselves once its uid is set ({@link VectorClassifierParams}) and returns them from {@link #columnParams}.
 *
 * @param <S> the stage's own type, which the setters return
 */
public interface ClassifierColumns<S extends Params> extends Params {

    /** The stage's column parameters. */
    VectorClassifierParams columnParams();

    default Param<String> featuresCol() {
        return columnParams().featuresCol;
    }

    default Param<String> labelCol() {
        return columnParams().labelCol;
    }

    default Param<String> predictionCol() {
        return columnParams().predictionCol;
    }

    default Param<String> rawPredictionCol() {
        return columnParams().rawPredictionCol;
    }

    default Param<String> probabilityCol() {
        return columnParams().probabilityCol;
    }

    default String getFeaturesCol() {
        return getOrDefault(featuresCol());
    }

    default String getLabelCol() {
        return getOrDefault(labelCol());
    }

    default S setFeaturesCol(String name) {
        return setColumn(featuresCol(), name);
    }

    default S setLabelCol(String name) {
        return setColumn(labelCol(), name);
    }

    default S setPredictionCol(String name) {
        return setColumn(predictionCol(), name);
    }

    default S setRawPredictionCol(String name) {
        return setColumn(rawPredictionCol(), name);
    }

    default S setProbabilityCol(String name) {
        return setColumn(probabilityCol(), name);
    }

    @SuppressWarnings("unchecked")
    private S setColumn(Param<String> param, String name) {
        set(param, name);
        return (S) this;
    }
}
