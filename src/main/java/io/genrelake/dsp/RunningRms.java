package io.genrelake.dsp;

/**
 * {@link FrameStatistics#rms} of consecutive frames of one padded signal (hop = n_fft / 4 or any divisor), each
 * sample squared once instead of once per frame that holds it: the sum of squares of every hop-long block is kept,
 * and a frame's sum is the sum of its blocks' (in double, so it differs from summing the frame alone only in the
 * last bits of a double; the float32 result agrees to within one unit in the last place, RunningRmsTest). Frame t
 * adds the block of its last hop samples (all blocks of frame 0). Frames must come in order 0, 1, 2, …; not
 * thread-safe.
 */
public final class RunningRms {

    private final int nFft;
    private final int hop;
    private final int blocks;
    /** Sums of squares of the blocks of the frames to come, by block index modulo the ring length. */
    private final double[] blockSums;
    private int next;

    public RunningRms(int nFft, int hop) {
        if (hop <= 0 || nFft % hop != 0) {
            throw new IllegalArgumentException("n_fft " + nFft + " must be a multiple of hop " + hop);
        }
        this.nFft = nFft;
        this.hop = hop;
        this.blocks = nFft / hop;
        this.blockSums = new double[Integer.highestOneBit(blocks) * 2];
    }

    /** Starts a new signal. */
    public void reset() {
        next = 0;
    }

    /** sqrt(mean(x²)) of the next frame (n_fft samples), float32 result. */
    public float next(float[] frame) {
        int t = next++;
        int mask = blockSums.length - 1;
        if (t == 0) {
            for (int b = 0; b < blocks; b++) {
                blockSums[b & mask] = FrameStatistics.sumOfSquares(frame, b * hop, hop);
            }
        } else {
            blockSums[(t + blocks - 1) & mask] = FrameStatistics.sumOfSquares(frame, nFft - hop, hop);
        }
        double sum = 0;
        for (int b = 0; b < blocks; b++) {
            sum += blockSums[(t + b) & mask];
        }
        return (float) Math.sqrt((float) (sum / nFft));
    }
}
