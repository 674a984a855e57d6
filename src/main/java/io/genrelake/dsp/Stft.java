package io.genrelake.dsp;

import java.io.IOException;

/**
 * Short-time Fourier transform of one frame, as {@code librosa.stft(n_fft=2048, hop_length=512,
 * window='hann', center=True)}: the float32 frame times the float64 window, {@code numpy.fft.rfft}
 * in double, the result stored as complex64. Not thread-safe (scratch arrays); no allocation per frame.
 *
 * <p>Frames are transformed one at a time ({@link #spectrum}) or in batches of {@link #batchSize()} on a
 * {@link FrameFft} ({@link #spectra} over a whole framer, or {@link #batchFrame}, {@link #transformBatch},
 * {@link #batchSpectrum} by hand): the same bits either way, the batch faster where the JVM has the Vector API.
 */
public final class Stft {

    /** librosa default n_fft. */
    public static final int N_FFT = 2048;
    /** librosa default hop_length (n_fft / 4). */
    public static final int HOP = 512;
    /** Frequency bins: 1 + n_fft / 2. */
    public static final int BINS = N_FFT / 2 + 1;

    private final double[] window = Window.hann(N_FFT);
    private final RealFft fft = new RealFft(N_FFT);
    private final double[] x = new double[N_FFT];
    private final double[] re = new double[BINS];
    private final double[] im = new double[BINS];
    private final double[] modulus = new double[BINS];
    private final FrameFft batchFft = FrameFft.of(N_FFT);
    private final int lanes = batchFft.lanes();
    /** The frames of the batch, one row per place. */
    private final float[][] batchFrames = new float[lanes][N_FFT];
    private final double[] xBatch = new double[N_FFT * lanes];
    private final double[] reBatch = new double[BINS * lanes];
    private final double[] imBatch = new double[BINS * lanes];
    private final float[][] reRows = new float[lanes][BINS];
    private final float[][] imRows = new float[lanes][BINS];
    /** {@link #magnitudeAndPower}'s kernel. */
    private final Modulus modulusKernel = VectorApiProbe.choose(Modulus.class, "VectorModulus", new Class<?>[0],
            new Object[0], () -> this::plainModulus);

    /** Frames of a centred STFT of n samples: {@code 1 + n // hop}. */
    public static int frameCount(long n) {
        return (int) (1 + n / HOP);
    }

    /** The periodic Hann window in use (shared, do not modify). */
    public double[] window() {
        return window;
    }

    /** The spectrum of one padded frame of N_FFT samples, rounded to float32 (complex64). */
    public void spectrum(float[] frame, float[] outRe, float[] outIm) {
        for (int i = 0; i < N_FFT; i++) {
            x[i] = frame[i] * window[i];
        }
        fft.forward(x, re, im);
        for (int k = 0; k < BINS; k++) {
            outRe[k] = (float) re[k];
            outIm[k] = (float) im[k];
        }
    }

    /** Receives the spectrum of frame t, rounded to float32; the arrays are valid during the call only. */
    @FunctionalInterface
    public interface SpectrumSink {
        void accept(int t, float[] re, float[] im);

        /** Called after the spectra of each batch (frames handed over since the last call), in frame order. */
        default void batchDone() {
        }
    }

    /**
     * Reads every frame of {@code framer} (its reflect-padded frames) and hands each spectrum to {@code sink} in
     * frame order, transforming {@link #batchSize()} frames at a time. Returns the number of frames.
     */
    public int spectra(CenteredFramer framer, SpectrumSink sink) throws IOException {
        int inBatch = 0;
        int done = 0;
        boolean more;
        do {
            more = framer.next(batchFrames[inBatch], null);
            if (more) {
                inBatch++;
            }
            if (inBatch == lanes || (!more && inBatch > 0)) {
                transformBatch();
                for (int lane = 0; lane < inBatch; lane++) {
                    sink.accept(done++, reRows[lane], imRows[lane]);
                }
                sink.batchDone();
                inBatch = 0;
            }
        } while (more);
        return done;
    }

    /** Frames per batch: the lanes of the batch FFT (1 without the Vector API). */
    public int batchSize() {
        return lanes;
    }

    /**
     * The array for place {@code lane} (below {@link #batchSize()}) of the batch: fill it with a padded frame of
     * N_FFT samples (CenteredFramer.next) before {@link #transformBatch}.
     */
    public float[] batchFrame(int lane) {
        return batchFrames[lane];
    }

    /** The spectra of every place of the batch (places not filled since the last batch hold stale frames). */
    public void transformBatch() {
        LaneLayout.toLanes(batchFrames, window, lanes, N_FFT, xBatch);
        batchFft.forward(xBatch, reBatch, imBatch);
        LaneLayout.fromLanes(reBatch, lanes, BINS, reRows);
        LaneLayout.fromLanes(imBatch, lanes, BINS, imRows);
    }

    /** The spectrum of place {@code lane} after {@link #transformBatch}, rounded to float32 (complex64). */
    public void batchSpectrum(int lane, float[] outRe, float[] outIm) {
        System.arraycopy(reRows[lane], 0, outRe, 0, BINS);
        System.arraycopy(imRows[lane], 0, outIm, 0, BINS);
    }

    /**
     * Magnitude and power of a complex64 spectrum: {@code np.abs(D)} (float32: the square root in double of the
     * float components' squares, as C's hypotf) and {@code np.abs(D) ** 2} (the float32 magnitude squared in float32).
     */
    public void magnitudeAndPower(float[] re, float[] im, float[] magnitude, float[] power) {
        modulusKernel.apply(re, im, magnitude, power, BINS);
    }

    /** {@link #magnitudeAndPower}'s arithmetic: {@link #plainModulus} or {@code VectorModulus}, the same bits. */
    interface Modulus {
        void apply(float[] re, float[] im, float[] magnitude, float[] power, int bins);
    }

    void plainModulus(float[] re, float[] im, float[] magnitude, float[] power, int bins) {
        // Three loops, not one: C2 vectorises each alone (the square root on doubles too) but not the fused
        // loop, which ran 3 times slower.
        double[] z = modulus;
        for (int k = 0; k < bins; k++) {
            double r = re[k];
            double i = im[k];
            z[k] = r * r + i * i;
        }
        for (int k = 0; k < bins; k++) {
            z[k] = Math.sqrt(z[k]);
        }
        for (int k = 0; k < bins; k++) {
            float m = (float) z[k];
            magnitude[k] = m;
            power[k] = m * m;
        }
    }
}
