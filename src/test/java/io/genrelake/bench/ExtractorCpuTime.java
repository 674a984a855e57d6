package io.genrelake.bench;

import io.genrelake.audio.AudioLoader;
import io.genrelake.features.FeatureExtractor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU milliseconds per 30-s clip for the whole feature set, one thread, after warm-up, then the same
 * split by stage as {@link FeatureExtractorBenchmark}: the thread's own
 * CPU time, so the figure holds on a machine that is busy with other work (wall-clock JMH figures
 * there are inflated by waiting for a core). Runs over the 8 shared GTZAN clips (or a synthetic clip).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * io.genrelake.bench.ExtractorCpuTime [rounds]}
 */
public final class ExtractorCpuTime {

    private ExtractorCpuTime() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path audio = Path.of(System.getProperty("genrelake.shared", "../shared"), "gtzan", "audio");
        List<float[]> clips = new ArrayList<>();
        if (Files.isDirectory(audio)) {
            try (var files = Files.walk(audio)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                    clips.add(AudioLoader.load(p).samples());
                }
            }
        }
        String source = clips.isEmpty() ? "a synthetic 30-s clip (../shared absent)" : clips.size() + " GTZAN clips";
        if (clips.isEmpty()) {
            float[] y = new float[30 * 22050];
            java.util.Random rnd = new java.util.Random(1);
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) (0.3 * Math.sin(i * 0.06) + 0.1 * rnd.nextGaussian());
            }
            clips.add(y);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        FeatureExtractor fx = new FeatureExtractor();
        double[] perRound = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            for (float[] y : clips) {
                fx.extract(y);
            }
            perRound[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / clips.size();
        }
        double[] measured = Arrays.copyOfRange(perRound, rounds / 2, rounds); // first half is warm-up
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%s, %s %s, median filters on %s: CPU ms per 30-s clip, one thread: "
                        + "median %.1f, best %.1f (%d measured rounds after %d warm-up rounds)%n",
                source, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                io.genrelake.dsp.SortedWindowLanes.implementation(),
                measured[measured.length / 2], measured[0], measured.length, rounds - measured.length);
        stageSplit(mx, rounds);
    }

    /** The same split as FeatureExtractorBenchmark's stages, in CPU time, on rock.00000 (or synthetic). */
    private static void stageSplit(ThreadMXBean mx, int rounds) throws Exception {
        FeatureExtractorBenchmark b = new FeatureExtractorBenchmark();
        b.setup();
        System.out.println("| stage | CPU ms per clip |");
        System.out.println("|---|---:|");
        double total = 0;
        for (String stage : FeatureExtractorBenchmark.STAGES) {
            java.lang.reflect.Method m = FeatureExtractorBenchmark.class.getMethod(stage);
            double[] t = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                m.invoke(b);
                t[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
            double[] measured = Arrays.copyOfRange(t, rounds / 2, rounds);
            Arrays.sort(measured);
            double median = measured[measured.length / 2];
            total += median;
            System.out.printf(Locale.ROOT, "| %s | %.1f |%n", stage.substring("stage".length()), median);
        }
        System.out.printf(Locale.ROOT, "| sum of stages | %.1f |%n", total);
    }
}
