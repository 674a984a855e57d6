package io.genrelake.neural;

import io.genrelake.dsp.CenteredFramer;
import io.genrelake.dsp.Dct;
import io.genrelake.dsp.MelFilterBank;
import io.genrelake.dsp.PowerToDb;
import io.genrelake.dsp.Stft;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A window's {@link NeuralInput}s from its 22050-Hz mono samples, with the project's own DSP: the centred STFT
 * (n_fft 2048, hop 512), the 128-band Slaney mel filter bank, {@code power_to_db} and the orthonormal DCT, as
 * {@code librosa.feature.melspectrogram} and {@code librosa.feature.mfcc(n_mfcc=20)} compute them (the MFCCs
 * equal the feature extractor's up to its 16-bit storage). One pass keeps every frame's mel powers (128 floats a
 * frame: 0.66 MB for a 30-s window) because both dB scalings depend on the window's largest power.
 *
 * <p>Not thread-safe: one per task; scratch arrays are reused, nothing is allocated per frame.
 */
public final class NeuralInputExtractor {

    /** MFCCs per frame, librosa's default. */
    public static final int N_MFCC = 20;

    private final Stft stft = new Stft();
    private final MelFilterBank mel = new MelFilterBank(22050, Stft.N_FFT, MelFilterBank.N_MELS);
    private final Dct dct = new Dct(N_MFCC, MelFilterBank.N_MELS);
    private final float[] frame = new float[Stft.N_FFT];
    private final float[] re = new float[Stft.BINS];
    private final float[] im = new float[Stft.BINS];
    private final float[] magnitude = new float[Stft.BINS];
    private final float[] power = new float[Stft.BINS];
    private final float[] db = new float[MelFilterBank.N_MELS];
    private final float[] mfcc = new float[N_MFCC];
    private float[] melPowers = new float[0];

    /** The two representations of one window. */
    public record Inputs(byte[] logmel, byte[] mfcc) {}

    /** The inputs of {@code samples[offset .. offset + length)}. */
    public Inputs extract(float[] samples, int offset, int length) {
        int bands = MelFilterBank.N_MELS;
        int frames = Stft.frameCount(length);
        if (melPowers.length < frames * bands) {
            melPowers = new float[frames * bands];
        }
        int[] read = {offset};
        int end = offset + length;
        CenteredFramer framer = new CenteredFramer((dst, off, len) -> {
            int n = Math.min(len, end - read[0]);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(samples, read[0], dst, off, n);
            read[0] += n;
            return n;
        }, Stft.N_FFT, Stft.HOP);
        float maxPower = 0;
        float[] melFrame = new float[bands];
        try {
            for (int t = 0; t < frames && framer.next(frame, null); t++) {
                stft.spectrum(frame, re, im);
                stft.magnitudeAndPower(re, im, magnitude, power);
                mel.apply(power, melFrame);
                System.arraycopy(melFrame, 0, melPowers, t * bands, bands);
                for (float v : melFrame) {
                    maxPower = Math.max(maxPower, v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an array never fails to read
        }
        byte[] logmel = new byte[frames * bands];
        byte[] mfccBytes = new byte[frames * N_MFCC * 2];
        // power_to_db(ref=max): 0 dB at the loudest bin; the MFCCs' (ref=1) is floored 80 dB below the loudest
        float maxDb = PowerToDb.toDb(maxPower);
        float floor = maxDb - PowerToDb.TOP_DB;
        float scale = 255f / NeuralInput.LOGMEL_RANGE_DB;
        for (int t = 0; t < frames; t++) {
            System.arraycopy(melPowers, t * bands, melFrame, 0, bands);
            PowerToDb.toClippedDb(melFrame, db, bands, floor);
            for (int b = 0; b < bands; b++) {
                logmel[t * bands + b] = (byte) Math.round((db[b] - floor) * scale);
            }
            dct.apply(db, mfcc);
            for (int k = 0; k < N_MFCC; k++) {
                int q = Math.round(mfcc[k] * NeuralInput.MFCC_SCALE);
                q = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, q));
                int at = 2 * (t * N_MFCC + k);
                mfccBytes[at] = (byte) (q >> 8);
                mfccBytes[at + 1] = (byte) q;
            }
        }
        return new Inputs(logmel, mfccBytes);
    }
}
