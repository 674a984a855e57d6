package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration stage is a real MLlib Estimator/Model: fitted on rows it gives the map fitted on arrays,
 * and saved and loaded (by its own reader and by MLlib's generic one) it gives identical probabilities.
 */
class CalibrationStageTest {

    private static SparkSession spark;
    private static Dataset<Row> rows;
    private static TrackPredictions predictions;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("CalibrationStageTest");
        predictions = SyntheticProbabilities.of(400, 4, 5, 2.5, 9);
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < predictions.size(); i++) {
            list.add(RowFactory.create("t" + i, Vectors.dense(predictions.probabilities()[i]),
                    (double) predictions.labels()[i]));
        }
        StructType schema = new StructType().add("track_id", DataTypes.StringType)
                .add("probability", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        rows = spark.createDataFrame(list, schema);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<double[]> probabilities(Dataset<Row> out, String column) {
        return out.orderBy("track_id").select(column).collectAsList().stream()
                .map(r -> ((Vector) r.get(0)).toArray()).toList();
    }

    @Test
    void fittedOnRowsItIsTheMapFittedOnArrays() {
        for (String method : ProbabilityCalibration.METHODS) {
            ProbabilityCalibrationModel model = new ProbabilityCalibrator().setMethod(method).fit(rows);
            assertEquals(ProbabilityCalibration.fit(method, predictions.probabilities(), predictions.labels()),
                    model.calibration(), method);
        }
    }

    @Test
    void savedAndLoadedItGivesIdenticalCalibratedProbabilities() throws Exception {
        for (String method : ProbabilityCalibration.METHODS) {
            ProbabilityCalibrationModel model = new ProbabilityCalibrator().setMethod(method)
                    .setOutputCol("calibrated").fit(rows);
            String path = dir.resolve(method).toString();
            model.write().save(path);
            ProbabilityCalibrationModel loaded = ProbabilityCalibrationModel.load(path);
            Object generic = DefaultParamsReader$.MODULE$.loadParamsInstance(path, spark);
            assertInstanceOf(ProbabilityCalibrationModel.class, generic, "MLlib's generic reader loads it");
            assertEquals(model.uid(), loaded.uid());
            List<double[]> expected = probabilities(model.transform(rows), "calibrated");
            List<double[]> before = probabilities(rows, "probability");
            for (ProbabilityCalibrationModel reloaded : List.of(loaded, (ProbabilityCalibrationModel) generic)) {
                List<double[]> actual = probabilities(reloaded.transform(rows), "calibrated");
                for (int i = 0; i < expected.size(); i++) {
                    assertArrayEquals(expected.get(i), actual.get(i), 0.0, method + " row " + i);
                }
            }
            assertNotEquals(before.get(0)[0], expected.get(0)[0], method + " changes the probabilities");
        }
    }

    @Test
    void theEstimatorSavesItsSettings() throws Exception {
        ProbabilityCalibrator calibrator = new ProbabilityCalibrator().setMethod("isotonic").setLabelCol("y");
        String path = dir.resolve("calibrator").toString();
        calibrator.write().save(path);
        ProbabilityCalibrator loaded = ProbabilityCalibrator.load(path);
        assertEquals("isotonic", loaded.getOrDefault(loaded.method()));
        assertEquals("y", loaded.getOrDefault(loaded.labelCol()));
    }
}
