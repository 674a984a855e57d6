package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mel bands of a batch of frames (one lane per frame on the Vector API in the build's test JVM) are the bits of
 * {@link MelFilterBank#apply} frame by frame, for full and partial batches, silent frames and spectra spanning many
 * orders of magnitude.
 */
class MelBatchTest {

    @Test
    void theBatchUsesTheVectorApiWhereTheJvmHasIt() {
        assertEquals(VectorApiProbe.AVAILABLE, MelFilterBank.gtzan().batchLanes() > 1);
    }

    @Test
    void batchBandsAreTheFrameByFrameBands() {
        MelFilterBank bank = MelFilterBank.gtzan();
        int lanes = bank.batchLanes();
        Random rnd = new Random(31);
        for (int count : new int[] {lanes, Math.max(1, lanes - 3), 1}) {
            float[][] power = new float[lanes][Stft.BINS];
            for (int i = 0; i < lanes; i++) {
                for (int k = 0; k < Stft.BINS; k++) {
                    power[i][k] = i == 1 ? 0f : (float) (Math.abs(rnd.nextGaussian()) * Math.pow(10, rnd.nextInt(9) - 4));
                }
            }
            float[][] mel = new float[count][MelFilterBank.N_MELS];
            bank.applyBatch(power, count, mel);
            for (int i = 0; i < count; i++) {
                float[] expected = new float[MelFilterBank.N_MELS];
                bank.apply(power[i], expected);
                assertArrayEquals(expected, mel[i], 0f, "frame " + i + " of " + count);
            }
        }
    }
}
