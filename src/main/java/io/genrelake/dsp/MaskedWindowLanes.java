package io.genrelake.dsp;

import java.util.Arrays;

/**
 * {@link SortedWindowLanes} in plain Java that HotSpot's C2 vectorises by itself: the inner loop of a step runs
 * across lanes, one rank after another, and every select is an integer mask ({@code (a − b) >> 31} is all ones
 * exactly when a &lt; b; the operands never overflow: values are non-negative float bits, EMPTY, or −1). JDK 17
 * does not vectorise {@code Math.min/max} on ints but does vectorise these masks (about 7 ns per lane and
 * step for 1025 lanes of width 31, against 30 ns for a scalar running median; docs/benchmarks.md). The
 * ranks are held as {@code rank[j][lane]}. Not thread-safe.
 */
final class MaskedWindowLanes implements SortedWindowLanes {

    private final int lanes;
    private final int width;
    /** rank[j][lane]: the j-th smallest value of the lane's window. */
    private final int[][] rank;
    /** r[j − 1] of the step in progress, per lane. */
    private final int[] below;
    private final int[] empty;

    MaskedWindowLanes(int lanes, int width) {
        SortedWindowLanes.checkShape(lanes, width);
        this.lanes = lanes;
        this.width = width;
        this.rank = new int[width][lanes];
        this.below = new int[lanes];
        this.empty = new int[lanes];
        Arrays.fill(empty, EMPTY);
        clear();
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public void clear() {
        for (int[] r : rank) {
            Arrays.fill(r, EMPTY);
        }
    }

    @Override
    public void insert(int[] entering) {
        slide(empty, entering);
    }

    @Override
    public void slide(int[] leaving, int[] entering) {
        int[] carry = below;
        Arrays.fill(carry, -1); // r[−1] = −∞: below the bits of every non-negative float
        int[] next = rank[0];
        for (int j = 0; j < width - 1; j++) {
            int[] s = next;
            next = rank[j + 1];
            for (int k = 0; k < lanes; k++) {
                int x = s[k];
                int lt = (x - leaving[k]) >> 31;
                int r = (x & lt) | (next[k] & ~lt);
                int e = entering[k];
                int re = (r - e) >> 31;
                int lo = (r & re) | (e & ~re); // min(r, e)
                int p = carry[k];
                int pl = (p - lo) >> 31;
                s[k] = (lo & pl) | (p & ~pl); // max(r[j − 1], min(r, e))
                carry[k] = r;
            }
        }
        int[] last = next;
        for (int k = 0; k < lanes; k++) {
            last[k] = Math.max(carry[k], entering[k]);
        }
    }

    @Override
    public int[] medianBits() {
        return rank[width / 2];
    }
}
