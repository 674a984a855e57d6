package io.genrelake.dsp;

import java.util.Arrays;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SortedWindowLanes} on the incubating Vector API, for JVMs started with
 * {@code --add-modules jdk.incubator.vector} (see {@link SortedWindowLanes#of}). Lanes go in blocks of one
 * vector, and each block's ranks lie next to each other ({@code flat[(block · width + j) · L + lane]}), so a
 * step walks up the ranks of one block with the deleted and inserted values and the running r[j−1] held in
 * registers: one load and one store per rank, and a true min and max, where {@link MaskedWindowLanes} loads
 * five arrays, stores two and builds each select from masks. 2.5× faster for 1024 lanes of width 31 on
 * AVX-512 (docs/benchmarks.md). Lanes past the last whole block run the same steps one lane at a time.
 * Not thread-safe.
 */
final class VectorWindowLanes implements SortedWindowLanes {

    private static final VectorSpecies<Integer> SPECIES = VectorShapes.INTS;
    private static final int L = SPECIES.length();

    private final int lanes;
    private final int width;
    /** Lanes in whole blocks. */
    private final int vectorLanes;
    private final int[] flat;
    private final int[] medians;
    private final int[] empty;

    VectorWindowLanes(int lanes, int width) {
        SortedWindowLanes.checkShape(lanes, width);
        this.lanes = lanes;
        this.width = width;
        this.vectorLanes = lanes - lanes % L;
        this.flat = new int[((lanes + L - 1) / L) * width * L];
        this.medians = new int[lanes];
        this.empty = new int[lanes];
        Arrays.fill(empty, EMPTY);
        clear();
    }

    /** Int lanes of the preferred vector on this CPU (VectorApiProbe's test). */
    static int preferredLanes() {
        return L;
    }

    @Override
    public int lanes() {
        return lanes;
    }

    @Override
    public void clear() {
        Arrays.fill(flat, EMPTY);
        Arrays.fill(medians, EMPTY);
    }

    @Override
    public void insert(int[] entering) {
        slide(empty, entering);
    }

    @Override
    public void slide(int[] leaving, int[] entering) {
        int middle = width / 2;
        IntVector belowAll = IntVector.broadcast(SPECIES, -1); // r[−1] = −∞: below every non-negative float
        for (int k = 0, base = 0; k < vectorLanes; k += L, base += width * L) {
            IntVector o = IntVector.fromArray(SPECIES, leaving, k);
            IntVector e = IntVector.fromArray(SPECIES, entering, k);
            IntVector carry = belowAll;
            IntVector s = IntVector.fromArray(SPECIES, flat, base);
            for (int j = 0; j < width - 1; j++) {
                IntVector next = IntVector.fromArray(SPECIES, flat, base + (j + 1) * L);
                IntVector r = next.blend(s, s.compare(VectorOperators.LT, o));
                carry.max(r.min(e)).intoArray(flat, base + j * L);
                carry = r;
                s = next;
            }
            carry.max(e).intoArray(flat, base + (width - 1) * L);
            // copied after the walk: a store inside it slowed every rank
            IntVector.fromArray(SPECIES, flat, base + middle * L).intoArray(medians, k);
        }
        for (int k = vectorLanes; k < lanes; k++) {
            slideOne(k, leaving[k], entering[k]);
        }
    }

    /** The same step for one lane of the last, partial block. */
    private void slideOne(int k, int o, int e) {
        int base = (k / L) * width * L + k % L;
        int carry = -1;
        for (int j = 0; j < width - 1; j++) {
            int s = flat[base + j * L];
            int r = s < o ? s : flat[base + (j + 1) * L];
            flat[base + j * L] = Math.max(carry, Math.min(r, e));
            carry = r;
        }
        flat[base + (width - 1) * L] = Math.max(carry, e);
        medians[k] = flat[base + (width / 2) * L];
    }

    @Override
    public int[] medianBits() {
        return medians;
    }
}
