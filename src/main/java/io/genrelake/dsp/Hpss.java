package io.genrelake.dsp;

/**
 * Streaming harmonic/percussive separation, as librosa's legacy {@code effects.hpss} → {@code
 * decompose.hpss(D, kernel_size=31, power=2, margin=1)}: on |D|, a 31-frame median along time
 * (harmonic) and a 31-bin median along frequency (percussive), {@code scipy.ndimage} 'reflect'
 * boundaries; soft mask {@code H²/(H²+P²)} (0.5 where max(H, P) is below float32 tiny). The harmonic spectrum {@code D × mask} of each frame
 * goes to an {@link Istft}.
 *
 * <p>Only the harmonic part is inverted: the masks sum to one, so the percussive signal is the input
 * minus the harmonic one (istft is linear and reconstructs the input exactly). The time median is
 * local, so frames are released 15 frames late and only 32 frames are held. The frequency medians of a
 * frame are computed by ranks ({@link RankedWindowMedian}); the time medians by a {@link
 * MedianFilter.Bank} of running medians, one per bin.
 */
public final class Hpss {

    public static final int KERNEL = 31;
    private static final int HALF = KERNEL / 2;
    private static final int RING = 32;
    private static final int BINS = Stft.BINS;

    private final float[][] ringRe = new float[RING][BINS];
    private final float[][] ringIm = new float[RING][BINS];
    private final float[][] ringMag = new float[RING][BINS];
    private final float[][] ringPerc = new float[RING][BINS];
    /** For every bin, the running median of its KERNEL magnitudes along time. */
    private final MedianFilter.Bank timeMedians = new MedianFilter.Bank(BINS, KERNEL);
    private final float[] padded = new float[BINS + KERNEL - 1];
    private final RankedWindowMedian ranked = new RankedWindowMedian();
    private final float[] harmRe = new float[BINS];
    private final float[] harmIm = new float[BINS];
    private final Istft istft;

    /** Frames received. */
    private int received;
    /** Next frame whose masks are due. */
    private int nextOut;

    public Hpss(Istft istft) {
        this.istft = istft;
    }

    /** Adds the next frame's complex64 spectrum and its magnitude. */
    public void addFrame(float[] re, float[] im, float[] magnitude) {
        int slot = received % RING;
        System.arraycopy(re, 0, ringRe[slot], 0, BINS);
        System.arraycopy(im, 0, ringIm[slot], 0, BINS);
        System.arraycopy(magnitude, 0, ringMag[slot], 0, BINS);
        MedianFilter.filter(magnitude, BINS, KERNEL, ringPerc[slot], padded, ranked);
        received++;
        // frame t needs frames up to t + 15; with those present, reflection only happens at the start
        while (nextOut + HALF < received) {
            release(nextOut, Integer.MAX_VALUE / 4);
            nextOut++;
        }
    }

    /** Starts a new signal (the inverse STFT is reset too). */
    public void reset() {
        received = 0;
        nextOut = 0;
        istft.reset();
    }

    /** Releases the remaining frames once the frame count is known. */
    public void finish() {
        while (nextOut < received) {
            release(nextOut, received);
            nextOut++;
        }
        istft.finish();
    }

    /** Masks frame t and passes its harmonic spectrum to the inverse STFT; n is the frame count (or a bound). */
    private void release(int t, int n) {
        updateTimeWindows(t, n);
        int slot = t % RING;
        float[] perc = ringPerc[slot];
        float[] re = ringRe[slot];
        float[] im = ringIm[slot];
        for (int k = 0; k < BINS; k++) {
            float h = timeMedians.median(k);
            float p = perc[k];
            // librosa divides by Z = max(H, P) first to keep float32 squares in range; doubles need no
            // rescaling. Where Z is below float32 tiny both masks are 0.5 (computed anyway, then
            // selected, so the loop has no branch).
            double hh = (double) h * h;
            float ratio = (float) (hh / (hh + (double) p * p));
            float mask = Math.max(h, p) < Float32.TINY ? 0.5f : ratio;
            harmRe[k] = re[k] * mask;
            harmIm[k] = im[k] * mask;
        }
        istft.addFrame(harmRe, harmIm);
    }

    /** Brings every bin's time window to frames t-15 .. t+15 (reflected at the ends). */
    private void updateTimeWindows(int t, int n) {
        if (t == 0) {
            for (int v = -HALF; v <= HALF; v++) {
                float[] mag = ringMag[MedianFilter.reflect(v, n) % RING];
                int windowSlot = Math.floorMod(v, KERNEL);
                for (int k = 0; k < BINS; k++) {
                    timeMedians.set(k, windowSlot, mag[k]);
                }
            }
            timeMedians.start();
            return;
        }
        // frame t+15 takes the window slot of frame t-16
        int v = t + HALF;
        timeMedians.slide(Math.floorMod(v, KERNEL), ringMag[MedianFilter.reflect(v, n) % RING]);
    }
}
