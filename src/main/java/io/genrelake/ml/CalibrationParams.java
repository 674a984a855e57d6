package io.genrelake.ml;

import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameters of probability calibration, shared by {@link ProbabilityCalibrator} (which is configured
 * with them) and {@link ProbabilityCalibrationModel} (whose fitted map they also hold: the temperature or the
 * isotonic points, so MLlib's metadata alone saves the model). A stage creates them once its uid is set
 * ({@link Set}).
 */
public interface CalibrationParams extends Params {

    /** The stage's parameter objects. */
    Set calibrationParams();

    default Param<String> inputCol() {
        return calibrationParams().inputCol;
    }

    default Param<String> outputCol() {
        return calibrationParams().outputCol;
    }

    default Param<String> labelCol() {
        return calibrationParams().labelCol;
    }

    default Param<String> method() {
        return calibrationParams().method;
    }

    default DoubleParam temperature() {
        return calibrationParams().temperature;
    }

    default DoubleArrayParam isotonicConfidences() {
        return calibrationParams().isotonicConfidences;
    }

    default DoubleArrayParam isotonicValues() {
        return calibrationParams().isotonicValues;
    }

    /** The parameter objects of one stage, with their defaults set on it. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final Param<String> inputCol;
        final Param<String> outputCol;
        final Param<String> labelCol;
        final Param<String> method;
        final DoubleParam temperature;
        final DoubleArrayParam isotonicConfidences;
        final DoubleArrayParam isotonicValues;

        Set(Params owner) {
            inputCol = new Param<>(owner, "inputCol", "column of the per-track class probabilities to calibrate");
            outputCol = new Param<>(owner, "outputCol", "column of the calibrated probabilities (may be inputCol)");
            labelCol = new Param<>(owner, "labelCol", "column of the true class index (fitting only)");
            method = new Param<>(owner, "method", "calibration map: temperature, isotonic or none (the identity)",
                    ParamValidators.inArray(ProbabilityCalibration.ALL));
            temperature = new DoubleParam(owner, "temperature", "fitted T of temperature scaling, p' ∝ p^(1/T)",
                    ParamValidators.gt(0));
            isotonicConfidences = new DoubleArrayParam(owner, "isotonicConfidences",
                    "fitted isotonic map: top probabilities of its points, increasing");
            isotonicValues = new DoubleArrayParam(owner, "isotonicValues",
                    "fitted isotonic map: calibrated top probability at each point");
            owner.setDefault(inputCol, TrackAggregator.PROBABILITY);
            owner.setDefault(outputCol, TrackAggregator.PROBABILITY);
            owner.setDefault(labelCol, "label");
            owner.setDefault(method, ProbabilityCalibration.TEMPERATURE);
            owner.setDefault(temperature, 1.0);
            owner.setDefault(isotonicConfidences, new double[0]);
            owner.setDefault(isotonicValues, new double[0]);
        }
    }
}
