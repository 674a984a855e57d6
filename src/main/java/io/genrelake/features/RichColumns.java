package io.genrelake.features;

import io.genrelake.dsp.ChromaFilterBank;
import io.genrelake.dsp.Delta;
import io.genrelake.dsp.MelFilterBank;
import io.genrelake.dsp.OnsetDetect;
import io.genrelake.dsp.PowerToDb;
import io.genrelake.dsp.SpectralContrast;
import io.genrelake.dsp.SpectralFlatness;
import io.genrelake.dsp.Stft;
import io.genrelake.dsp.Tonnetz;
import java.util.Arrays;

/**
 * The 241 columns the rich set adds ({@link RichFeatureSet#EXTRA}), fed by {@link FeatureExtractor}'s two passes
 * from the same spectra, mel dB frames, MFCCs and chroma as the 57.
 *
 * <p>Two more clip-wide quantities join pass 1: the largest 64-band mel power (its dB floor) and the largest
 * spectral-contrast peak and valley (power_to_db clips each 80 dB below its own maximum). Pass 1 therefore
 * computes the 64-band mel and the contrast peaks and valleys, and keeps them with the spectra when the extractor
 * keeps those (short clips); long signals compute them again in pass 2. Held whatever the length: 9 MFCC frames
 * (delta), one texture block's sums, and the onset envelope (4 bytes per frame, {@link OnsetDetect}).
 */
final class RichColumns {

    private static final int N_MEL = RichFeatureSet.N_MEL;
    private static final int N_CONTRAST = RichFeatureSet.N_CONTRAST;
    private static final int N_MFCC = FeatureSet.N_MFCC;
    private static final int N_CHROMA = ChromaFilterBank.N_CHROMA;
    private static final int N_TONNETZ = Tonnetz.DIMENSIONS;
    private static final int BLOCK = RichFeatureSet.TEXTURE_FRAMES;

    private final MelFilterBank melBank = new MelFilterBank(FeatureExtractor.SAMPLE_RATE, Stft.N_FFT, N_MEL);
    private final SpectralContrast contrast = new SpectralContrast(FeatureExtractor.SAMPLE_RATE, Stft.N_FFT);
    private final Tonnetz tonnetz = new Tonnetz(N_CHROMA);
    private final Delta delta = new Delta(N_MFCC);
    private final OnsetDetect onsets = new OnsetDetect();

    private final float[][] melRows;
    private final float[] mel = new float[N_MEL];
    private final float[] melDb = new float[N_MEL];
    private final float[] peak = new float[N_CONTRAST];
    private final float[] valley = new float[N_CONTRAST];
    private final double[] tonnetzFrame = new double[N_TONNETZ];
    private final double[] blockSums = new double[N_MFCC];
    private int blockFrames;

    private float maxMel;
    private float maxPeak;
    private float maxValley;
    private float melFloor;
    private double peakFloor;
    private double valleyFloor;
    /** Pass 1's 64-band mel rows and contrast peaks/valleys of short clips: frame t at t·64, t·14. */
    private float[] cacheMel = new float[0];
    private float[] cacheContrast = new float[0];

    private final MeanVariance[] melStats = stats(N_MEL);
    private final MeanVariance[] deltaStats = stats(N_MFCC);
    private final MeanVariance[] contrastStats = stats(N_CONTRAST);
    private final MeanVariance flatnessStats = new MeanVariance();
    private final MeanVariance[] chromaStats = stats(N_CHROMA);
    private final MeanVariance[] tonnetzStats = stats(N_TONNETZ);
    private final MeanVariance[] textureStats = stats(N_MFCC);

    RichColumns(int batchRows) {
        melRows = new float[batchRows][N_MEL];
    }

    private static MeanVariance[] stats(int n) {
        MeanVariance[] s = new MeanVariance[n];
        for (int i = 0; i < n; i++) {
            s[i] = new MeanVariance();
        }
        return s;
    }

    /** Before pass 1. */
    void startPass1() {
        maxMel = 0f;
        maxPeak = 0f;
        maxValley = 0f;
    }

    /** Pass 1, frame t's magnitudes: contrast peaks and valleys (their maxima; kept when {@code cache}). */
    void firstPassMagnitude(int t, float[] magnitude, boolean cache) {
        contrast.peaksAndValleys(magnitude, peak, valley);
        float mp = maxPeak;
        float mv = maxValley;
        for (int k = 0; k < N_CONTRAST; k++) {
            mp = Math.max(mp, peak[k]);
            mv = Math.max(mv, valley[k]);
        }
        maxPeak = mp;
        maxValley = mv;
        if (cache) {
            int need = (t + 1) * 2 * N_CONTRAST;
            if (cacheContrast.length < need) {
                cacheContrast = Arrays.copyOf(cacheContrast, Math.max(need, 2 * cacheContrast.length));
            }
            System.arraycopy(peak, 0, cacheContrast, t * 2 * N_CONTRAST, N_CONTRAST);
            System.arraycopy(valley, 0, cacheContrast, t * 2 * N_CONTRAST + N_CONTRAST, N_CONTRAST);
        }
    }

    /** Pass 1, a batch of power spectra (frames first..first+count−1): 64-band mel, its maximum, kept when cache. */
    void firstPassPowers(float[][] powerRows, int count, int first, boolean cache) {
        melBank.applyBatch(powerRows, count, melRows);
        float max = maxMel;
        for (int i = 0; i < count; i++) {
            float[] row = melRows[i];
            for (int m = 0; m < N_MEL; m++) {
                max = Math.max(max, row[m]);
            }
            if (cache) {
                int need = (first + i + 1) * N_MEL;
                if (cacheMel.length < need) {
                    cacheMel = Arrays.copyOf(cacheMel, Math.max(need, 2 * cacheMel.length));
                }
                System.arraycopy(row, 0, cacheMel, (first + i) * N_MEL, N_MEL);
            }
        }
        maxMel = max;
    }

    /** Rows {@link #firstPassPowers} takes at once. */
    int batchLanes() {
        return melBank.batchLanes();
    }

    /** Between the passes: the dB floors, fresh statistics. */
    void startPass2() {
        melFloor = PowerToDb.floorFor(maxMel);
        peakFloor = SpectralContrast.toDb(maxPeak) - PowerToDb.TOP_DB;
        valleyFloor = SpectralContrast.toDb(maxValley) - PowerToDb.TOP_DB;
        for (MeanVariance[] group : new MeanVariance[][] {melStats, deltaStats, contrastStats, chromaStats,
                tonnetzStats, textureStats}) {
            for (MeanVariance s : group) {
                s.reset();
            }
        }
        flatnessStats.reset();
        Arrays.fill(blockSums, 0);
        blockFrames = 0;
        delta.reset();
        onsets.reset();
    }

    /**
     * Pass 2, frame t: its magnitudes and powers, the 20 MFCCs and 12 chroma of the 57-column path, and the mean
     * onset rise of dB frame t (NaN for t = 0), which is onset_strength's value for frame t + 2.
     */
    void secondPassFrame(int t, float[] magnitude, float[] power, float[] mfcc, float[] chroma, float meanRise,
            boolean cache) {
        if (cache) {
            System.arraycopy(cacheMel, t * N_MEL, mel, 0, N_MEL);
            System.arraycopy(cacheContrast, t * 2 * N_CONTRAST, peak, 0, N_CONTRAST);
            System.arraycopy(cacheContrast, t * 2 * N_CONTRAST + N_CONTRAST, valley, 0, N_CONTRAST);
        } else {
            melBank.apply(power, mel);
            contrast.peaksAndValleys(magnitude, peak, valley);
        }
        PowerToDb.toClippedDb(mel, melDb, N_MEL, melFloor);
        for (int m = 0; m < N_MEL; m++) {
            melStats[m].add(melDb[m]);
        }
        for (int k = 0; k < N_CONTRAST; k++) {
            double p = Math.max(SpectralContrast.toDb(peak[k]), peakFloor);
            double v = Math.max(SpectralContrast.toDb(valley[k]), valleyFloor);
            contrastStats[k].add(p - v);
        }
        flatnessStats.add((float) SpectralFlatness.flatness(power, Stft.BINS)); // librosa's result is float32
        for (int c = 0; c < N_CHROMA; c++) {
            chromaStats[c].add(chroma[c]);
        }
        tonnetz.apply(chroma, tonnetzFrame);
        for (int p = 0; p < N_TONNETZ; p++) {
            tonnetzStats[p].add(tonnetzFrame[p]);
        }
        addDelta(delta.add(mfcc));
        for (int k = 0; k < N_MFCC; k++) {
            blockSums[k] += mfcc[k];
        }
        if (++blockFrames == BLOCK) {
            closeBlock();
        }
        // onset_strength(aggregate=mean): frames 0..2 are 0, dB frame t ≥ 1 gives frame t + 2
        if (t == 0) {
            onsets.add(0f);
            onsets.add(0f);
            onsets.add(0f);
        } else {
            onsets.add(meanRise);
        }
    }

    private void addDelta(int frames) {
        float[] d = delta.out();
        for (int i = 0; i < frames; i++) {
            for (int k = 0; k < N_MFCC; k++) {
                deltaStats[k].add(d[k]);
            }
        }
    }

    private void closeBlock() {
        for (int k = 0; k < N_MFCC; k++) {
            textureStats[k].add((float) (blockSums[k] / blockFrames)); // np.mean of float32 is float32
            blockSums[k] = 0;
        }
        blockFrames = 0;
    }

    /** After pass 2 of a signal of {@code frames} frames and {@code samples} samples: the 241 values into v[from..]. */
    void finish(int frames, long samples, double[] v, int from) {
        addDelta(delta.finish());
        if (textureStats[0].count() == 0 && blockFrames > 0) {
            closeBlock(); // shorter than one block: one block of all frames
        }
        onsets.truncate(frames);
        double onsetRate = onsets.count() / (samples / (double) FeatureExtractor.SAMPLE_RATE);

        putPairs(v, from + RichFeatureSet.MEL_START, melStats);
        putPairs(v, from + RichFeatureSet.DELTA_START, deltaStats);
        putPairs(v, from + RichFeatureSet.CONTRAST_START, contrastStats);
        v[from + RichFeatureSet.FLATNESS_START] = flatnessStats.mean();
        v[from + RichFeatureSet.FLATNESS_START + 1] = Math.sqrt(flatnessStats.variance());
        putPairs(v, from + RichFeatureSet.CHROMA_START, chromaStats);
        putPairs(v, from + RichFeatureSet.TONNETZ_START, tonnetzStats);
        for (int k = 0; k < N_MFCC; k++) {
            v[from + RichFeatureSet.TEXTURE_START + k] = Math.sqrt(textureStats[k].variance());
        }
        v[from + RichFeatureSet.ONSET_RATE] = onsetRate;
    }

    private static void putPairs(double[] v, int at, MeanVariance[] stats) {
        for (int i = 0; i < stats.length; i++) {
            v[at + 2 * i] = stats[i].mean();
            v[at + 2 * i + 1] = Math.sqrt(stats[i].variance());
        }
    }
}
