package io.genrelake.features;

import io.genrelake.dsp.CenteredFramer;
import io.genrelake.dsp.ChromaFilterBank;
import io.genrelake.dsp.Dct;
import io.genrelake.dsp.Hpss;
import io.genrelake.dsp.Istft;
import io.genrelake.dsp.MelFilterBank;
import io.genrelake.dsp.OnsetStrength;
import io.genrelake.dsp.PowerToDb;
import io.genrelake.dsp.RunningRms;
import io.genrelake.dsp.SpectralShape;
import io.genrelake.dsp.Stft;
import io.genrelake.dsp.TempoEstimator;
import io.genrelake.dsp.TuningEstimator;
import io.genrelake.dsp.ZeroCrossingCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Computes the 57 GTZAN features of a 22050-Hz mono signal exactly as librosa 0.10.2 does in "Kaggle
 * mode" (shared/golden/README.md): one reflect-padded STFT shared by every spectral feature, HPSS,
 * tempo and MFCCs, the time-domain rms and zero-crossing rate, mean and population variance of each.
 * For the rich set ({@link FeatureSetKind#RICH}) the same passes also feed {@link RichColumns}.
 *
 * <p>Two passes over the frames, because two quantities are clip-wide: the tuning estimate the chroma
 * filter bank depends on, and the largest mel power that anchors power_to_db's 80-dB floor. Pass 1
 * finds both; pass 2 computes everything else, frame by frame. Short clips keep their spectra between
 * the passes; long signals are read twice from a {@link SignalSource}, so memory stays bounded by the
 * frame-local state (HPSS ±15 frames, tempogram ±172 frames) plus the tuning peaks.
 *
 * <p>Not thread-safe: use one instance per thread; instances are reusable and allocate nothing per frame.
 */
public final class FeatureExtractor {

    /** The sample rate of the feature set. */
    public static final int SAMPLE_RATE = 22050;
    /** The shortest usable signal: one n_fft analysis frame. */
    public static final int MIN_SAMPLES = Stft.N_FFT;
    /**
     * Clips of up to this many frames (≈ 70 s, 38 MB) keep their spectra in memory between the passes;
     * longer ones are read and transformed twice.
     */
    static final int CACHE_FRAMES = 3000;

    private static final int BINS = Stft.BINS;
    private static final int N_MELS = MelFilterBank.N_MELS;
    private static final int N_MFCC = FeatureSet.N_MFCC;

    private final Stft stft = new Stft();
    private final MelFilterBank melBank = MelFilterBank.gtzan();
    private final Dct dct = new Dct(N_MFCC, N_MELS);
    private final SpectralShape shape = new SpectralShape(SAMPLE_RATE, Stft.N_FFT);
    private final TuningEstimator tuning = new TuningEstimator(SAMPLE_RATE, Stft.N_FFT);
    private final Map<Double, ChromaFilterBank> chromaBanks = new HashMap<>();
    private final Hpss hpss = new Hpss(new Istft(this::onHarmonic));
    private final OnsetStrength onset = new OnsetStrength(N_MELS);
    private final TempoEstimator tempo = new TempoEstimator(SAMPLE_RATE, Stft.HOP);
    private final ZeroCrossingCounter zeroCrossings = new ZeroCrossingCounter(Stft.N_FFT, Stft.HOP);
    private final RunningRms runningRms = new RunningRms(Stft.N_FFT, Stft.HOP);

    private final float[] frame = new float[Stft.N_FFT];
    private final float[] edgeFrame = new float[Stft.N_FFT];
    private final float[] re = new float[BINS];
    private final float[] im = new float[BINS];
    private final float[] magnitude = new float[BINS];
    /** Pass 1: the power spectra and mel bands of the frames awaiting {@link MelFilterBank#applyBatch}. */
    private final float[][] powerRows = new float[melBank.batchLanes()][BINS];
    private final float[][] melRows = new float[melBank.batchLanes()][N_MELS];
    private int melPending;
    private int melFirst;
    private final float[] power = new float[BINS];
    private final float[] mel = new float[N_MELS];
    private final float[] melDb = new float[N_MELS];
    private final float[] mfcc = new float[N_MFCC];
    private final float[] chroma = new float[ChromaFilterBank.N_CHROMA];
    private final float[] percussive = new float[Stft.HOP];
    private float[] cacheRe = new float[0];
    private float[] cacheIm = new float[0];
    private float[] cacheMag = new float[0];
    private float[] cacheMel = new float[0];

    private final MeanVariance chromaStats = new MeanVariance();
    private final MeanVariance rmsStats = new MeanVariance();
    private final MeanVariance centroidStats = new MeanVariance();
    private final MeanVariance bandwidthStats = new MeanVariance();
    private final MeanVariance rolloffStats = new MeanVariance();
    private final MeanVariance zcrStats = new MeanVariance();
    private final MeanVariance harmonyStats = new MeanVariance();
    private final MeanVariance perceptrStats = new MeanVariance();
    private final MeanVariance[] mfccStats = new MeanVariance[N_MFCC];

    /** Pass 1's largest mel power so far. */
    private float maxMel;
    /** The framer of the pass in progress: the HPSS sink reads the input samples back from it. */
    private CenteredFramer pass2;
    private ExtractionTrace trace;
    /** The rich set's 241 columns, or null for the 57 alone. */
    private final RichColumns rich;
    private final FeatureSetKind kind;

    /** An extractor of the 57 GTZAN columns. */
    public FeatureExtractor() {
        this(FeatureSetKind.GTZAN);
    }

    /** An extractor of the given feature set. */
    public FeatureExtractor(FeatureSetKind kind) {
        this.kind = kind;
        this.rich = kind == FeatureSetKind.RICH ? new RichColumns(melBank.batchLanes()) : null;
        for (int k = 0; k < N_MFCC; k++) {
            mfccStats[k] = new MeanVariance();
        }
    }

    /** The feature set this extractor computes. */
    public FeatureSetKind kind() {
        return kind;
    }

    /** Features of a whole signal held in memory. */
    public TrackFeatures extract(float[] y) {
        return extract(y, 0, y.length);
    }

    /** Features of {@code y[from, to)} as a clip of its own (own padding, tuning, dB floor and tempo). */
    public TrackFeatures extract(float[] y, int from, int to) {
        return extract(y, from, to, null);
    }

    /** As {@link #extract(float[], int, int)}, reporting intermediate values to {@code trace}. */
    public TrackFeatures extract(float[] y, int from, int to, ExtractionTrace trace) {
        if (from < 0 || to > y.length || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + y.length);
        }
        requireLength(to - from);
        boolean cache = Stft.frameCount(to - from) <= CACHE_FRAMES;
        try {
            return run(SignalSource.of(y, from, to), cache, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // arrays do not fail
        }
    }

    /** The in-memory path whatever the length: spectra kept between the passes (for tests). */
    TrackFeatures extractInMemory(float[] y) {
        requireLength(y.length);
        try {
            return run(SignalSource.of(y, 0, y.length), true, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Features of a signal read twice from {@code source}, in memory independent of its length. */
    public TrackFeatures extract(SignalSource source) throws IOException {
        return run(source, false, null);
    }

    /** As {@link #extract(SignalSource)}, reporting intermediate values to {@code trace}. */
    public TrackFeatures extract(SignalSource source, ExtractionTrace trace) throws IOException {
        return run(source, false, trace);
    }

    private static void requireLength(long n) {
        if (n < MIN_SAMPLES) {
            throw new IllegalArgumentException("too short: " + n + " samples, need at least " + MIN_SAMPLES
                    + " (one analysis frame)");
        }
    }

    private TrackFeatures run(SignalSource source, boolean cache, ExtractionTrace trace) throws IOException {
        this.trace = trace;
        try {
            // Pass 1: tuning peaks and the largest mel power; spectra in batches (Stft.batchSize).
            tuning.reset();
            maxMel = 0f;
            if (rich != null) {
                rich.startPass1();
            }
            long n;
            int frames;
            try (SignalSource.Reader reader = source.open()) {
                CenteredFramer framer = new CenteredFramer(reader, Stft.N_FFT, Stft.HOP);
                melPending = 0;
                melFirst = 0;
                stft.spectra(framer, new Stft.SpectrumSink() {
                    @Override
                    public void accept(int t, float[] frameRe, float[] frameIm) {
                        firstPassFrame(t, frameRe, frameIm, cache);
                    }

                    @Override
                    public void batchDone() {
                        melBands(cache);
                    }
                });
                melBands(cache);
                n = framer.samplesRead();
                frames = framer.frameIndex() + 1;
            }
            requireLength(n);
            double tuningEstimate = tuning.estimate();
            ChromaFilterBank chromaBank = chromaBanks.computeIfAbsent(tuningEstimate,
                    tu -> new ChromaFilterBank(SAMPLE_RATE, Stft.N_FFT, tu));
            float dbFloor = PowerToDb.floorFor(maxMel);
            if (trace != null) {
                trace.clipConstants(tuningEstimate, maxMel);
            }

            // Pass 2: everything else.
            resetStats();
            hpss.reset();
            onset.reset();
            tempo.reset();
            zeroCrossings.reset();
            runningRms.reset();
            if (rich != null) {
                rich.startPass2();
            }
            float onsetDue = 0f; // envelope value of the current frame, computed two frames ago
            float onsetNext = 0f;
            try (SignalSource.Reader reader = source.open()) {
                pass2 = new CenteredFramer(reader, Stft.N_FFT, Stft.HOP);
                while (pass2.next(frame, edgeFrame)) {
                    int t = pass2.frameIndex();
                    if (cache) {
                        load(t);
                    } else {
                        stft.spectrum(frame, re, im);
                        stft.magnitudeAndPower(re, im, magnitude, power);
                    }

                    float rms = runningRms.next(frame);
                    double zcr = zeroCrossings.next(edgeFrame);
                    shape.compute(magnitude);
                    rmsStats.add(rms);
                    zcrStats.add(zcr);
                    centroidStats.add(shape.centroid());
                    bandwidthStats.add(shape.bandwidth());
                    rolloffStats.add(shape.rolloff());

                    if (cache) {
                        System.arraycopy(cacheMel, t * N_MELS, mel, 0, N_MELS);
                    } else {
                        melBank.apply(power, mel);
                    }
                    PowerToDb.toClippedDb(mel, melDb, N_MELS, dbFloor);
                    dct.apply(melDb, mfcc);
                    for (int k = 0; k < N_MFCC; k++) {
                        mfccStats[k].add(mfcc[k]);
                    }
                    chromaBank.apply(power, chroma);
                    chromaStats.addAll(chroma, 0, chroma.length);

                    // onset_strength: frame t's rise is the envelope of frame t + 2; frames 0..2 are 0
                    float rise = onset.next(melDb);
                    float value = t < 2 ? 0f : onsetDue;
                    tempo.add(value);
                    onsetDue = onsetNext;
                    onsetNext = Float.isNaN(rise) ? 0f : rise;
                    if (rich != null) {
                        rich.secondPassFrame(t, magnitude, power, mfcc, chroma, onset.meanRise(), cache);
                    }

                    hpss.addFrame(re, im, magnitude);
                    if (trace != null) {
                        trace.spectra(t, power, mel, melDb, mfcc, chroma);
                        trace.frameScalars(t, rms, shape.centroid(), shape.bandwidth(), shape.rolloff(), zcr);
                        trace.onset(t, value);
                    }
                }
                long n2 = pass2.samplesRead();
                if (n2 != n || pass2.frameIndex() + 1 != frames) {
                    throw new IOException("signal changed between passes: " + n + " then " + n2 + " samples");
                }
                hpss.finish();
            }
            // istft without a target length covers hop·(T−1) samples; librosa zero-fills the rest
            long tail = n - harmonyStats.count();
            harmonyStats.addZeros(tail);
            perceptrStats.addZeros(tail);
            double bpm = tempo.tempo();
            if (trace != null) {
                trace.tempo(tempo.meanTempogram(), bpm);
            }
            double[] v = values(bpm);
            if (rich != null) {
                rich.finish(frames, n, v, FeatureSet.SIZE);
            }
            return new TrackFeatures(n, v);
        } finally {
            pass2 = null;
            this.trace = null;
        }
    }

    /** Pass 1's work on frame t with its spectrum: tuning peaks; its power waits for the batch's mel bands. */
    private void firstPassFrame(int t, float[] frameRe, float[] frameIm, boolean cache) {
        if (!Float.isFinite(frameRe[0])) {
            throw new IllegalArgumentException("audio contains NaN or infinite samples (frame " + t + ")");
        }
        float[] framePower = powerRows[melPending];
        stft.magnitudeAndPower(frameRe, frameIm, magnitude, framePower);
        if (cache) {
            store(t, frameRe, frameIm);
        }
        if (rich != null) {
            rich.firstPassMagnitude(t, magnitude, cache);
        }
        tuning.addFrame(framePower);
        if (++melPending == powerRows.length) {
            melBands(cache);
        }
    }

    /** Pass 1: the mel bands of the pending frames (a batch at a time), the largest mel power, the cache. */
    private void melBands(boolean cache) {
        if (melPending == 0) {
            return;
        }
        melBank.applyBatch(powerRows, melPending, melRows);
        float max = maxMel;
        for (int i = 0; i < melPending; i++) {
            float[] row = melRows[i];
            for (int m = 0; m < N_MELS; m++) {
                max = Math.max(max, row[m]);
            }
            if (cache) {
                storeMel(melFirst + i, row);
            }
        }
        maxMel = max;
        if (rich != null) {
            rich.firstPassPowers(powerRows, melPending, melFirst, cache);
        }
        melFirst += melPending;
        melPending = 0;
    }

    /** HPSS sink: harmonic samples in order; the percussive ones are the input minus the harmonic. */
    private void onHarmonic(float[] h, int off, int len, long first) {
        for (int i = 0; i < len; i++) {
            percussive[i] = pass2.sample(first + i) - h[off + i];
        }
        harmonyStats.addAll(h, off, len);
        perceptrStats.addAll(percussive, 0, len);
        if (trace != null) {
            trace.hpss(Arrays.copyOfRange(h, off, off + len), percussive, len, first);
        }
    }

    private void store(int t, float[] frameRe, float[] frameIm) {
        int need = (t + 1) * BINS;
        if (cacheRe.length < need) {
            int size = Math.max(need, Math.min(CACHE_FRAMES, Math.max(2 * t, 1400)) * BINS);
            cacheRe = Arrays.copyOf(cacheRe, size);
            cacheIm = Arrays.copyOf(cacheIm, size);
            cacheMag = Arrays.copyOf(cacheMag, size);
        }
        System.arraycopy(frameRe, 0, cacheRe, t * BINS, BINS);
        System.arraycopy(frameIm, 0, cacheIm, t * BINS, BINS);
        System.arraycopy(magnitude, 0, cacheMag, t * BINS, BINS);
    }

    private void storeMel(int t, float[] row) {
        int need = (t + 1) * N_MELS;
        if (cacheMel.length < need) {
            cacheMel = Arrays.copyOf(cacheMel, Math.max(need, cacheRe.length / BINS * N_MELS));
        }
        System.arraycopy(row, 0, cacheMel, t * N_MELS, N_MELS);
    }

    private void load(int t) {
        int at = t * BINS;
        System.arraycopy(cacheRe, at, re, 0, BINS);
        System.arraycopy(cacheIm, at, im, 0, BINS);
        System.arraycopy(cacheMag, at, magnitude, 0, BINS);
        for (int k = 0; k < BINS; k++) {
            power[k] = magnitude[k] * magnitude[k]; // exactly Stft.magnitudeAndPower's power
        }
    }

    private void resetStats() {
        for (MeanVariance s : new MeanVariance[] {chromaStats, rmsStats, centroidStats, bandwidthStats,
                rolloffStats, zcrStats, harmonyStats, perceptrStats}) {
            s.reset();
        }
        for (MeanVariance s : mfccStats) {
            s.reset();
        }
    }

    private double[] values(double bpm) {
        double[] v = new double[kind.size()];
        put(v, FeatureSet.CHROMA_MEAN, chromaStats);
        put(v, FeatureSet.RMS_MEAN, rmsStats);
        put(v, FeatureSet.CENTROID_MEAN, centroidStats);
        put(v, FeatureSet.BANDWIDTH_MEAN, bandwidthStats);
        put(v, FeatureSet.ROLLOFF_MEAN, rolloffStats);
        put(v, FeatureSet.ZCR_MEAN, zcrStats);
        put(v, FeatureSet.HARMONY_MEAN, harmonyStats);
        put(v, FeatureSet.PERCEPTR_MEAN, perceptrStats);
        v[FeatureSet.TEMPO] = bpm;
        for (int k = 0; k < N_MFCC; k++) {
            put(v, FeatureSet.MFCC_START + 2 * k, mfccStats[k]);
        }
        return v;
    }

    private static void put(double[] v, int meanIndex, MeanVariance s) {
        v[meanIndex] = s.mean();
        v[meanIndex + 1] = s.variance();
    }
}
