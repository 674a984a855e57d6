package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The running rms against each frame summed alone ({@link FrameStatistics#rms}): within one float32 unit in the last
 * place for every frame of a long random signal with loud and silent stretches, and exactly 0 for silence.
 */
class RunningRmsTest {

    @Test
    void agreesWithEachFrameAlone() {
        Random rnd = new Random(6);
        int n = 2048;
        int hop = 512;
        float[] signal = new float[hop * 400 + n];
        for (int i = 0; i < signal.length; i++) {
            boolean silent = (i / 20000) % 4 == 3;
            signal[i] = silent ? 0f : (float) (rnd.nextGaussian() * Math.pow(10, (i / 7000) % 5 - 3));
        }
        RunningRms running = new RunningRms(n, hop);
        float[] frame = new float[n];
        int exact = 0;
        for (int t = 0; t * hop + n <= signal.length; t++) {
            System.arraycopy(signal, t * hop, frame, 0, n);
            float alone = FrameStatistics.rms(frame, n);
            float got = running.next(frame);
            assertEquals(alone, got, Math.ulp(alone), "frame " + t);
            if (alone == got) {
                exact++;
            }
        }
        assertEquals(true, exact > 350, exact + " of 401 frames exactly equal");
    }

    @Test
    void silenceIsZeroAndResetStartsOver() {
        RunningRms running = new RunningRms(2048, 512);
        float[] frame = new float[2048];
        java.util.Arrays.fill(frame, 0.5f);
        assertEquals(0.5f, running.next(frame), 0f);
        java.util.Arrays.fill(frame, 0f);
        running.reset();
        assertEquals(0f, running.next(frame), 0f);
        assertEquals(0f, running.next(frame), 0f);
        assertThrows(IllegalArgumentException.class, () -> new RunningRms(2048, 500));
    }
}
