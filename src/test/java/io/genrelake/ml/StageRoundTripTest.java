package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
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
 * The stages MLlib lacks save and load like built-ins: alone, and inside a PipelineModel read back by
 * MLlib's own PipelineModel.load; the reloaded stage predicts exactly what the original did.
 */
class StageRoundTripTest {

    private static SparkSession spark;
    private static Dataset<Row> data;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("StageRoundTripTest");
        // Three classes of 6-D points around different centres; label metadata as a StringIndexer writes it.
        Random random = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int label = i % 3;
            double[] x = new double[6];
            for (int d = 0; d < x.length; d++) {
                x[d] = (d % 3 == label ? 2.0 : 0.0) + random.nextGaussian();
            }
            rows.add(RowFactory.create("t" + i, Vectors.dense(x), (double) label));
        }
        StructType schema = new StructType().add("track_id", DataTypes.StringType)
                .add("features", SQLDataTypes.VectorType()).add("label", DataTypes.DoubleType);
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        data = df.withColumn("label", df.col("label").as("label",
                NominalAttribute.defaultAttr().withName("label").withNumValues(3).toMetadata()));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Vector> column(Dataset<Row> predictions, String name) {
        return predictions.orderBy("track_id").select(name).collectAsList().stream().map(r -> (Vector) r.get(0)).toList();
    }

    private static void assertSamePredictions(Dataset<Row> expected, Dataset<Row> actual) {
        List<Vector> a = column(expected, "probability");
        List<Vector> b = column(actual, "probability");
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).toArray(), b.get(i).toArray(), 0.0, "row " + i);
        }
        assertEquals(expected.orderBy("track_id").select("prediction").collectAsList(),
                actual.orderBy("track_id").select("prediction").collectAsList());
    }

    private static double accuracy(Dataset<Row> predictions) {
        return predictions.filter("prediction = label").count() / (double) predictions.count();
    }

    @Test
    void knnModelRoundTripsAndPredictsIdentically() throws Exception {
        KnnModel model = new KnnClassifier().setK(5).setWeighting("distance").fit(data);
        Dataset<Row> before = model.transform(data);
        assertTrue(accuracy(before) > 0.9, "fits its own training data");
        String path = dir.resolve("knn").toString();
        model.write().save(path);
        KnnModel loaded = KnnModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals(5, loaded.getOrDefault(loaded.k()));
        assertEquals("distance", loaded.getOrDefault(loaded.weighting()));
        assertEquals(150, loaded.numPoints());
        assertSamePredictions(before, loaded.transform(data));
    }

    @Test
    void knnEstimatorParamsRoundTrip() throws Exception {
        KnnClassifier knn = new KnnClassifier().setK(7).setWeighting("distance");
        String path = dir.resolve("knn-estimator").toString();
        knn.write().save(path);
        KnnClassifier loaded = KnnClassifier.load(path);
        assertEquals(7, loaded.getOrDefault(loaded.k()));
        assertEquals(knn.uid(), loaded.uid());
    }

    @Test
    void softmaxGbtModelRoundTripsAndPredictsIdentically() throws Exception {
        SoftmaxGbtClassifier gbm = new SoftmaxGbtClassifier().setMaxIter(20).setStepSize(0.3).setMaxDepth(2);
        SoftmaxGbtModel model = gbm.fit(data);
        assertEquals(3, model.numClasses());
        assertEquals(20, model.trees().rounds());
        Dataset<Row> before = model.transform(data);
        assertTrue(accuracy(before) > 0.9, "accuracy " + accuracy(before));
        String path = dir.resolve("gbm").toString();
        model.write().save(path);
        SoftmaxGbtModel loaded = SoftmaxGbtModel.load(path);
        assertEquals(model.uid(), loaded.uid());
        assertEquals(model.trees(), loaded.trees());
        assertSamePredictions(before, loaded.transform(data));
        // executors receive the model inside the UDF's closure
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(model.trees(), ((SoftmaxGbtModel) in.readObject()).trees());
        }

        String estimatorPath = dir.resolve("gbm-estimator").toString();
        gbm.write().save(estimatorPath);
        SoftmaxGbtClassifier reloaded = SoftmaxGbtClassifier.load(estimatorPath);
        assertEquals(20, reloaded.getOrDefault(reloaded.maxIter()));
        assertEquals(0.3, reloaded.getOrDefault(reloaded.stepSize()));
        assertEquals(2, reloaded.getOrDefault(reloaded.maxDepth()));
    }

    @Test
    void rbfSvmModelRoundTripsAndPredictsIdentically() throws Exception {
        RbfSvmModel model = new RbfSvmClassifier().setNumFeatures(300).setRegParam(1e-3).setMaxIter(15).setSeed(3)
                .setGroupCol("track_id").fit(data);
        assertTrue(model.temperature() > 1, "margins near ±1 need sharpening to become probabilities: T = "
                + model.temperature());
        Dataset<Row> before = model.transform(data);
        assertTrue(accuracy(before) > 0.85, "accuracy " + accuracy(before));
        String path = dir.resolve("rbfsvm").toString();
        model.write().save(path);
        RbfSvmModel loaded = RbfSvmModel.load(path);
        assertEquals(300, loaded.randomFeatures().outputSize());
        assertEquals(6, loaded.randomFeatures().inputSize());
        assertEquals(3, loaded.numClasses());
        assertEquals(model.temperature(), loaded.temperature());
        assertSamePredictions(before, loaded.transform(data));

        RbfSvmModel uncalibrated = new RbfSvmClassifier().setNumFeatures(300).setRegParam(1e-3).setMaxIter(15).setSeed(3)
                .setCalibrationFraction(0).fit(data);
        assertEquals(1.0, uncalibrated.temperature());
    }

    @Test
    void randomFourierFeaturesApproximateTheRbfKernelAndRoundTrip() throws Exception {
        double gamma = 0.2;
        RandomFourierFeaturesModel rff = new RandomFourierFeatures().setInputCol("features").setOutputCol("z")
                .setNumFeatures(4000).setGamma(gamma).setSeed(11).fit(data);
        double[] x = {0.1, -0.4, 0.3, 1.0, 0.0, -0.2};
        double[] y = {0.5, 0.1, -0.3, 0.6, 0.4, 0.2};
        double[] zx = rff.map(x);
        double[] zy = rff.map(y);
        double dot = 0;
        double dist2 = 0;
        for (int i = 0; i < zx.length; i++) {
            dot += zx[i] * zy[i];
        }
        for (int i = 0; i < x.length; i++) {
            dist2 += (x[i] - y[i]) * (x[i] - y[i]);
        }
        assertEquals(Math.exp(-gamma * dist2), dot, 0.05, "z(x)·z(y) ≈ exp(-γ|x-y|²)");
        String path = dir.resolve("rff").toString();
        rff.write().save(path);
        RandomFourierFeaturesModel loaded = RandomFourierFeaturesModel.load(path);
        assertArrayEquals(zx, loaded.map(x), 0.0);
        // The same seed draws the same features; another seed others.
        assertArrayEquals(zx, new RandomFourierFeatures().setNumFeatures(4000).setGamma(gamma).setSeed(11)
                .fit(data).map(x), 0.0);
        assertNotEquals(zx[0], new RandomFourierFeatures().setNumFeatures(4000).setGamma(gamma).setSeed(12)
                .fit(data).map(x)[0]);
    }

    @Test
    void ensembleOfBuiltInAndOwnStagesRoundTripsInsideAPipelineModel() throws Exception {
        ProbabilityEnsemble ensemble = new ProbabilityEnsemble()
                .addMember("knn", new KnnClassifier().setK(3))
                .addMember("lr", new LogisticRegression().setMaxIter(15))
                .addMember("rbfsvm", new RbfSvmClassifier().setNumFeatures(200).setMaxIter(10));
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {ensemble}).fit(data);
        Dataset<Row> before = model.transform(data);
        assertTrue(accuracy(before) > 0.85, "accuracy " + accuracy(before));
        Vector p = (Vector) before.first().getAs("probability");
        assertEquals(1.0, java.util.Arrays.stream(p.toArray()).sum(), 1e-9, "mean of probabilities sums to 1");
        assertEquals(java.util.Set.of("track_id", "features", "label", "rawPrediction", "probability", "prediction"),
                java.util.Set.of(before.columns()), "members' own columns are dropped");

        String path = dir.resolve("pipeline").toString();
        model.write().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        ProbabilityEnsembleModel loadedEnsemble = assertInstanceOf(ProbabilityEnsembleModel.class, loaded.stages()[0]);
        assertEquals(3, loadedEnsemble.members().size());
        assertInstanceOf(KnnModel.class, loadedEnsemble.members().get(0));
        assertInstanceOf(RbfSvmModel.class, loadedEnsemble.members().get(2));
        assertEquals(List.of("knn", "lr", "rbfsvm"), List.of(loadedEnsemble.getOrDefault(loadedEnsemble.memberNames())));
        assertSamePredictions(before, loaded.transform(data));
    }
}
