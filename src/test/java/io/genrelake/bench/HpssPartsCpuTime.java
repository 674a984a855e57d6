package io.genrelake.bench;

import io.genrelake.dsp.Istft;
import io.genrelake.dsp.RowMedianFilter;
import io.genrelake.dsp.SortedWindowLanes;
import io.genrelake.dsp.Stft;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * CPU milliseconds per 30-s clip (1293 frames × 1025 bins, a random spectrogram whose level falls with
 * frequency) of HPSS's three big parts, each alone: the median along time ({@link SortedWindowLanes}, one
 * lane per bin), the median along frequency ({@link RowMedianFilter}, filling its block and filtering it,
 * for a chosen block of frames × pieces per frame) and the inverse STFT. The thread's own CPU time, median
 * of the second half of the rounds.
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt)
 * io.genrelake.bench.HpssPartsCpuTime [rounds [frames-per-block pieces]]} (default 30 rounds, 64 × 8, as
 * {@code Hpss} uses).
 */
public final class HpssPartsCpuTime {

    private static final int FRAMES = 1293;
    private static final int BINS = Stft.BINS;
    private static final int WIDTH = 31;

    private HpssPartsCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int block = args.length > 2 ? Integer.parseInt(args[1]) : 64;
        int pieces = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Random rnd = new Random(3);
        int[][] bits = new int[FRAMES][BINS];
        float[][] re = new float[FRAMES][BINS];
        float[][] im = new float[FRAMES][BINS];
        for (int t = 0; t < FRAMES; t++) {
            for (int k = 0; k < BINS; k++) {
                double level = Math.exp(-k / 200.0);
                bits[t][k] = Float.floatToRawIntBits((float) Math.abs(rnd.nextGaussian() * level));
                re[t][k] = (float) (rnd.nextGaussian() * level);
                im[t][k] = (float) (rnd.nextGaussian() * level);
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] time = new double[rounds];
        double[] fill = new double[rounds];
        double[] filter = new double[rounds];
        double[] inverse = new double[rounds];
        SortedWindowLanes timeMedians = SortedWindowLanes.of(BINS, WIDTH);
        RowMedianFilter frequencyMedians = new RowMedianFilter(block, BINS, WIDTH, pieces);
        float[][] out = new float[block][BINS];
        long[] sink = new long[1];
        Istft istft = new Istft((buf, off, len, first) -> sink[0] += len);
        for (int r = 0; r < rounds; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            timeMedians.clear();
            for (int t = 0; t < WIDTH; t++) {
                timeMedians.insert(bits[t]);
            }
            for (int t = WIDTH; t < FRAMES; t++) {
                timeMedians.slide(bits[t - WIDTH], bits[t]);
            }
            time[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;

            for (int t0 = 0; t0 < FRAMES; t0 += block) {
                int n = Math.min(block, FRAMES - t0);
                long c1 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    frequencyMedians.setRow(i, bits[t0 + i]);
                }
                long c2 = mx.getCurrentThreadCpuTime();
                frequencyMedians.filter(n, out);
                long c3 = mx.getCurrentThreadCpuTime();
                fill[r] += (c2 - c1) / 1e6;
                filter[r] += (c3 - c2) / 1e6;
            }

            long c4 = mx.getCurrentThreadCpuTime();
            istft.reset();
            for (int t = 0; t < FRAMES; t++) {
                istft.addFrame(re[t], im[t]);
            }
            istft.finish();
            inverse[r] = (mx.getCurrentThreadCpuTime() - c4) / 1e6;
        }
        System.out.printf(Locale.ROOT, "HPSS parts, CPU ms per clip of %d frames (%s %s, median filters on %s, median "
                        + "of %d rounds after %d warm-up rounds)%n", FRAMES, System.getProperty("java.vm.name"),
                System.getProperty("java.version"), SortedWindowLanes.implementation(), rounds - rounds / 2,
                rounds / 2);
        System.out.println("| part | CPU ms per clip |");
        System.out.println("|---|---:|");
        System.out.printf(Locale.ROOT, "| median along time (%d lanes) | %.2f |%n", BINS, median(time));
        System.out.printf(Locale.ROOT, "| median along frequency: filling blocks of %d frames × %d pieces | %.2f |%n",
                block, pieces, median(fill));
        System.out.printf(Locale.ROOT, "| median along frequency: filtering (%d lanes) | %.2f |%n", block * pieces,
                median(filter));
        System.out.printf(Locale.ROOT, "| inverse STFT (%d samples out) | %.2f |%n", sink[0] / rounds, median(inverse));
    }

    private static double median(double[] perRound) {
        double[] measured = Arrays.copyOfRange(perRound, perRound.length / 2, perRound.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
