package io.genrelake.bench;

import io.genrelake.audio.AudioLoader;
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
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.SignalSource;
import io.genrelake.features.TrackFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Milliseconds per 30-s clip, one thread: the whole feature set ({@link #fullClip}), and each stage on
 * its own over the same clip's precomputed inputs, so the split adds up to about the whole. The clip
 * is ../shared/gtzan/audio/rock/rock.00000.wav (the clip librosa's per-call timings use) when present,
 * else 30 s of a synthetic mix.
 *
 * <p>Run: {@code bin/bench -f 1 -wi 5 -i 10 FeatureExtractorBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class FeatureExtractorBenchmark {

    private static final int BINS = Stft.BINS;

    private float[] y;
    private int frames;
    private float[][] frame;
    private float[][] re;
    private float[][] im;
    private float[][] magnitude;
    private float[][] power;
    private float[][] melDb;

    private final FeatureExtractor extractor = new FeatureExtractor();
    private final Stft stft = new Stft();
    private final MelFilterBank mel = MelFilterBank.gtzan();
    private final Dct dct = new Dct(20, MelFilterBank.N_MELS);
    private final TuningEstimator tuning = new TuningEstimator(22050, Stft.N_FFT);
    private final SpectralShape shape = new SpectralShape(22050, Stft.N_FFT);
    private final ZeroCrossingCounter zeroCrossings = new ZeroCrossingCounter(Stft.N_FFT, Stft.HOP);
    private final RunningRms runningRms = new RunningRms(Stft.N_FFT, Stft.HOP);
    private final ChromaFilterBank chroma = new ChromaFilterBank(22050, Stft.N_FFT, -0.1);
    private final Hpss hpss = new Hpss(new Istft((buf, off, len, first) -> { }));
    private final OnsetStrength onset = new OnsetStrength(MelFilterBank.N_MELS);
    private final TempoEstimator tempo = new TempoEstimator(22050, Stft.HOP);
    private final float[] melOut = new float[MelFilterBank.N_MELS];
    private final float[] mfccOut = new float[20];
    private final float[] chromaOut = new float[12];
    private final float[] magOut = new float[BINS];
    private final float[] powOut = new float[BINS];

    /** The stages in pipeline order, for {@link ExtractorCpuTime}'s split. */
    public static final String[] STAGES = {"stageStft", "stageTuning", "stageMelMfcc", "stageChroma",
        "stageSpectralShapeRmsZcr", "stageHpss", "stageOnsetTempo"};

    @Setup
    public void setup() throws IOException {
        Path clip = Path.of(System.getProperty("genrelake.shared", "../shared"), "gtzan/audio/rock/rock.00000.wav");
        y = Files.isRegularFile(clip) ? AudioLoader.load(clip).samples() : synthetic(30 * 22050);
        frames = Stft.frameCount(y.length);
        frame = new float[frames][Stft.N_FFT];
        re = new float[frames][BINS];
        im = new float[frames][BINS];
        magnitude = new float[frames][BINS];
        power = new float[frames][BINS];
        melDb = new float[frames][MelFilterBank.N_MELS];
        CenteredFramer framer = new CenteredFramer(SignalSource.of(y, 0, y.length).open(), Stft.N_FFT, Stft.HOP);
        float max = 0;
        for (int t = 0; t < frames && framer.next(frame[t], null); t++) {
            stft.spectrum(frame[t], re[t], im[t]);
            stft.magnitudeAndPower(re[t], im[t], magnitude[t], power[t]);
            mel.apply(power[t], melOut);
            for (float v : melOut) {
                max = Math.max(max, v);
            }
        }
        float floor = PowerToDb.floorFor(max);
        for (int t = 0; t < frames; t++) {
            mel.apply(power[t], melOut);
            PowerToDb.toClippedDb(melOut, melDb[t], MelFilterBank.N_MELS, floor);
        }
    }

    private static float[] synthetic(int n) {
        float[] s = new float[n];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            double t = i / 22050.0;
            s[i] = (float) (0.2 * Math.sin(2 * Math.PI * 220 * t) + 0.1 * Math.sin(2 * Math.PI * 330 * t)
                    + (t * 2 % 1 < 0.02 ? 0.4 * (rnd.nextDouble() - 0.5) : 0));
        }
        return s;
    }

    /** The whole feature set of the clip (both passes), as the extract job runs it. */
    @Benchmark
    public TrackFeatures fullClip() {
        return extractor.extract(y);
    }

    /** Framing, windowed FFT (in batches, as the first pass), complex64 rounding, magnitude and power of every frame. */
    @Benchmark
    public float stageStft() throws IOException {
        // in batches, as the extractor's first pass
        CenteredFramer framer = new CenteredFramer(SignalSource.of(y, 0, y.length).open(), Stft.N_FFT, Stft.HOP);
        stft.spectra(framer, (t, frameRe, frameIm) -> stft.magnitudeAndPower(frameRe, frameIm, magOut, powOut));
        return powOut[100];
    }

    /** piptrack on every frame and the tuning histogram. */
    @Benchmark
    public double stageTuning() {
        tuning.reset();
        for (int t = 0; t < frames; t++) {
            tuning.addFrame(power[t]);
        }
        return tuning.estimate();
    }

    /**
     * Mel filter bank (once, a batch of frames at a time, as pass 1 runs it; pass 2 reuses the bands), dB with the
     * clip floor, DCT.
     */
    @Benchmark
    public float stageMelMfcc() {
        int lanes = mel.batchLanes();
        float[][] batchPower = new float[lanes][];
        float[][] batchMel = new float[lanes][MelFilterBank.N_MELS];
        for (int t0 = 0; t0 < frames; t0 += lanes) {
            int count = Math.min(lanes, frames - t0);
            for (int i = 0; i < lanes; i++) {
                batchPower[i] = power[Math.min(t0 + i, frames - 1)];
            }
            mel.applyBatch(batchPower, count, batchMel);
            for (int i = 0; i < count; i++) {
                PowerToDb.toClippedDb(batchMel[i], melOut, MelFilterBank.N_MELS, -100f);
                dct.apply(melDb[t0 + i], mfccOut);
            }
        }
        return mfccOut[1];
    }

    /** The chroma filter bank and per-frame normalisation. */
    @Benchmark
    public float stageChroma() {
        for (int t = 0; t < frames; t++) {
            chroma.apply(power[t], chromaOut);
        }
        return chromaOut[3];
    }

    /** Centroid, bandwidth, rolloff, rms and zero-crossing rate. */
    @Benchmark
    public double stageSpectralShapeRmsZcr() {
        double s = 0;
        zeroCrossings.reset(); // on the reflect-padded frames: the same work as on the extractor's edge-padded ones
        runningRms.reset();
        for (int t = 0; t < frames; t++) {
            shape.compute(magnitude[t]);
            s += shape.bandwidth() + runningRms.next(frame[t]) + zeroCrossings.next(frame[t]);
        }
        return s;
    }

    /** HPSS: both median filters, soft masks and the inverse STFT of the harmonic part. */
    @Benchmark
    public void stageHpss() {
        hpss.reset();
        for (int t = 0; t < frames; t++) {
            hpss.addFrame(re[t], im[t], magnitude[t]);
        }
        hpss.finish();
    }

    /** Onset envelope, tempogram and the tempo decision. */
    @Benchmark
    public double stageOnsetTempo() {
        onset.reset();
        tempo.reset();
        for (int t = 0; t < frames; t++) {
            float v = onset.next(melDb[t]);
            tempo.add(Float.isNaN(v) ? 0f : v);
        }
        return tempo.tempo();
    }
}
