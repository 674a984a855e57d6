package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Synthetic signals whose features are known from first principles. */
class KnownAnswerTest {

    private static final int SR = FeatureExtractor.SAMPLE_RATE;
    private static final double BIN_HZ = SR / 2048.0;

    private static float[] sine(double hz, double amplitude, int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / SR));
        }
        return y;
    }

    @Test
    void sineOnABinHasAThreeBinHannSpectrum() {
        // A periodic-Hann-windowed sinusoid exactly on bin k has magnitudes 1/4, 1/2, 1/4 (x amplitude)
        // at bins k-1, k, k+1: centroid k·Δf, bandwidth Δf/√2, rolloff (k+1)·Δf (85% is past bin k).
        int k = 41; // 441.4 Hz, pitch class A
        FrameRecorder r = new FrameRecorder();
        TrackFeatures f = new FeatureExtractor().extract(sine(k * BIN_HZ, 0.5, 3 * SR), 0, 3 * SR, r);
        for (int t = 4; t < r.scalars.size() - 4; t++) { // away from the reflect-padded edges
            double[] s = r.scalars.get(t);
            // float32 rounding leaves ~1e-7 magnitudes in far bins, which move the centroid by ~0.002 Hz
            assertEquals(k * BIN_HZ, s[1], 0.02, "centroid, frame " + t);
            // bandwidth weighs those far bins by their squared distance (~0.7 Hz here); p = 1 would give Δf/2
            assertEquals(BIN_HZ / Math.sqrt(2), s[2], 1.0, "bandwidth, frame " + t);
            assertEquals((k + 1) * BIN_HZ, s[3], 1e-9, "rolloff, frame " + t);
            float[] chroma = r.chroma.get(t);
            assertEquals(1f, chroma[9], "A is the loudest pitch class");
        }
        assertEquals(0.5 / Math.sqrt(2), f.get("rms_mean"), 1e-3);
        assertEquals(2 * k * BIN_HZ / SR, f.get("zero_crossing_rate_mean"), 1e-3, "two crossings per period");
        assertEquals(0.0, f.get("tempo"), "a steady tone has an all-zero onset envelope");
        // a steady tone is harmonic: the harmonic part carries nearly all of the variance
        assertTrue(f.get("harmony_var") > 0.95 * 0.125, "harmony_var " + f.get("harmony_var"));
        assertTrue(f.get("perceptr_var") < 0.01 * f.get("harmony_var"), "perceptr_var " + f.get("perceptr_var"));
    }

    @Test
    void fullScaleSquareWaveHasUnitRms() {
        int n = 3 * SR;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(2 * Math.PI * 100 * i / SR) >= 0 ? 1f : -1f;
        }
        TrackFeatures f = new FeatureExtractor().extract(y);
        assertEquals(1.0, f.get("rms_mean"), 0.0, "every sample is ±1");
        assertEquals(0.0, f.get("rms_var"), 0.0);
        assertEquals(200.0 / SR, f.get("zero_crossing_rate_mean"), 2e-3, "two crossings per 100-Hz period");
    }

    @Test
    void silenceGivesDefinedNumbers() {
        TrackFeatures f = new FeatureExtractor().extract(new float[SR]);
        assertEquals(SR, f.length());
        // every mel band sits at the -100 dB floor: c0 = -100 · 128 / √128
        assertEquals(-100 * 128 / Math.sqrt(128), f.get("mfcc1_mean"), 1e-3);
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            String name = FeatureSet.NAMES.get(i);
            if (!name.equals("mfcc1_mean")) {
                assertEquals(0.0, Math.abs(f.values()[i]), 1e-9, name);
            }
        }
    }

    @Test
    void whiteNoiseHasAFlatSpectrum() {
        java.util.Random rnd = new java.util.Random(0);
        int n = 5 * SR;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) (rnd.nextDouble() * 0.6 - 0.3);
        }
        TrackFeatures f = new FeatureExtractor().extract(y);
        assertEquals(0.3 / Math.sqrt(3), f.get("rms_mean"), 2e-3, "uniform(-0.3, 0.3)");
        assertEquals(0.5, f.get("zero_crossing_rate_mean"), 0.01, "independent signs cross half the time");
        assertEquals(SR / 4.0, f.get("spectral_centroid_mean"), 0.02 * SR / 4, "centroid of a flat spectrum: Nyquist / 2");
        assertEquals(0.85 * SR / 2, f.get("rolloff_mean"), 0.02 * SR / 2, "85% of a flat spectrum");
    }

    @Test
    void clickTrackTempoIsOnLibrosasLagGrid() {
        // 100 BPM = a beat every 25.84 onset frames; the tempo grid has lags 25 (103.4) and 26 (99.4)
        int n = 20 * SR;
        float[] y = new float[n];
        int period = (int) Math.round(0.6 * SR);
        for (int start = 0; start + 22 <= n; start += period) {
            for (int i = 0; i < 22; i++) {
                y[start + i] = 1f;
            }
        }
        double tempo = new FeatureExtractor().extract(y).get("tempo");
        double lag = 60.0 * SR / 512 / tempo;
        assertEquals(Math.rint(lag), lag, 1e-9, "tempo is 60·sr/(hop·lag) for a whole lag");
        assertTrue(Math.abs(tempo - 100) < 4, "tempo " + tempo);
    }

    @Test
    void tooShortAndNonFiniteSignalsAreRefused() {
        FeatureExtractor fx = new FeatureExtractor();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fx.extract(new float[2047]));
        assertTrue(e.getMessage().startsWith("too short: 2047 samples"), e.getMessage());
        float[] y = new float[4096];
        y[3000] = Float.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> fx.extract(y));
        assertTrue(e.getMessage().contains("NaN or infinite"), e.getMessage());
        // the extractor is still usable afterwards
        assertEquals(4096, fx.extract(new float[4096]).length());
    }

    @Test
    void segmentsAreClipsOfTheirOwn() {
        float[] y = sine(440, 0.5, 4 * SR);
        FeatureExtractor fx = new FeatureExtractor();
        TrackFeatures slice = fx.extract(y, SR, 3 * SR);
        TrackFeatures copy = fx.extract(java.util.Arrays.copyOfRange(y, SR, 3 * SR));
        assertEquals(copy, slice);
    }
}
