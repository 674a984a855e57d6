package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.Npy;
import io.genrelake.testing.NpyArray;
import io.genrelake.testing.SharedData;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every intermediate array of the extractor against librosa's, frame by frame, for the two clips in
 * shared/golden/clips (a real GTZAN clip and a synthetic chord + drums mix). The input is librosa's own
 * float32 signal ({@code y.npy}), so only the feature code is under test here.
 */
class GoldenFramesTest {

    private static NpyArray golden(String clip, String array) throws IOException {
        return Npy.read(SharedData.require("golden/clips/" + clip + "/" + array + ".npy"));
    }

    /** Largest |a − b| relative to the largest |b| of the whole array (the array's own scale). */
    static double scaledError(float[] a, float[] b) {
        assertEquals(b.length, a.length, "array length");
        double max = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? max : max / scale;
    }

    static double scaledError(double[] a, double[] b) {
        assertEquals(b.length, a.length, "array length");
        double max = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return scale == 0 ? max : max / scale;
    }

    private static void assertClose(String what, double error, double tolerance) {
        assertTrue(error <= tolerance, what + ": scaled error " + error + " > " + tolerance);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blues.00000", "synth_mix"})
    void everyStageMatchesLibrosa(String clip) throws IOException {
        float[] y = golden(clip, "y").floats();
        FrameRecorder r = new FrameRecorder();
        TrackFeatures f = new FeatureExtractor().extract(y, 0, y.length, r);
        int frames = golden(clip, "mfcc").shape()[1];
        assertEquals(frames, r.power.size(), "frame count 1 + n // 512");

        assertClose("stft_power", scaledError(FrameRecorder.transpose(r.power), golden(clip, "stft_power").floats()), 1e-6);
        assertClose("mel", scaledError(FrameRecorder.transpose(r.mel), golden(clip, "mel").floats()), 1e-6);
        assertClose("mel_db", scaledError(FrameRecorder.transpose(r.melDb), golden(clip, "mel_db").floats()), 1e-6);
        assertClose("mfcc", scaledError(FrameRecorder.transpose(r.mfcc), golden(clip, "mfcc").floats()), 1e-6);
        assertClose("chroma_stft", scaledError(FrameRecorder.transpose(r.chroma), golden(clip, "chroma_stft").floats()), 1e-5);
        assertClose("rms", scaledError(r.scalar(0), toDouble(golden(clip, "rms").floats())), 1e-6);
        assertClose("spectral_centroid", scaledError(r.scalar(1), golden(clip, "spectral_centroid").doubles()), 1e-6);
        assertClose("spectral_bandwidth", scaledError(r.scalar(2), golden(clip, "spectral_bandwidth").doubles()), 1e-6);
        // rolloff and zero crossings are decisions on float32 sums: they must agree exactly
        assertArrayEquals(golden(clip, "spectral_rolloff").doubles(), r.scalar(3), "spectral_rolloff");
        assertArrayEquals(golden(clip, "zero_crossing_rate").doubles(), r.scalar(4), "zero_crossing_rate");
        float[] onset = new float[r.onset.size()];
        for (int i = 0; i < onset.length; i++) {
            onset[i] = r.onset.get(i);
        }
        assertClose("onset_env", scaledError(onset, golden(clip, "onset_env").floats()), 1e-5);

        float[] harmonic = golden(clip, "hpss_harmonic").floats();
        float[] percussive = golden(clip, "hpss_percussive").floats();
        assertEquals(512L * (frames - 1), r.hpssLength, "istft without length covers hop * (T - 1) samples");
        assertClose("hpss_harmonic", scaledError(java.util.Arrays.copyOf(r.harmonic, r.hpssLength),
                java.util.Arrays.copyOf(harmonic, r.hpssLength)), 1e-6);
        assertClose("hpss_percussive", scaledError(java.util.Arrays.copyOf(r.percussive, r.hpssLength),
                java.util.Arrays.copyOf(percussive, r.hpssLength)), 1e-6);
        for (int i = r.hpssLength; i < harmonic.length; i++) {
            assertEquals(0f, harmonic[i], "librosa's tail is zero-filled");
        }

        // tempogram of beat_track's tempo estimate: (344, T), averaged over frames
        NpyArray tg = golden(clip, "tempogram_tempo");
        double[] mean = new double[tg.shape()[0]];
        double[] g = tg.doubles();
        int t = tg.shape()[1];
        for (int lag = 0; lag < mean.length; lag++) {
            double s = 0;
            for (int j = 0; j < t; j++) {
                s += g[lag * t + j];
            }
            mean[lag] = s / t;
        }
        assertClose("mean tempogram", scaledError(r.meanTempogram, mean), 1e-6);

        double[] kaggle = golden(clip, "features_kaggle").doubles();
        assertEquals(kaggle[0], f.length(), "length");
        assertEquals(kaggle[1 + FeatureSet.TEMPO], f.values()[FeatureSet.TEMPO], 0.0, "tempo identical");
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            double ref = kaggle[1 + i];
            double err = Math.abs(f.values()[i] - ref);
            String name = FeatureSet.NAMES.get(i);
            if (name.equals("harmony_mean") || name.equals("perceptr_mean")) {
                assertTrue(err <= 1e-7, name + ": absolute error " + err);
            } else {
                assertTrue(err <= 1e-5 * Math.abs(ref), name + ": " + f.values()[i] + " vs " + ref);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"blues.00000", "synth_mix"})
    void tuningEstimateMatchesManifest(String clip) throws IOException {
        float[] y = golden(clip, "y").floats();
        FrameRecorder r = new FrameRecorder();
        new FeatureExtractor().extract(y, 0, y.length, r);
        String manifest = java.nio.file.Files.readString(SharedData.require("golden/clips/" + clip + "/manifest.json"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"tuning\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(manifest);
        assertTrue(m.find(), "manifest has a tuning");
        assertEquals(Double.parseDouble(m.group(1)), r.tuning, 1e-9, "estimate_tuning");
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

}
