package io.genrelake.dsp;

/**
 * {@code librosa.feature.delta(data, width=9, order=1, mode='interp')} (librosa/feature/utils.py), that is
 * {@code scipy.signal.savgol_filter(data, 9, polyorder=1, deriv=1, mode='interp')}, over a stream of frames.
 *
 * <p>Inside, the first-order Savitzky–Golay derivative is {@code Σ k·x[t+k] / 60, k = −4..4}. At the edges,
 * {@code mode='interp'} fits a line to the first (last) 9 frames and differentiates it: a line's slope is
 * constant and equals the inner formula at frame 4 (frame T−5), so the first 4 and last 4 frames repeat those
 * values. A signal of fewer than 9 frames (librosa refuses it) gets the slope of the least-squares line through
 * all its frames, for every frame. Each output is rounded to float32, as scipy returns it for float32 input.
 *
 * <p>Use: {@link #add} each frame; it answers how many frames take the value now in {@link #out()} (0 while the
 * first 8 frames arrive, 5 at the 9th, then 1); after the last frame {@link #finish()} does the same for the tail.
 * Holds 9 frames; allocates nothing per frame.
 */
public final class Delta {

    /** librosa's default width: 9 frames. */
    public static final int WIDTH = 9;
    private static final int HALF = WIDTH / 2;
    /** Σ k² for k = −4..4. */
    private static final double NORM = 60.0;

    private final int size;
    private final float[][] ring = new float[WIDTH][];
    private final float[] out;
    private int count;

    public Delta(int size) {
        this.size = size;
        for (int i = 0; i < WIDTH; i++) {
            ring[i] = new float[size];
        }
        out = new float[size];
    }

    /** Starts a new signal. */
    public void reset() {
        count = 0;
    }

    /** The delta of the frame(s) last reported by {@link #add} or {@link #finish}. */
    public float[] out() {
        return out;
    }

    /** Takes the next frame; returns how many frames (0, 1 or 5) have the delta now in {@link #out()}. */
    public int add(float[] frame) {
        System.arraycopy(frame, 0, ring[count % WIDTH], 0, size);
        count++;
        if (count < WIDTH) {
            return 0;
        }
        // centre frame count − 5: its neighbours k = −4..4 are frames count − 9 .. count − 1
        int oldest = count - WIDTH;
        for (int i = 0; i < size; i++) {
            double s = 0;
            for (int k = -HALF; k <= HALF; k++) {
                s += k * (double) ring[(oldest + HALF + k) % WIDTH][i];
            }
            out[i] = (float) (s / NORM);
        }
        return count == WIDTH ? HALF + 1 : 1;
    }

    /**
     * After the last frame: how many frames have the delta now in {@link #out()}: the last 4 (the value of frame
     * T − 5, already in it), or all T for a signal shorter than 9 frames.
     */
    public int finish() {
        if (count >= WIDTH) {
            return HALF;
        }
        // least-squares slope through all frames: Σ (k − k̄) x_k / Σ (k − k̄)²
        double mean = (count - 1) / 2.0;
        double denominator = 0;
        for (int k = 0; k < count; k++) {
            denominator += (k - mean) * (k - mean);
        }
        for (int i = 0; i < size; i++) {
            double s = 0;
            for (int k = 0; k < count; k++) {
                s += (k - mean) * ring[k][i];
            }
            out[i] = denominator == 0 ? 0f : (float) (s / denominator);
        }
        return count;
    }
}
