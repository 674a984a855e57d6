package io.genrelake.bench;

import io.genrelake.audio.Resampler;
import io.genrelake.dsp.VectorApiProbe;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * CPU milliseconds to resample 30 s of mono audio to 22050 Hz from the rates real libraries hold (44100, 48000,
 * 96000), streaming in 64-KiB blocks as the decoders feed it, with the kernels this JVM picks (the Vector API where
 * {@link VectorApiProbe} allows it; {@code -Dgenrelake.vector=false} for plain Java). Each round does every rate
 * once; the thread's own CPU time, median and best of the second half of the rounds.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) io.genrelake.bench.ResamplerCpuTime [rounds]} (default 20).
 */
public final class ResamplerCpuTime {

    private static final int[] RATES = {44100, 48000, 96000};
    private static final int BLOCK = 1 << 16;

    private ResamplerCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        float[][] inputs = new float[RATES.length][];
        Random rnd = new Random(1);
        for (int r = 0; r < RATES.length; r++) {
            inputs[r] = new float[30 * RATES[r]];
            for (int i = 0; i < inputs[r].length; i++) {
                inputs[r][i] = (float) (rnd.nextGaussian() * 0.2);
            }
        }
        double[][] ms = new double[RATES.length][rounds];
        float[] out = new float[BLOCK + 4096];
        double sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int r = 0; r < RATES.length; r++) {
                long c0 = mx.getCurrentThreadCpuTime();
                Resampler resampler = new Resampler(RATES[r], 22050);
                float[] x = inputs[r];
                for (int off = 0; off < x.length; off += BLOCK) {
                    int n = resampler.process(x, off, Math.min(BLOCK, x.length - off), out, 0);
                    sink += n > 0 ? out[n - 1] : 0;
                }
                sink += resampler.finish(out, 0);
                ms[r][round] = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            }
        }
        System.out.printf(Locale.ROOT, "Resampler, 30 s of mono audio to 22050 Hz, %s %s, kernels: %s (CPU ms, "
                + "median / best of the last %d of %d rounds; checksum %.3f)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), VectorApiProbe.AVAILABLE ? "Vector API" : "plain Java",
                rounds - rounds / 2, rounds, sink);
        System.out.println("| input rate | CPU ms per 30 s |");
        System.out.println("|---:|---:|");
        for (int r = 0; r < RATES.length; r++) {
            double[] tail = Arrays.copyOfRange(ms[r], rounds / 2, rounds);
            Arrays.sort(tail);
            System.out.printf(Locale.ROOT, "| %d | %.1f / %.1f |%n", RATES[r], tail[tail.length / 2], tail[0]);
        }
    }
}
