package io.genrelake.audio.mp3;

import io.genrelake.audio.Resampler;

/**
 * The synthesis filter bank and the 2:1 resampling (44.1 kHz → 22050 Hz) in one: the samples that
 * {@link SynthesisFilterBank} followed by {@link Resampler} would give, trimmed as the stream is, for a fraction of
 * the work.
 *
 * <p>Why this is the same: the resampler takes y to z[m] = Σ_i h_i·y[c − 129 + i] (c = 2m + the trim), with a
 * low-pass h flat to 1e-5 up to 0.9 of the output Nyquist and below −100 dB from 1.0 (KaiserSincFilter). Subband k
 * of the synthesis bank covers [k, k + 1] · fs/64 plus half a band of transition on each side (the prototype
 * window's stopband starts one band from its centre). In units of the output Nyquist (16 bands): subbands 0–13 end
 * by 0.89, inside h's passband, so their part of z is just their synthesis at every second sample: the bank's
 * matrixing (§2.4.3.2, V[i] = Σ_k cos((16+i)(2k+1)π/64)·S[k]) for only the 32 entries of V those samples' columns
 * weigh (a 14 × 32 product, not a 32-point DCT), then their 16 columns of the window; subbands 17–31 start at 1.03,
 * inside h's stopband, so they are dropped (the decoder does not decode their lines); subbands 14–16 straddle h's
 * transition band, and their part of z is Σ_t S_k[t]·f_k[c − 32t] with the composite filter f_k = h * g_k (g_k the
 * bank's response to a unit sample in subband k, measured on the bank itself): 26 slots × 16 samples each.
 *
 * <p>The resampler takes the signal as zero outside the trimmed stream, where the composite would see the
 * decoder's priming and padding samples: the first {@link #START_OUTPUTS} and the last ~65 outputs, whose taps
 * reach there, are made the resampler's way from a replay of the recent slots (kept in a ring) through a full bank.
 * Not thread-safe.
 */
final class HalfRateSynthesis {

    /**
     * The two inner loops, one call per granule, so that they are hot enough to be compiled on their own rather than
     * only inlined deep in the decoder (where the Vector API loses its intrinsics). {@link Plain} is the reference;
     * {@code VectorHalfRateKernels} gives the same bits. Products are summed by fused multiply-adds, exact in both,
     * which halves the vector kernels' arithmetic.
     */
    interface Kernels {
        /**
         * The low subbands' outputs of {@code count} slots ({@code subbands[32t + k]}, k < {@link #LOW_SUBBANDS}):
         * for each, the 32 weighed entries of V ({@code matrix[32k + m]} per subband k) become the newest row of the
         * ring {@code v} (16 rows of 32, the newest at {@code newest}, which moves one row back per slot), and
         * out[((outSlot + t) mod 64)·16 + c] = Σ_{i<8} window[32i + c]·v_{2i}[c] + window[32i + 16 + c]·v_{2i+1}[16 + c],
         * v_a the row a slots old. Returns the newest row.
         */
        int lowSlots(float[] matrix, float[] window, float[] subbands, int count, float[] v, int newest, float[] out,
                int outSlot);

        /**
         * The composite filters' part of {@code count} slots: sums[16q + r] += Σ_{i<n} history[start + step·q + i]·
         * columns[16i + r], n = columns.length / 16.
         */
        void compositeSums(float[] columns, float[] history, int start, int step, int count, float[] sums);
    }

    /** Subbands that reach the output at all; the decoder may leave the others silent. */
    static final int SUBBANDS = 17;
    /** Subbands below this pass the resampler's low-pass unchanged. */
    private static final int LOW_SUBBANDS = 14;
    private static final int HIGH_SUBBANDS = SUBBANDS - LOW_SUBBANDS;

    private static final float[] TAPS = Resampler.halvingTaps();
    private static final int HALF_TAPS = TAPS.length / 2;
    /** Slots after an output's own that its taps reach: c + HALF_TAPS lies at most this many slots ahead. */
    private static final int LEAD = (31 + HALF_TAPS) / 32;
    /** Slots before an output's own that the composite filters reach (g_k spans 16 slots, h reaches HALF_TAPS − 1 back). */
    private static final int LAG = (HALF_TAPS - 1 + 511) / 32;
    private static final int SPAN = LEAD + LAG + 1;
    /** Outputs whose taps reach before the trimmed start: c − (HALF_TAPS − 1) < skip. */
    static final int START_OUTPUTS = HALF_TAPS / 2;
    /** Full-rate samples after the skip that the start replay reads. */
    private static final int START_REACH = 2 * (START_OUTPUTS - 1) + HALF_TAPS + 1;
    /**
     * How far before the trimmed end the end replay's bank may start reading, plus a granule whose overlap it
     * needs: outputs not yet made (composite lag and taps), the resampler's taps, the bank's 16-slot window.
     */
    private static final int END_REACH = 32 * (LEAD + 1) + 3 * HALF_TAPS + 511 + 576;
    /** Recent slots kept for replays (a replay needs at most ~31). */
    private static final int RING = 64;

    /**
     * COMPOSITE[parity][((LAG − u − COMPOSITE_FROM)·3 + k − 14)·16 + r] = f_k[2r + parity + 32u]: slot by slot, oldest
     * first, without the slots at either end whose taps are all below {@link #NEGLIGIBLE_TAP} of the largest.
     */
    private static final float[][] COMPOSITE;
    /** The first slot (counted from LAG slots back) that {@link #COMPOSITE} keeps. */
    private static final int COMPOSITE_FROM;
    /**
     * The filters' far tails (four slots of 26) weigh a subband sample by less than 10⁻⁶ of the peak, a tenth of the
     * resampler's own stopband leakage (10⁻⁵): dropped, they change no output by more than ~4·10⁻⁶ of full scale.
     */
    private static final double NEGLIGIBLE_TAP = 1e-6;

    static {
        float[][] full = compositeFilters();
        double peak = 0;
        for (float[] table : full) {
            for (float f : table) {
                peak = Math.max(peak, Math.abs(f));
            }
        }
        int from = SPAN;
        int to = 0;
        for (int j = 0; j < SPAN; j++) {
            for (float[] table : full) {
                for (int i = j * HIGH_SUBBANDS * 16; i < (j + 1) * HIGH_SUBBANDS * 16; i++) {
                    if (Math.abs(table[i]) >= NEGLIGIBLE_TAP * peak) {
                        from = Math.min(from, j);
                        to = Math.max(to, j + 1);
                    }
                }
            }
        }
        COMPOSITE_FROM = from;
        COMPOSITE = new float[][] {
            java.util.Arrays.copyOfRange(full[0], from * HIGH_SUBBANDS * 16, to * HIGH_SUBBANDS * 16),
            java.util.Arrays.copyOfRange(full[1], from * HIGH_SUBBANDS * 16, to * HIGH_SUBBANDS * 16)};
    }
    /** MATRIX[parity][32k + m]: the matrixing's weight of subband k (k < 14) in entry m of the parity's V row. */
    private static final float[][] MATRIX = new float[2][LOW_SUBBANDS * 32];
    /** WINDOW[parity][32i + m]: the window's weight of row entry m, a slot 2i (m < 16) or 2i + 1 (m ≥ 16) old. */
    private static final float[][] WINDOW = new float[2][8 * 32];

    static {
        for (int p = 0; p < 2; p++) {
            for (int m = 0; m < 32; m++) {
                // Entry m holds V[j] (m < 16) or V[32 + j] (m ≥ 16) of the output column j = p + 2·(m mod 16).
                int i = (m < 16 ? 0 : 32) + p + 2 * (m % 16);
                for (int k = 0; k < LOW_SUBBANDS; k++) {
                    MATRIX[p][32 * k + m] = (float) Math.cos((16 + i) * (2 * k + 1) * Math.PI / 64);
                }
                for (int w = 0; w < 8; w++) {
                    WINDOW[p][32 * w + m] = (float) Layer3Tables.SYNTHESIS_WINDOW[64 * w + i];
                }
            }
        }
    }

    private static final Kernels KERNELS = io.genrelake.dsp.VectorApiProbe.choose(Kernels.class,
            "io.genrelake.audio.mp3.VectorHalfRateKernels", new Class<?>[0], new Object[0], Plain::new);
    /** Slots whose composite part waits for the end of the granule, at most: a granule's 18 and some. */
    private static final int BATCH = 32;
    /** Slots of the high subbands' recent samples kept in a line, shifted down when full. */
    private static final int HISTORY = 256;
    /** Slots kept when the history shifts: more than the composites of the pending slots reach back. */
    private static final int HISTORY_KEPT = 128;

    private final long skip;
    private final int parity;
    /** Trimmed samples at the full rate, or −1 while unknown. */
    private long kept;
    /** The low part's V rows, 16 × 32, a ring; the newest at {@link #newestRow}. */
    private final float[] rows = new float[16 * 32];
    private int newestRow;
    private final float[] lowOutputs = new float[RING * 16];
    /** The last {@link #RING} slots, all subbands, for replays. */
    private final float[] ring = new float[RING * 32];
    /** history[(t − historyOrigin)·3 + b]: subband 14 + b in slot t (zero before slot 0). */
    private final float[] history = new float[HISTORY * HIGH_SUBBANDS];
    private long historyOrigin = -LAG;
    /** The pending slots' outputs, 16 each: low part, then the composite part added. */
    private final float[] sums = new float[BATCH * 16];
    private long pendingFrom;
    private int pendingCount;
    /** Slots taken in; those before {@link #slots} have been accounted for (replays, pending composites). */
    private long received;
    private long slots;
    private long nextOutput;
    private boolean startDone;
    private boolean done;

    private final float[] out = new float[4096];
    private int outPos;
    private int outEnd;

    /** For a stream whose first {@code skip} samples are dropped and that keeps {@code kept} (−1: unknown) after them. */
    HalfRateSynthesis(long skip, long kept) {
        this.skip = skip;
        this.kept = kept;
        this.parity = (int) (skip & 1);
    }

    /** A granule's slots ({@code subbands[slot·32 + subband]}; subbands ≥ {@link #SUBBANDS} only matter to replays). */
    void slots(float[] subbands, int count) {
        if (outPos == outEnd) {
            outPos = 0;
            outEnd = 0;
        }
        for (int t = 0; t < count; t++) {
            receive(subbands, 32 * t);
        }
        newestRow = KERNELS.lowSlots(MATRIX[parity], WINDOW[parity], subbands, count, rows, newestRow, lowOutputs,
                (int) (slots & (RING - 1)));
        for (int t = 0; t < count; t++) {
            account();
        }
        emitComposites();
    }

    /**
     * Subbands the next granule needs: all 32 near the trimmed start and (when the length is known) end, where the
     * outputs are replayed the resampler's way: it sees every subband cut off at the trim, and a cut spreads even
     * the top subbands' frequencies into the output band. Elsewhere {@link #SUBBANDS}. Where the end comes unannounced
     * (no LAME tag, or a stream cut short) the last ~12 outputs may therefore miss the cut-off top subbands' spread
     * (at most ~10⁻³ of full scale at the very last sample; 5·10⁻⁶ measured on an untagged LAME file).
     */
    int subbandsForNextGranule() {
        long first = 32 * slots;
        boolean nearStart = first < skip + START_REACH;
        boolean nearEnd = kept >= 0 && first + 576 + END_REACH > skip + kept;
        return nearStart || nearEnd ? 32 : SUBBANDS;
    }

    /** The stream ended after {@code trimmed} samples (full rate, after the skip): the last outputs. */
    void finish(long trimmed) {
        kept = trimmed;
        emitComposites();
        if (!done) {
            replay(nextOutput, outputs(trimmed), true);
            done = true;
        }
    }

    /** Outputs ready to {@link #read}. */
    int available() {
        return outEnd - outPos;
    }

    int read(float[] dst, int off, int max) {
        int n = Math.min(max, outEnd - outPos);
        System.arraycopy(out, outPos, dst, off, n);
        outPos += n;
        return n;
    }

    /** Keeps a slot for replays and, its high subbands, for the composite filters. */
    private void receive(float[] subbands, int in) {
        long t = received++;
        System.arraycopy(subbands, in, ring, (int) (t & (RING - 1)) * 32, 32);
        int at = (int) (t - historyOrigin);
        if (at == HISTORY) {
            System.arraycopy(history, (HISTORY - HISTORY_KEPT) * HIGH_SUBBANDS, history, 0, HISTORY_KEPT * HIGH_SUBBANDS);
            historyOrigin += HISTORY - HISTORY_KEPT;
            at = HISTORY_KEPT;
        }
        System.arraycopy(subbands, in + LOW_SUBBANDS, history, at * HIGH_SUBBANDS, HIGH_SUBBANDS);
    }

    /** The next received slot: the replays it makes possible, and its composite part pending. */
    private void account() {
        long t = slots++;
        if (done) {
            return;
        }
        long available = 32 * slots; // y[0, available) has been synthesised
        if (kept >= 0 && available >= skip + kept) {
            emitComposites();
            replay(nextOutput, outputs(kept), true);
            done = true;
            return;
        }
        if (!startDone) {
            if (skip + 2 * (START_OUTPUTS - 1) + HALF_TAPS >= available) {
                return;
            }
            replay(0, START_OUTPUTS, false);
            startDone = true;
        }
        long own = t - LEAD;
        if (own >= 0) {
            if (pendingCount == BATCH) {
                emitComposites();
            }
            if (pendingCount == 0) {
                pendingFrom = own;
            }
            pendingCount++;
        }
    }

    /** The outputs of the pending slots (those of this stream's parity): low part plus composite part. */
    private void emitComposites() {
        int count = pendingCount;
        if (count == 0) {
            return;
        }
        pendingCount = 0;
        float[] s = sums;
        for (int q = 0; q < count; q++) {
            System.arraycopy(lowOutputs, (int) ((pendingFrom + q) & (RING - 1)) * 16, s, 16 * q, 16);
        }
        long start = pendingFrom - LAG + COMPOSITE_FROM - historyOrigin;
        if (start < 0) {
            throw new IllegalStateException("composites reach " + -start + " slots before the history kept");
        }
        KERNELS.compositeSums(COMPOSITE[parity], history, (int) start * HIGH_SUBBANDS, HIGH_SUBBANDS, count, s);
        long first = 32 * pendingFrom + parity; // c of the first pending output; later ones 2 apart
        long last = first + 32L * (count - 1) + 30;
        long next = skip + 2 * nextOutput;
        if (next >= first && (kept < 0 || last + HALF_TAPS < skip + kept)) {
            // Steady state: one run of outputs, those before the next one to make already made (by the start replay).
            int from = (int) Math.min(16L * count, (next - first) / 2);
            int n = 16 * count - from;
            System.arraycopy(s, from, out, outEnd, n);
            outEnd += n;
            nextOutput += n;
            return;
        }
        for (int q = 0; q < count; q++) {
            for (int r = 0; r < 16; r++) {
                long c = 32 * (pendingFrom + q) + 2 * r + parity;
                if (c < skip + 2 * nextOutput) {
                    continue;
                }
                if (kept >= 0 && c + HALF_TAPS >= skip + kept) {
                    return; // its taps reach past the end: left to the final replay
                }
                out[outEnd++] = s[16 * q + r];
                nextOutput++;
            }
        }
    }

    /**
     * Outputs [from, to) the resampler's way: the slots they need replayed through a full bank (15 slots earlier,
     * to fill its window), the trimmed samples resampled. {@code atEnd}: the stream ends at {@link #kept}.
     */
    private void replay(long from, long to, boolean atEnd) {
        if (from >= to) {
            return;
        }
        long c = skip + 2 * from;
        long start = Math.max(skip, c - 2L * HALF_TAPS); // ≡ c (mod 2): the resampler's outputs land on ours
        long end = atEnd ? Math.min(skip + kept, 32 * slots) : skip + 2 * (to - 1) + HALF_TAPS + 1;
        long firstSlot = Math.max(0, start / 32 - 15);
        long lastSlot = (end - 1) / 32;
        if (received - firstSlot > RING) {
            throw new IllegalStateException("replay reaches " + (received - firstSlot) + " slots back; the ring keeps " + RING);
        }
        SynthesisFilterBank bank = new SynthesisFilterBank();
        float[] y = new float[(int) (lastSlot - firstSlot + 1) * 32];
        for (long s = firstSlot; s <= lastSlot; s++) {
            bank.slot(ring, (int) (s & (RING - 1)) * 32, y, (int) (s - firstSlot) * 32);
        }
        Resampler resampler = new Resampler(2, 1);
        int length = (int) Math.max(0, end - start);
        float[] z = new float[resampler.maxOutput(length) + resampler.maxOutput(0)];
        int n = resampler.process(y, (int) (start - 32 * firstSlot), length, z, 0);
        if (atEnd) {
            n += resampler.finish(z, n);
        }
        for (int i = 0; i < n && nextOutput < to; i++) {
            if (start + 2L * i == skip + 2 * nextOutput) {
                out[outEnd++] = z[i];
                nextOutput++;
            }
        }
        if (nextOutput != to) {
            throw new IllegalStateException("replay made outputs up to " + nextOutput + ", not " + to);
        }
    }

    /** {@link Kernels} in plain Java. */
    static final class Plain implements Kernels {

        @Override
        public int lowSlots(float[] matrix, float[] window, float[] subbands, int count, float[] v, int newest,
                float[] out, int outSlot) {
            for (int t = 0; t < count; t++) {
                newest = (newest + 15) & 15;
                int row = 32 * newest;
                java.util.Arrays.fill(v, row, row + 32, 0f);
                for (int k = 0; k < LOW_SUBBANDS; k++) {
                    float x = subbands[32 * t + k];
                    for (int m = 0; m < 32; m++) {
                        v[row + m] = Math.fma(x, matrix[32 * k + m], v[row + m]);
                    }
                }
                int o = ((outSlot + t) & (RING - 1)) * 16;
                for (int c = 0; c < 16; c++) {
                    float sum = 0f;
                    for (int i = 0; i < 8; i++) {
                        int even = 32 * ((newest + 2 * i) & 15);
                        int odd = 32 * ((newest + 2 * i + 1) & 15);
                        sum = Math.fma(window[32 * i + c], v[even + c], sum);
                        sum = Math.fma(window[32 * i + 16 + c], v[odd + 16 + c], sum);
                    }
                    out[o + c] = sum;
                }
            }
            return newest;
        }

        @Override
        public void compositeSums(float[] columns, float[] history, int start, int step, int count, float[] sums) {
            int n = columns.length / 16;
            for (int q = 0; q < count; q++) {
                for (int i = 0; i < n; i++) {
                    float x = history[start + step * q + i];
                    for (int r = 0; r < 16; r++) {
                        sums[16 * q + r] = Math.fma(x, columns[16 * i + r], sums[16 * q + r]);
                    }
                }
            }
        }
    }

    /** What the resampler makes of n samples: ceil(n / 2). */
    private static long outputs(long n) {
        return (Math.max(0, n) + 1) / 2;
    }

    /** f_k = h * g_k for k = 14..16, sampled for both parities. */
    private static float[][] compositeFilters() {
        int length = 512;
        float[][] tables = new float[2][HIGH_SUBBANDS * SPAN * 16];
        for (int b = 0; b < HIGH_SUBBANDS; b++) {
            // g_k: the bank's response to a unit sample in subband k, 16 slots (its window's length)
            SynthesisFilterBank bank = new SynthesisFilterBank();
            float[] impulse = new float[32 * 16];
            impulse[LOW_SUBBANDS + b] = 1f;
            float[] g = new float[length];
            bank.synthesize(impulse, 16, g, 0);
            for (int u = -LEAD; u <= LAG; u++) {
                for (int j = 0; j < 32; j++) {
                    int d = j + 32 * u; // f_k[d] = Σ_i h_i·g_k[d − (HALF_TAPS − 1) + i]
                    double f = 0;
                    for (int i = 0; i < TAPS.length; i++) {
                        int n = d - (HALF_TAPS - 1) + i;
                        if (n >= 0 && n < length) {
                            f += (double) TAPS[i] * g[n];
                        }
                    }
                    tables[j & 1][((LAG - u) * HIGH_SUBBANDS + b) * 16 + j / 2] = (float) f;
                }
            }
        }
        return tables;
    }
}
