package io.genrelake.bench;

import io.genrelake.audio.AudioLoader;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSetKind;
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
 * io.genrelake.bench.ExtractorCpuTime [rounds] [gtzan|rich|both]}; {@code both} alternates the two feature sets
 * round by round (so a busy machine slows both alike) and prints their ratio instead of the stage split.
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
        String set = args.length > 1 ? args[1] : "gtzan";
        if (set.equals("both")) {
            compareSets(mx, clips, source, rounds);
            return;
        }
        FeatureExtractor fx = new FeatureExtractor(FeatureSetKind.of(set));
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
        System.out.printf(Locale.ROOT, "%s, %s set, %s %s, median filters on %s: CPU ms per 30-s clip, one thread: "
                        + "median %.1f, best %.1f (%d measured rounds after %d warm-up rounds)%n",
                source, set, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                io.genrelake.dsp.SortedWindowLanes.implementation(),
                measured[measured.length / 2], measured[0], measured.length, rounds - measured.length);
        stageSplit(mx, rounds);
    }

    /** gtzan and rich alternately, round by round: medians of the measured half and the ratio rich / gtzan. */
    private static void compareSets(ThreadMXBean mx, List<float[]> clips, String source, int rounds) {
        FeatureExtractor gtzan = new FeatureExtractor(FeatureSetKind.GTZAN);
        FeatureExtractor rich = new FeatureExtractor(FeatureSetKind.RICH);
        double[] g = new double[rounds];
        double[] r = new double[rounds];
        double[] ratio = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            g[i] = cpuPerClip(mx, gtzan, clips);
            r[i] = cpuPerClip(mx, rich, clips);
            ratio[i] = r[i] / g[i];
        }
        double[][] measured = {Arrays.copyOfRange(g, rounds / 2, rounds), Arrays.copyOfRange(r, rounds / 2, rounds),
            Arrays.copyOfRange(ratio, rounds / 2, rounds)};
        for (double[] m : measured) {
            Arrays.sort(m);
        }
        int mid = measured[0].length / 2;
        System.out.printf(Locale.ROOT, "%s, %s %s: CPU ms per 30-s clip, one thread, median of %d measured rounds "
                        + "after %d warm-up rounds: gtzan %.1f, rich %.1f; rich / gtzan median %.2f (range %.2f–%.2f)%n",
                source, System.getProperty("java.vm.name"), System.getProperty("java.version"), measured[0].length,
                rounds - measured[0].length, measured[0][mid], measured[1][mid], measured[2][mid], measured[2][0],
                measured[2][measured[2].length - 1]);
    }

    private static double cpuPerClip(ThreadMXBean mx, FeatureExtractor fx, List<float[]> clips) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (float[] y : clips) {
            fx.extract(y);
        }
        return (mx.getCurrentThreadCpuTime() - c0) / 1e6 / clips.size();
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
