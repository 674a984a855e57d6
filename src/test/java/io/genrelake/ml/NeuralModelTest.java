package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.neural.Architecture;
import io.genrelake.neural.NeuralSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The CNN stage on windows of synthetic log-mel bytes, tonal (a few loud bands held over time) or percussive (loud
 * frames across all bands): it learns the task, a saved and reloaded model gives the same probabilities, and so does
 * a model loaded by another JVM. The two kinds differ in shape wherever the patch falls, which a network that pools
 * over time and frequency can see; an earlier toy task (the low or the high half of the bands loud) differed only
 * in where the energy was, which such a network sees only through its padding, and it stayed at chance in some
 * runs.
 */
class NeuralModelTest {

    private static SparkSession spark;
    private static Dataset<Row> windows;
    private static NeuralModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        spark = SparkTestSession.start("NeuralModelTest");
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        int frames = 200;
        for (int i = 0; i < 32; i++) {
            int label = i % 2;
            boolean[] loudBand = new boolean[128];
            boolean[] loudFrame = new boolean[frames];
            if (label == 0) { // tonal: 6 bands, anywhere
                for (int k = 0; k < 6; k++) {
                    loudBand[random.nextInt(128)] = true;
                }
            } else { // percussive: every 8th frame from a random phase
                for (int t = random.nextInt(8); t < frames; t += 8) {
                    loudFrame[t] = true;
                }
            }
            byte[] logmel = new byte[frames * 128];
            for (int t = 0; t < frames; t++) {
                for (int b = 0; b < 128; b++) {
                    int v = (loudBand[b] || loudFrame[t] ? 170 : 90) + (int) (random.nextGaussian() * 20);
                    logmel[t * 128 + b] = (byte) Math.max(0, Math.min(255, v));
                }
            }
            rows.add(RowFactory.create("t" + i, "artist" + (i / 2), Vectors.dense(0.0), (double) label, logmel));
        }
        StructType schema = new StructType().add(SplitPlan.UNIT, DataTypes.StringType)
                .add(TrainingTable.ARTIST, DataTypes.StringType).add("features", SQLDataTypes.VectorType())
                .add("label", DataTypes.DoubleType).add("logmel", DataTypes.BinaryType);
        windows = spark.createDataFrame(rows, schema).cache();
        // 15 epochs at most of two steps each; seeds 1 to 7 all reached validation accuracy 1.0 by epoch 15
        NeuralSettings quick = new NeuralSettings(16, 0.01f, 15, 15, 3, 0.25, 0.5, 0.2, 64, false, 1, 1);
        model = new NeuralClassifier().setArchitecture(Architecture.CNN).withSettings(quick).fit(windows);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static double[][] probabilities(Dataset<Row> scored) {
        List<Row> rows = scored.orderBy(SplitPlan.UNIT).select("probability").collectAsList();
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Vector) rows.get(i).get(0)).toArray();
        }
        return out;
    }

    @Test
    void learnsTheToyTask() {
        long right = model.transform(windows).filter("prediction = label").count();
        assertTrue(right >= 30, right + " of 32 windows right");
        assertTrue(model.bestEpoch() >= 1);
    }

    @Test
    void savedAndLoadedGivesTheSameProbabilities() throws java.io.IOException {
        String path = dir.resolve("cnn").toString();
        model.write().save(path);
        NeuralModel loaded = NeuralModel.load(path);
        double[][] before = probabilities(model.transform(windows));
        double[][] after = probabilities(loaded.transform(windows));
        for (int i = 0; i < before.length; i++) {
            assertArrayEquals(before[i], after[i], 0.0);
        }
        assertEquals(model.getArchitecture(), loaded.getArchitecture());
    }

    /** A model saved here is loaded and scores in a second JVM (its own Spark, its own TensorFlow). */
    @Test
    void aModelTrainedHereClassifiesInAnotherJvm() throws Exception {
        String modelPath = dir.resolve("cnn").toString();
        String input = dir.resolve("windows").toString();
        Path output = dir.resolve("scores.txt");
        model.write().save(modelPath);
        windows.write().parquet(input);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the same module openings Spark needs here (surefire's argLine)
        cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                .toList());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(NeuralScoreMain.class.getName());
        cmd.addAll(List.of(modelPath, input, output.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm2.log").toFile()).start();
        // ~15 s on an idle machine (Spark and TensorFlow start); generous for a loaded one
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the second JVM did not finish");
        assertEquals(0, p.exitValue(), () -> {
            try {
                return Files.readString(dir.resolve("jvm2.log"));
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        double[][] here = probabilities(model.transform(windows));
        List<String> lines = Files.readAllLines(output);
        assertEquals(here.length, lines.size());
        for (int i = 0; i < here.length; i++) {
            double[] there = java.util.Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            assertArrayEquals(here[i], there, 0.0, "window " + i);
        }
    }
}
