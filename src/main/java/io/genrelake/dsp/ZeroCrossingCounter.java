package io.genrelake.dsp;

/**
 * {@link FrameStatistics#zeroCrossingRate} of consecutive frames of one edge-padded signal, counting each pair of
 * neighbouring samples once instead of once per frame that holds it (four times at hop = n_fft / 4). A running
 * count C(p) of the crossings up to padded position p gives frame t, which covers positions
 * [t·hop, t·hop + n_fft), as C(t·hop + n_fft − 1) − C(t·hop): the same integer, so the same rate, as counting the
 * frame alone. Frame t adds the crossings of its last hop samples (all of frame 0) and records C at the frame
 * start among them. Frames must come in order 0, 1, 2, …; not thread-safe.
 */
public final class ZeroCrossingCounter {

    private final int nFft;
    private final int hop;
    /** C at the starts of the frames to come, by frame index modulo the ring length. */
    private final long[] startCount;
    private long count;
    private int next;

    public ZeroCrossingCounter(int nFft, int hop) {
        if (hop <= 0 || nFft % hop != 0) {
            throw new IllegalArgumentException("n_fft " + nFft + " must be a multiple of hop " + hop);
        }
        this.nFft = nFft;
        this.hop = hop;
        this.startCount = new long[Integer.highestOneBit(nFft / hop) * 2];
    }

    /** Starts a new signal. */
    public void reset() {
        next = 0;
        count = 0;
    }

    /** The zero-crossing rate of the next frame (edge-padded, n_fft samples). */
    public double next(float[] frame) {
        int t = next++;
        int mask = startCount.length - 1;
        if (t == 0) {
            // C(0) = 0; the starts of frames 1, 2, … inside frame 0 are recorded as the scan passes them
            startCount[0] = 0;
            int prev = FrameStatistics.negative(frame[0]);
            for (int s = 1; s * hop < nFft; s++) {
                prev = scan(frame, (s - 1) * hop + 1, s * hop + 1, prev);
                startCount[s & mask] = count;
            }
            scan(frame, (nFft / hop - 1) * hop + 1, nFft, prev);
        } else {
            // the new samples are the frame's last hop; their first is the start of frame t + n_fft/hop − 1
            int first = nFft - hop;
            int prev = FrameStatistics.negative(frame[first - 1]);
            prev = scan(frame, first, first + 1, prev);
            startCount[(t + nFft / hop - 1) & mask] = count;
            scan(frame, first + 1, nFft, prev);
        }
        return (double) (count - startCount[t & mask]) / nFft;
    }

    /** Adds the crossings into samples from .. to-1 (each against the one before); returns the last sign. */
    private int scan(float[] frame, int from, int to, int prev) {
        long c = count;
        for (int i = from; i < to; i++) {
            int cur = FrameStatistics.negative(frame[i]);
            c += cur ^ prev;
            prev = cur;
        }
        count = c;
        return prev;
    }
}
