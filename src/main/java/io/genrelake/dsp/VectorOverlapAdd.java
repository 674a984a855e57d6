package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Istft.LaneOverlapAdd} on the incubating Vector API: at each sample j of a batch's frames, the frames' eight
 * values (one vector of the lane layout) times the window go to eight neighbouring hops of the hop-major sums in one
 * operation, where the plain version adds them one frame at a time with a stride. Each float32 sum is widened, added
 * to in double and rounded back, as the plain loop does, in the same order, so the same bits. Used when
 * {@link VectorApiProbe} allows; stateless.
 */
final class VectorOverlapAdd implements Istft.LaneOverlapAdd {

    private static final VectorSpecies<Double> DOUBLES = VectorShapes.DOUBLES;
    private static final VectorSpecies<Float> FLOATS = VectorShapes.FLOATS;
    private static final int L = DOUBLES.length();
    private static final int N = Stft.N_FFT;
    private static final int HOP = Stft.HOP;

    VectorOverlapAdd(int lanes) {
        if (lanes != L || FLOATS.length() != L) {
            throw new IllegalArgumentException(lanes + " lanes, vectors of " + L);
        }
    }

    @Override
    public void add(double[] frames, double[] window, float[] hopAcc, int slot0) {
        for (int q = N / HOP - 1; q >= 0; q--) {
            quarter(frames, window, hopAcc, slot0 + q, q * HOP);
        }
    }

    /** Samples from .. from + hop − 1 of every frame into slots slot .. slot + L − 1. */
    private static void quarter(double[] frames, double[] window, float[] hopAcc, int slot, int from) {
        for (int m = 0, j = from; m < HOP; m++, j++) {
            int a = m * Istft.SLOTS + slot;
            DoubleVector sum = (DoubleVector) FloatVector.fromArray(FLOATS, hopAcc, a)
                    .convertShape(VectorOperators.F2D, DOUBLES, 0);
            DoubleVector x = DoubleVector.fromArray(DOUBLES, frames, j * L);
            sum = sum.add(DoubleVector.broadcast(DOUBLES, window[j]).mul(x));
            ((FloatVector) sum.convertShape(VectorOperators.D2F, FLOATS, 0)).intoArray(hopAcc, a);
        }
    }
}
