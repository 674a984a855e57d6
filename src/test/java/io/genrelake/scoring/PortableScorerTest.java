package io.genrelake.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.genrelake.features.FeatureSet;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.PortableModelExport;
import io.genrelake.ml.ProbabilityCalibrationModel;
import io.genrelake.ml.SparkTestSession;
import io.genrelake.ml.TrackAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Java scorer gives the MLlib model's probabilities: the shipped default model's PipelineModel and
 * calibration stage, run by Spark on feature rows, against {@link PortableScorer} on the same rows (window and
 * calibrated track probabilities); and the export, run again on the saved folder, writes the same file that ships.
 */
class PortableScorerTest {

    private static final Path FOLDER = Path.of(DefaultModel.FOLDER);
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("PortableScorerTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void givesTheMllibModelsProbabilities() throws Exception {
        // rows spread around GTZAN-like magnitudes: each feature a random multiple of a plausible scale, some
        // variances zero or negative to exercise the log's floor
        Random random = new Random(7);
        List<String> columns = FeatureSet.NAMES;
        List<Row> rows = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            double[] v = new double[columns.size()];
            Object[] cells = new Object[columns.size() + 1];
            cells[0] = "t" + r;
            for (int i = 0; i < v.length; i++) {
                String name = columns.get(i);
                double scale = name.contains("centroid") || name.contains("rolloff") || name.contains("bandwidth")
                        ? 2000 : name.equals("tempo") ? 120 : 1;
                if (!name.endsWith("_var")) {
                    v[i] = scale * (2 * random.nextDouble() - 1);
                } else if (r % 10 == 0) {
                    v[i] = r % 20 == 0 ? 0 : -1e-3; // the log's floor: ln(max(v, 0) + 1e-10)
                } else {
                    v[i] = scale * scale * random.nextDouble();
                }
                cells[i + 1] = v[i];
            }
            values.add(v);
            rows.add(RowFactory.create(cells));
        }
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("track_id", DataTypes.StringType, false));
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
        }
        Dataset<Row> frame = spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
        PipelineModel mllib = ModelStore.loadModel(FOLDER.toString());
        ProbabilityCalibrationModel calibration = ModelStore.loadCalibration(spark, FOLDER.toString());
        Dataset<Row> scored = mllib.transform(frame).withColumnRenamed(TrackAggregator.PROBABILITY, "window_p");
        scored = scored.withColumn(TrackAggregator.PROBABILITY, scored.col("window_p"));
        List<Row> out = calibration.transform(scored).select("track_id", "window_p", TrackAggregator.PROBABILITY)
                .collectAsList();

        PortableScorer scorer = new PortableScorer(PortableModel.read(FOLDER));
        for (Row row : out) {
            int r = Integer.parseInt(row.getString(0).substring(1));
            double[] window = scorer.windowProbabilities(values.get(r));
            double[] expected = ((Vector) row.get(1)).toArray();
            double[] track = scorer.trackProbabilities(List.of(window));
            double[] expectedTrack = ((Vector) row.get(2)).toArray();
            for (int k = 0; k < window.length; k++) {
                assertEquals(expected[k], window[k], 1e-12, "row " + r + " class " + k);
                assertEquals(expectedTrack[k], track[k], 1e-12, "row " + r + " class " + k + " calibrated");
            }
        }
        assertEquals(40, out.size());
    }

    @Test
    void exportRewritesTheShippedFile(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("model");
        copyTree(FOLDER, copy);
        Files.delete(copy.resolve(PortableModel.FILE_NAME));
        assertNull(PortableModelExport.write(spark, copy.toString()));
        assertEquals(Files.readString(FOLDER.resolve(PortableModel.FILE_NAME)),
                Files.readString(copy.resolve(PortableModel.FILE_NAME)));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
