package io.genrelake.dsp;

/**
 * Running medians of many series that advance in lockstep — one per lane — each over a window of odd
 * width kept fully sorted. A step deletes one value from every window and inserts one, with no branch
 * and no search, rank by rank across all lanes:
 *
 * <pre>
 *   delete o from sorted s:   r[j]  = s[j] &lt; o ? s[j] : s[j+1]           (r[w−1] = +∞)
 *   insert e into sorted r:   s'[j] = max(r[j−1], min(r[j], e))          (r[−1] = −∞)
 * </pre>
 *
 * <p>Values are non-negative floats held as their IEEE bits, which order like the values. Exact: a median is
 * always one of the window's values. A window starts empty, every slot {@link #EMPTY} (above every value), and
 * fills by {@link #insert}, which deletes one EMPTY.
 *
 * <p>Two implementations give the same bits: {@link #of} picks {@link VectorWindowLanes} (the incubating Vector
 * API, 2.5× faster) when the JVM runs with {@code --add-modules jdk.incubator.vector} on a CPU with 256-bit
 * or wider integer vectors, and {@link MaskedWindowLanes} (plain Java that C2 vectorises) otherwise or when
 * the system property {@code genrelake.vector} is {@code false}. Not thread-safe.
 */
public interface SortedWindowLanes {

    /** An empty slot: above the bits of every float, +∞ included. */
    int EMPTY = Integer.MAX_VALUE;

    /** Windows of {@code width} (odd) values for {@code lanes} series, in the fastest implementation this JVM has. */
    static SortedWindowLanes of(int lanes, int width) {
        checkShape(lanes, width);
        return VectorApiProbe.choose(SortedWindowLanes.class, "VectorWindowLanes",
                new Class<?>[] {int.class, int.class}, new Object[] {lanes, width},
                () -> new MaskedWindowLanes(lanes, width));
    }

    /** What {@link #of} uses in this JVM, for logs and benchmarks. */
    static String implementation() {
        return VectorApiProbe.AVAILABLE ? "Vector API (jdk.incubator.vector)" : "integer masks, vectorised by C2";
    }

    int lanes();

    /** Empties every window. */
    void clear();

    /** Adds {@code entering[lane]} to every lane's window in place of one empty slot. */
    void insert(int[] entering);

    /**
     * Replaces {@code leaving[lane]} (a value in the lane's window, or EMPTY) by {@code entering[lane]} in every
     * lane's window. Both arrays hold at least {@link #lanes()} values.
     */
    void slide(int[] leaving, int[] entering);

    /**
     * The bits of every lane's median (the middle rank; with empty slots, the middle of the full window), in an
     * array of at least {@link #lanes()} values that the next step overwrites.
     */
    int[] medianBits();

    /** Refuses an even width or no lanes. */
    static void checkShape(int lanes, int width) {
        if (width % 2 == 0 || width < 1 || lanes < 1) {
            throw new IllegalArgumentException("width " + width + " (must be odd), lanes " + lanes);
        }
    }

}
