package io.genrelake.bench;

import io.genrelake.dsp.RealFft;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread timing of {@link RealFft} at the sizes used by feature extraction (forward and
 * inverse, n = 1024 and 2048). Results are consumed by a Blackhole; inputs are fixed random data.
 *
 * <p>Run after {@code mvn test-compile}: {@code java -cp
 * target/test-classes:target/classes:$(cat target/test-classpath.txt) org.openjdk.jmh.Main
 * RealFftBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -t 1}. On a busy machine add {@code -bm sample}:
 * the median of the per-call samples is not inflated by the thread being descheduled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RealFftBenchmark {

    @Param({"1024", "2048"})
    public int n;

    private RealFft fft;
    private double[] signal;
    private double[] re;
    private double[] im;
    private double[] specRe;
    private double[] specIm;
    private double[] out;

    @Setup
    public void setup() {
        fft = new RealFft(n);
        Random rnd = new Random(42);
        signal = new double[n];
        for (int i = 0; i < n; i++) {
            signal[i] = rnd.nextDouble() * 2 - 1;
        }
        re = new double[n / 2 + 1];
        im = new double[n / 2 + 1];
        specRe = new double[n / 2 + 1];
        specIm = new double[n / 2 + 1];
        fft.forward(signal, specRe, specIm);
        out = new double[n];
    }

    @Benchmark
    public void forward(Blackhole bh) {
        fft.forward(signal, re, im);
        bh.consume(re[1] + im[n / 4]);
        bh.consume(re);
        bh.consume(im);
    }

    @Benchmark
    public void inverse(Blackhole bh) {
        fft.inverse(specRe, specIm, out);
        bh.consume(out[1] + out[n - 1]);
        bh.consume(out);
    }
}
