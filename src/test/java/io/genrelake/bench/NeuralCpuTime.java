package io.genrelake.bench;

import io.genrelake.audio.AudioLoader;
import io.genrelake.ml.NeuralModel;
import io.genrelake.neural.NeuralInputExtractor;
import io.genrelake.neural.NeuralScorer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.SparkSession;

/**
 * CPU cost per 30-s window of the neural models, one thread: computing the inputs from samples
 * ({@link NeuralInputExtractor}) and scoring them with each neural stage of a saved model (TensorFlow limited to one
 * intra-op thread). The process's CPU time (TensorFlow computes in its own threads), over the 8 shared GTZAN clips,
 * after a warm-up round; nothing else runs in the JVM meanwhile.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * io.genrelake.bench.NeuralCpuTime MODEL_DIR [rounds]} (with Spark's --add-opens, as bin/genrelake passes them).
 */
public final class NeuralCpuTime {

    private NeuralCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path audio = Path.of(System.getProperty("genrelake.shared", "../shared"), "gtzan", "audio");
        List<float[]> clips = new ArrayList<>();
        try (var files = Files.walk(audio)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                float[] y = AudioLoader.load(p).samples();
                clips.add(java.util.Arrays.copyOf(y, Math.min(y.length, 30 * 22050)));
            }
        }
        List<NeuralModel> models = new ArrayList<>();
        SparkSession spark = SparkSession.builder().master("local[1]").appName("NeuralCpuTime")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            collect(PipelineModel.load(args[0]), models);
        } finally {
            spark.stop();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        NeuralInputExtractor inputs = new NeuralInputExtractor();
        List<NeuralInputExtractor.Inputs> computed = new ArrayList<>();
        double best = Double.MAX_VALUE;
        for (int r = 0; r <= rounds; r++) {
            computed.clear();
            long c0 = os.getProcessCpuTime();
            for (float[] y : clips) {
                computed.add(inputs.extract(y, 0, y.length));
            }
            double ms = (os.getProcessCpuTime() - c0) / 1e6 / clips.size();
            best = r == 0 ? best : Math.min(best, ms);
        }
        System.out.printf(Locale.ROOT, "inputs (log-mel + MFCC frames): %.1f ms CPU per 30-s window (best of %d rounds,"
                + " %d clips)%n", best, rounds, clips.size());
        for (NeuralModel model : models) {
            try (NeuralScorer scorer = model.scorer(1)) {
                double bestScore = Double.MAX_VALUE;
                long w0 = 0;
                double wall = 0;
                for (int r = 0; r <= rounds; r++) {
                    long c0 = os.getProcessCpuTime();
                    w0 = System.nanoTime();
                    for (NeuralInputExtractor.Inputs in : computed) {
                        scorer.score(model.getArchitecture().input() == io.genrelake.neural.NeuralInput.LOGMEL
                                ? in.logmel() : in.mfcc());
                    }
                    double ms = (os.getProcessCpuTime() - c0) / 1e6 / clips.size();
                    if (r > 0 && ms < bestScore) {
                        bestScore = ms;
                        wall = (System.nanoTime() - w0) / 1e6 / clips.size();
                    }
                }
                System.out.printf(Locale.ROOT, "%s: %.1f ms CPU (%.1f ms wall) per 30-s window, patches at a hop of %d "
                        + "frames, one TensorFlow thread%n", model.getArchitecture().cliName(), bestScore, wall,
                        model.settings().hopFrames());
            }
        }
    }

    private static void collect(Object stage, List<NeuralModel> out) {
        if (stage instanceof NeuralModel m) {
            out.add(m);
        } else if (stage instanceof PipelineModel p) {
            for (Transformer t : p.stages()) {
                collect(t, out);
            }
        } else if (stage instanceof io.genrelake.ml.ProbabilityEnsembleModel e) {
            for (Object m : e.members()) {
                collect(m, out);
            }
        }
    }
}
