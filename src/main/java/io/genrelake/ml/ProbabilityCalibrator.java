package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import java.util.List;
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
 * Fits a {@link ProbabilityCalibration} ({@code method}: temperature or isotonic) on rows of per-track
 * probabilities and true class indices: held-out predictions, such as cross-validation's out-of-fold ones.
 * The rows are collected on the driver (one per track: small). Its model maps {@code inputCol} to
 * calibrated probabilities in {@code outputCol}.
 */
public final class ProbabilityCalibrator extends Estimator<ProbabilityCalibrationModel>
        implements CalibrationParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final CalibrationParams.Set params;

    public ProbabilityCalibrator() {
        this(Identifiable.randomUID("calibrator"));
    }

    public ProbabilityCalibrator(String uid) {
        this.uid = uid;
        params = new CalibrationParams.Set(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public CalibrationParams.Set calibrationParams() {
        return params;
    }

    public ProbabilityCalibrator setMethod(String value) {
        set(method(), value);
        return this;
    }

    public ProbabilityCalibrator setLabelCol(String value) {
        set(labelCol(), value);
        return this;
    }

    public ProbabilityCalibrator setInputCol(String value) {
        set(inputCol(), value);
        return this;
    }

    public ProbabilityCalibrator setOutputCol(String value) {
        set(outputCol(), value);
        return this;
    }

    @Override
    public ProbabilityCalibrationModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        List<Row> rows = dataset.select(col($(inputCol())), col($(labelCol())).cast("double")).collectAsList();
        double[][] probabilities = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            probabilities[i] = ((Vector) rows.get(i).get(0)).toArray();
            labels[i] = (int) rows.get(i).getDouble(1);
        }
        return model(ProbabilityCalibration.fit($(method()), probabilities, labels));
    }

    /** The model {@link #fit} gives for a calibration already fitted (on arrays, as cross-fitting does). */
    public ProbabilityCalibrationModel model(ProbabilityCalibration calibration) {
        ProbabilityCalibrationModel model = new ProbabilityCalibrationModel(uid);
        copyValues(model, ParamMap.empty());
        model.setCalibration(calibration);
        return model.setParent(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return ProbabilityCalibrationModel.outputSchema(schema, $(inputCol()), $(outputCol()));
    }

    @Override
    public ProbabilityCalibrator copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<ProbabilityCalibrator> read() {
        return new DefaultParamsReadable<ProbabilityCalibrator>() {}.read();
    }

    public static ProbabilityCalibrator load(String path) {
        return read().load(path);
    }
}
