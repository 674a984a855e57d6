package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.Npy;
import io.genrelake.testing.NpyArray;
import io.genrelake.testing.SharedData;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rich set's per-frame transforms on blues.00000 against librosa's frame arrays (shared/golden/rich/frames),
 * each fed librosa's own input (its power spectrogram, MFCCs, chroma, onset envelope from shared/golden/clips), so
 * only the transform is under test. Errors are scaled by the array's largest magnitude. (tonnetz.npy and chroma.npy
 * are stored Fortran-ordered, which the test reader refuses; tonnetz is checked by its row columns in
 * RichGoldenTest.)
 */
class RichFramesTest {

    private static NpyArray rich(String array) throws IOException {
        return Npy.read(SharedData.require("golden/rich/frames/blues.00000/" + array + ".npy"));
    }

    private static NpyArray clip(String array) throws IOException {
        return Npy.read(SharedData.require("golden/clips/blues.00000/" + array + ".npy"));
    }

    /** Column t of a (rows, T) array. */
    private static float[] column(NpyArray a, int t) {
        float[] v = new float[a.shape()[0]];
        for (int r = 0; r < v.length; r++) {
            v[r] = a.getFloat(r, t);
        }
        return v;
    }

    private static void assertScaled(String what, double[][] ours, NpyArray ref, double tolerance) {
        double max = 0;
        double scale = 0;
        for (int r = 0; r < ours.length; r++) {
            for (int t = 0; t < ours[r].length; t++) {
                double b = ref.dtype().equals(NpyArray.FLOAT64) ? ref.getDouble(r, t) : ref.getFloat(r, t);
                max = Math.max(max, Math.abs(ours[r][t] - b));
                scale = Math.max(scale, Math.abs(b));
            }
        }
        assertTrue(max <= tolerance * scale, what + ": scaled error " + max / scale + " > " + tolerance);
    }

    @Test
    void deltaOfLibrosasMfccs() throws IOException {
        NpyArray mfcc = clip("mfcc");
        int rows = mfcc.shape()[0];
        int frames = mfcc.shape()[1];
        double[][] ours = new double[rows][frames];
        Delta delta = new Delta(rows);
        int t = 0;
        for (int i = 0; i < frames; i++) {
            int n = delta.add(column(mfcc, i));
            t = copy(delta.out(), n, ours, t);
        }
        t = copy(delta.out(), delta.finish(), ours, t);
        assertEquals(frames, t);
        assertScaled("mfcc_delta", ours, rich("mfcc_delta"), 1e-6);
    }

    private static int copy(float[] d, int n, double[][] out, int t) {
        for (int i = 0; i < n; i++, t++) {
            for (int r = 0; r < d.length; r++) {
                out[r][t] = d[r];
            }
        }
        return t;
    }

    @Test
    void onsetsOfLibrosasEnvelope() throws IOException {
        float[] env = rich("onset_env").floats();
        OnsetDetect detect = new OnsetDetect();
        for (float v : env) {
            detect.add(v);
        }
        long[] expected = rich("onsets").longs();
        int[] frames = new int[env.length];
        int n = detect.pick(frames);
        assertArrayEquals(Arrays.stream(expected).mapToInt(x -> (int) x).toArray(), Arrays.copyOf(frames, n));
    }

    @Test
    void contrastFlatnessAndMel64OfLibrosasPowerSpectrogram() throws IOException {
        NpyArray power = clip("stft_power");
        int frames = power.shape()[1];
        SpectralContrast contrast = new SpectralContrast(22050, Stft.N_FFT);
        MelFilterBank mel64 = new MelFilterBank(22050, Stft.N_FFT, 64);
        float[][] peaks = new float[frames][7];
        float[][] valleys = new float[frames][7];
        float[][] mel = new float[frames][64];
        double[][] flatness = new double[1][frames];
        float maxPeak = 0;
        float maxValley = 0;
        float maxMel = 0;
        for (int t = 0; t < frames; t++) {
            float[] p = column(power, t);
            float[] magnitude = new float[p.length];
            for (int k = 0; k < p.length; k++) {
                magnitude[k] = (float) Math.sqrt(p[k]); // |D| from |D|²: within a float32 rounding of librosa's
            }
            contrast.peaksAndValleys(magnitude, peaks[t], valleys[t]);
            flatness[0][t] = SpectralFlatness.flatness(p, p.length);
            mel64.apply(p, mel[t]);
            for (int k = 0; k < 7; k++) {
                maxPeak = Math.max(maxPeak, peaks[t][k]);
                maxValley = Math.max(maxValley, valleys[t][k]);
            }
            for (float m : mel[t]) {
                maxMel = Math.max(maxMel, m);
            }
        }
        double peakFloor = SpectralContrast.toDb(maxPeak) - PowerToDb.TOP_DB;
        double valleyFloor = SpectralContrast.toDb(maxValley) - PowerToDb.TOP_DB;
        float melFloor = PowerToDb.floorFor(maxMel);
        double[][] ourContrast = new double[7][frames];
        double[][] ourMel = new double[64][frames];
        float[] db = new float[64];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < 7; k++) {
                ourContrast[k][t] = Math.max(SpectralContrast.toDb(peaks[t][k]), peakFloor)
                        - Math.max(SpectralContrast.toDb(valleys[t][k]), valleyFloor);
            }
            PowerToDb.toClippedDb(mel[t], db, 64, melFloor);
            for (int m = 0; m < 64; m++) {
                ourMel[m][t] = db[m];
            }
        }
        assertScaled("contrast", ourContrast, rich("contrast"), 1e-5);
        assertScaled("flatness", flatness, rich("flatness"), 1e-5);
        assertScaled("mel64", ourMel, rich("mel64"), 1e-6);
    }
}
