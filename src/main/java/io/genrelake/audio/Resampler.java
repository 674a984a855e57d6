package io.genrelake.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * Band-limited sample-rate converter for any pair of integer rates, streaming: a Kaiser-windowed
 * sinc evaluated at the exact rational ratio up/down (the rates divided by their gcd), one
 * precomputed set of taps per output phase ({@link PolyphaseKernel}; ratios with more than 4096
 * phases interpolate their taps instead, {@link InterpolatedKernel}).
 *
 * <p>Output sample k is the band-limited input evaluated at input time k·inRate/outRate: no delay,
 * output 0 lines up with input 0, and the signal is taken as zero before its first and after its
 * last sample. A whole signal of n samples gives ceil(n·outRate/inRate) samples, the length
 * librosa.resample fixes its output to. Equal rates pass samples through unchanged.
 *
 * <p>Quality (filter design in {@link KaiserSincFilter}), measured by ResamplerTest with sines
 * through 44100, 48000, 11025 and 8000 to 22050 Hz: passband ripple 0.0001 dB (0.00009) up to
 * 0.9 × the lower Nyquist; stopband attenuation 100.3 dB at worst, just past the lower Nyquist
 * (design target 100 dB). The test asserts ≤ 0.01 dB and ≥ 90 dB.
 *
 * <p>Speed: 30 s of 44.1-kHz audio to 22050 Hz in 17–20 ms of CPU on one core in plain Java (260 taps per
 * output; AMD EPYC with AVX-512, JDK 17), 48 kHz about the same, 96 kHz about twice that; with the Vector API
 * (the launchers' default) see docs/benchmarks.md.
 *
 * <p>Use: {@link #process} blocks as they come, then {@link #finish} once. Not thread-safe.
 */
public final class Resampler {

    private static final int MAX_TABULATED_PHASES = 4096;
    private static final long MAX_TABULATED_COEFFICIENTS = 1 << 20;

    private final int inRate;
    private final int outRate;
    private final int up;
    private final int down;
    private final int halfTaps;
    private final ResampleKernel kernel; // null when the rates are equal

    private float[] history;   // input samples from historyStart on
    private long historyStart;
    private int historyLength;
    private long inputCount;
    private long nextOutput;
    private boolean finished;

    public Resampler(int inRate, int outRate) {
        this(inRate, outRate, false);
    }

    /** forceInterpolated: use the interpolating kernel even where a phase table fits (tests compare the two). */
    Resampler(int inRate, int outRate, boolean forceInterpolated) {
        this(inRate, outRate, forceInterpolated, false);
    }

    /** plainSums: the phase table's sums in plain Java even where the Vector API is allowed (tests compare the two). */
    Resampler(int inRate, int outRate, boolean forceInterpolated, boolean plainSums) {
        if (inRate <= 0 || outRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + inRate + " -> " + outRate);
        }
        this.inRate = inRate;
        this.outRate = outRate;
        int g = gcd(inRate, outRate);
        this.up = outRate / g;
        this.down = inRate / g;
        if (up == down) {
            this.halfTaps = 0;
            this.kernel = null;
        } else {
            KaiserSincFilter filter = new KaiserSincFilter(up, down);
            this.halfTaps = filter.halfTaps;
            boolean tabulate = !forceInterpolated && up <= MAX_TABULATED_PHASES
                    && (long) up * filter.taps() <= MAX_TABULATED_COEFFICIENTS;
            this.kernel = tabulate
                    ? new PolyphaseKernel(up, down, halfTaps, KaiserSincFilter.phaseTable(up, down), plainSums)
                    : new InterpolatedKernel(up, down, filter);
        }
        // The zero-padded left edge: inputs -halfTaps .. -1.
        this.history = new float[Math.max(1024, 4 * halfTaps)];
        this.historyStart = -halfTaps;
        this.historyLength = halfTaps;
    }

    public int inRate() {
        return inRate;
    }

    public int outRate() {
        return outRate;
    }

    /** Samples a whole signal of n input samples resamples to: ceil(n · outRate / inRate). */
    public static long outputLength(long n, int inRate, int outRate) {
        int g = gcd(inRate, outRate);
        long up = outRate / g;
        long down = inRate / g;
        return Math.floorDiv(n * up + down - 1, down);
    }

    /**
     * The taps of the 2:1 conversion (44100 → 22050 Hz and every other halving): output m is
     * Σ_i taps[i] · x[2m − taps.length/2 + 1 + i]. For decoders that fold the conversion into their own synthesis.
     */
    public static float[] halvingTaps() {
        return KaiserSincFilter.phaseTable(1, 2).clone();
    }

    /** Resamples a whole signal (zero beyond both ends) to ceil(n · outRate / inRate) samples. */
    public static float[] resample(float[] x, int inRate, int outRate) {
        return resample(x, new Resampler(inRate, outRate));
    }

    /** {@link #resample(float[], int, int)} with a given resampler, fresh. */
    static float[] resample(float[] x, Resampler resampler) {
        int inRate = resampler.inRate;
        int outRate = resampler.outRate;
        if (inRate == outRate) {
            return x.clone();
        }
        float[] y = new float[Math.toIntExact(outputLength(x.length, inRate, outRate))];
        int n = resampler.process(x, 0, x.length, y, 0);
        n += resampler.finish(y, n);
        assert n == y.length;
        return y;
    }

    /** Input samples worth passing to one {@link #process} call (a whole block of the kernel's work). */
    int preferredInputBlock() {
        int preferred = kernel == null ? 0 : kernel.preferredInput();
        return Math.max(1 << 15, Math.min(1 << 18, preferred));
    }

    /** An upper bound on what process(.., inLen, ..) writes, and (with inLen 0) on what finish writes. */
    public int maxOutput(int inLen) {
        if (kernel == null) {
            return inLen;
        }
        return Math.toIntExact(((long) inLen + 2L * halfTaps + 2) * up / down + 2);
    }

    /**
     * Feeds in[off..off+len) and writes every output those inputs complete to out[outOff..];
     * returns how many (at most {@link #maxOutput}(len)). Outputs lag the input by about
     * halfTaps input samples until {@link #finish}.
     */
    public int process(float[] in, int off, int len, float[] out, int outOff) {
        if (finished) {
            throw new IllegalStateException("process after finish");
        }
        Objects.checkFromIndexSize(off, len, in.length);
        if (kernel == null) {
            System.arraycopy(in, off, out, outOff, len);
            inputCount += len;
            nextOutput += len;
            return len;
        }
        append(in, off, len);
        inputCount += len;
        long limit = inputCount - 1 - halfTaps; // the last base an output can have with its right taps present
        long end = limit < 0 ? 0 : Math.floorDiv((limit + 1) * up + down - 1, down);
        return produce(end, out, outOff);
    }

    /** Writes the remaining outputs (the right edge, zero-padded) and ends the stream; returns how many. */
    public int finish(float[] out, int outOff) {
        if (finished) {
            throw new IllegalStateException("finish called twice");
        }
        finished = true;
        if (kernel == null) {
            return 0;
        }
        long total = Math.floorDiv(inputCount * up + down - 1, down);
        if (total <= nextOutput) {
            return 0;
        }
        long needed = Math.floorDiv((total - 1) * down, up) + halfTaps + 1; // exclusive end of inputs used
        long missing = needed - (historyStart + historyLength);
        if (missing > 0) {
            appendZeros(Math.toIntExact(missing));
        }
        return produce(total, out, outOff);
    }

    private int produce(long end, float[] out, int outOff) {
        if (end <= nextOutput) {
            return 0;
        }
        int count = Math.toIntExact(end - nextOutput);
        Objects.checkFromIndexSize(outOff, count, out.length);
        kernel.compute(history, historyStart, nextOutput, end, out, outOff);
        nextOutput = end;
        return count;
    }

    private void append(float[] in, int off, int len) {
        makeRoom(len);
        System.arraycopy(in, off, history, historyLength, len);
        historyLength += len;
    }

    private void appendZeros(int len) {
        makeRoom(len);
        Arrays.fill(history, historyLength, historyLength + len, 0f);
        historyLength += len;
    }

    /** Drops inputs no future output needs, then grows the buffer if len more still do not fit. */
    private void makeRoom(int len) {
        if (historyLength + len <= history.length) {
            return;
        }
        long firstNeeded = Math.floorDiv(nextOutput * down, up) - halfTaps + 1;
        int drop = (int) Math.max(0, Math.min(historyLength, firstNeeded - historyStart));
        if (drop > 0) {
            System.arraycopy(history, drop, history, 0, historyLength - drop);
            historyLength -= drop;
            historyStart += drop;
        }
        if (historyLength + len > history.length) {
            history = Arrays.copyOf(history, Math.max(2 * history.length, historyLength + len));
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
