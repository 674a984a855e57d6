package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tempogram's frames transformed in batches (the Vector API's lanes in the build's test JVM) give the bits of
 * one frame at a time: the mean tempogram and the tempo, for envelopes with silent stretches (frames skipped
 * inside a batch), lengths that leave a partial last batch, and an envelope shorter than one tempogram window.
 */
class TempoBatchTest {

    @Test
    void theTempogramUsesTheLaneFftWhereTheVectorApiIs() {
        assertEquals(VectorApiProbe.AVAILABLE, FrameFft.of(1024) instanceof LaneRealFft);
    }

    @Test
    void batchedFramesGiveTheFrameAtATimeTempogram() {
        Random rnd = new Random(21);
        for (int frames : new int[] {1293, 1301, 100, 7}) {
            float[] envelope = new float[frames];
            for (int t = 3; t < frames; t++) {
                boolean silent = (t / 200) % 3 == 1; // long silent stretches: all-zero tempogram frames
                envelope[t] = silent ? 0f : (float) Math.abs(rnd.nextGaussian() * (t % 11 == 0 ? 4 : 1));
            }
            TempoEstimator one = new TempoEstimator(22050, 512, new RealFft(1024));
            TempoEstimator batched = new TempoEstimator(22050, 512);
            for (float v : envelope) {
                one.add(v);
                batched.add(v);
            }
            assertEquals(one.tempo(), batched.tempo(), 0.0, frames + " frames");
            assertArrayEquals(one.meanTempogram(), batched.meanTempogram(), 0.0, frames + " frames");
        }
    }
}
