package io.genrelake.features;

/**
 * Optional observer of the extractor's intermediate values, frame by frame — the arrays librosa's
 * functions return. Used by the golden tests to compare every stage; production code passes none.
 * All arrays are reused by the extractor: copy what you keep.
 */
public interface ExtractionTrace {

    /** The tuning estimate (fractions of a chroma bin) and the clip's largest mel power, after pass 1. */
    default void clipConstants(double tuning, float maxMelPower) {}

    /** Per frame t: the float32 power spectrum (bins), mel power and clipped dB (bands), MFCCs, chroma. */
    default void spectra(int t, float[] power, float[] mel, float[] melDb, float[] mfcc, float[] chroma) {}

    /** Per frame t: rms, centroid, bandwidth, rolloff, zero-crossing rate. */
    default void frameScalars(int t, float rms, double centroid, double bandwidth, double rolloff, double zcr) {}

    /** Onset envelope value of frame t. */
    default void onset(int t, float value) {}

    /** Harmonic and percussive samples first .. first+len-1 (the zero-filled tail is not reported). */
    default void hpss(float[] harmonic, float[] percussive, int len, long first) {}

    /** The tempo decision: mean tempogram over frames (lags 0..343) and the tempo. */
    default void tempo(double[] meanTempogram, double tempo) {}
}
