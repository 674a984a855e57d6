package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link ProbabilityCalibrator}: replaces (or adds, per {@code outputCol}) per-track probability
 * vectors by their calibrated values. The fitted map lives in params ({@code temperature}, or the isotonic
 * points), so it is saved and loaded as MLlib's metadata alone and loads like a built-in stage.
 *
 * <p>It acts on a track's probabilities, after its windows are aggregated ({@link TrackAggregator}): it is
 * fitted on those, and temperature scaling of each window before the mean would give another result.
 * {@code genrelake train} saves it beside the PipelineModel ({@link ModelStore#CALIBRATION}), and the genre
 * predictor applies it after aggregating.
 */
public final class ProbabilityCalibrationModel extends Model<ProbabilityCalibrationModel>
        implements CalibrationParams, DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final CalibrationParams.Set params;

    public ProbabilityCalibrationModel(String uid) {
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

    /** Sets the fitted map's params. */
    ProbabilityCalibrationModel setCalibration(ProbabilityCalibration calibration) {
        set(method(), calibration.method());
        set(temperature(), calibration.temperature());
        set(isotonicConfidences(), calibration.confidences());
        set(isotonicValues(), calibration.calibrated());
        return this;
    }

    /** The fitted map, as the params hold it. */
    public ProbabilityCalibration calibration() {
        return new ProbabilityCalibration($(method()), (Double) $(temperature()), $(isotonicConfidences()),
                $(isotonicValues()));
    }

    public ProbabilityCalibrationModel setInputCol(String value) {
        set(inputCol(), value);
        return this;
    }

    public ProbabilityCalibrationModel setOutputCol(String value) {
        set(outputCol(), value);
        return this;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        ProbabilityCalibration map = calibration();
        var calibrate = udf((UDF1<Vector, Vector>) p -> new DenseVector(map.apply(p.toArray())),
                SQLDataTypes.VectorType());
        return dataset.withColumn($(outputCol()), calibrate.apply(col($(inputCol()))));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return outputSchema(schema, $(inputCol()), $(outputCol()));
    }

    /** The input schema with a vector column {@code output} (replaced if it is there). */
    static StructType outputSchema(StructType schema, String input, String output) {
        if (!Arrays.asList(schema.fieldNames()).contains(input)) {
            throw new IllegalArgumentException("no column " + input + " of probabilities to calibrate in " + schema);
        }
        StructField[] fields = Arrays.stream(schema.fields()).filter(f -> !f.name().equals(output))
                .toArray(StructField[]::new);
        return new StructType(fields).add(output, SQLDataTypes.VectorType(), false);
    }

    @Override
    public ProbabilityCalibrationModel copy(ParamMap extra) {
        return copyValues(new ProbabilityCalibrationModel(uid), extra).setParent(parent());
    }

    public static MLReader<ProbabilityCalibrationModel> read() {
        return new DefaultParamsReadable<ProbabilityCalibrationModel>() {}.read();
    }

    public static ProbabilityCalibrationModel load(String path) {
        return read().load(path);
    }
}
