package io.genrelake.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An {@link ExtractionTrace} that keeps every intermediate array, laid out as librosa returns them. */
final class FrameRecorder implements ExtractionTrace {

    double tuning;
    double tempo;
    double[] meanTempogram;
    final List<float[]> power = new ArrayList<>();
    final List<float[]> mel = new ArrayList<>();
    final List<float[]> melDb = new ArrayList<>();
    final List<float[]> mfcc = new ArrayList<>();
    final List<float[]> chroma = new ArrayList<>();
    final List<double[]> scalars = new ArrayList<>();
    final List<Float> onset = new ArrayList<>();
    float[] harmonic = new float[0];
    float[] percussive = new float[0];
    int hpssLength;

    @Override
    public void clipConstants(double tuning, float maxMelPower) {
        this.tuning = tuning;
    }

    @Override
    public void spectra(int t, float[] p, float[] m, float[] db, float[] c, float[] ch) {
        power.add(p.clone());
        mel.add(m.clone());
        melDb.add(db.clone());
        mfcc.add(c.clone());
        chroma.add(ch.clone());
    }

    @Override
    public void frameScalars(int t, float rms, double centroid, double bandwidth, double rolloff, double zcr) {
        scalars.add(new double[] {rms, centroid, bandwidth, rolloff, zcr});
    }

    @Override
    public void onset(int t, float value) {
        onset.add(value);
    }

    @Override
    public void hpss(float[] h, float[] p, int len, long first) {
        int need = (int) first + len;
        if (harmonic.length < need) {
            harmonic = Arrays.copyOf(harmonic, Math.max(need, harmonic.length * 2));
            percussive = Arrays.copyOf(percussive, harmonic.length);
        }
        System.arraycopy(h, 0, harmonic, (int) first, len);
        System.arraycopy(p, 0, percussive, (int) first, len);
        hpssLength = need;
    }

    @Override
    public void tempo(double[] meanTempogram, double tempo) {
        this.meanTempogram = meanTempogram.clone();
        this.tempo = tempo;
    }

    /** A recorded per-frame series as a (rows × frames) row-major array, like librosa's (n, T) outputs. */
    static float[] transpose(List<float[]> frames) {
        int rows = frames.get(0).length;
        int t = frames.size();
        float[] out = new float[rows * t];
        for (int j = 0; j < t; j++) {
            float[] f = frames.get(j);
            for (int i = 0; i < rows; i++) {
                out[i * t + j] = f[i];
            }
        }
        return out;
    }

    double[] scalar(int which) {
        double[] out = new double[scalars.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = scalars.get(j)[which];
        }
        return out;
    }
}
