package io.genrelake.dsp;

import java.io.IOException;

/**
 * Cuts a streamed signal into the centred frames of {@code librosa.stft(center=True)}: frame t covers
 * samples {@code t·hop − n_fft/2 .. t·hop + n_fft/2 − 1}, padded at both ends with numpy 'reflect'
 * (mirror without repeating the edge sample) — and, for {@code zero_crossing_rate}, the same frame with
 * 'edge' padding (repeat the edge sample). There are {@code 1 + n // hop} frames.
 *
 * <p>Only a ring of recent samples is held, so memory does not depend on the signal length; samples
 * stay readable through {@link #sample(long)} for about 59 k samples (115 frames) behind the newest frame —
 * what HPSS's harmonic output needs, which lags the input by up to ~92 frames ({@link Hpss}).
 */
public final class CenteredFramer {

    private static final int RING = 1 << 16;
    private static final int MASK = RING - 1;
    private static final int BLOCK = 4096;

    private final SampleReader reader;
    private final int nFft;
    private final int hop;
    private final int half;
    private final float[] ring = new float[RING];

    private long available;
    private boolean eof;
    private int nextFrame;

    public CenteredFramer(SampleReader reader, int nFft, int hop) {
        this.reader = reader;
        this.nFft = nFft;
        this.hop = hop;
        this.half = nFft / 2;
    }

    /** Index of the frame the last {@link #next} produced. */
    public int frameIndex() {
        return nextFrame - 1;
    }

    /** The number of samples read so far; the signal length once {@link #next} has returned false. */
    public long samplesRead() {
        return available;
    }

    /**
     * Fills the next frame; returns false when there is none. {@code edgeFrame} may be null when the
     * edge-padded copy is not wanted.
     */
    public boolean next(float[] reflectFrame, float[] edgeFrame) throws IOException {
        long t = nextFrame;
        long centre = t * hop;
        long first = centre - half;
        // the frame's last sample, or for frame 0 the mirror image of its first (y[half])
        fillBeyond(Math.max(centre + half - 1, -first));
        // frames t = 0 .. n // hop exist, i.e. those with t·hop <= n
        if (eof && centre > available) {
            return false;
        }
        long n = eof ? available : Long.MAX_VALUE;
        if (eof && n <= half) {
            throw new IllegalStateException("signal of " + n + " samples is too short to reflect-pad by " + half);
        }
        boolean inside = first >= 0 && first + nFft <= available;
        if (inside) {
            copyFromRing(first, reflectFrame);
            if (edgeFrame != null) {
                System.arraycopy(reflectFrame, 0, edgeFrame, 0, nFft);
            }
        } else {
            for (int i = 0; i < nFft; i++) {
                long j = first + i;
                float r;
                float e;
                if (j < 0) {
                    r = ring[(int) (-j) & MASK];
                    e = ring[0];
                } else if (j >= n) {
                    r = ring[(int) ((2 * (n - 1) - j) & MASK)];
                    e = ring[(int) ((n - 1) & MASK)];
                } else {
                    r = ring[(int) (j & MASK)];
                    e = r;
                }
                reflectFrame[i] = r;
                if (edgeFrame != null) {
                    edgeFrame[i] = e;
                }
            }
        }
        nextFrame++;
        return true;
    }

    /** A sample read recently (within the ring, about 59 k samples behind the newest frame). */
    public float sample(long j) {
        return ring[(int) (j & MASK)];
    }

    private void copyFromRing(long first, float[] dst) {
        int pos = (int) (first & MASK);
        int k = Math.min(nFft, RING - pos);
        System.arraycopy(ring, pos, dst, 0, k);
        if (k < nFft) {
            System.arraycopy(ring, 0, dst, k, nFft - k);
        }
    }

    /** Reads until sample {@code index} is available or the signal ends. */
    private void fillBeyond(long index) throws IOException {
        while (!eof && available <= index) {
            int pos = (int) (available & MASK);
            int len = Math.min(BLOCK, RING - pos);
            int got = reader.read(ring, pos, len);
            if (got < 0) {
                eof = true;
            } else {
                available += got;
            }
        }
    }
}
