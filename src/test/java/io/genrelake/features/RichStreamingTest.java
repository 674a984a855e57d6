package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rich set on the extractor's two paths: the streamed one (long signals, nothing kept between the passes)
 * gives the in-memory numbers, the 57 stay those of the gtzan extractor, and short or silent signals give defined
 * numbers.
 */
class RichStreamingTest {

    @Test
    void streamingEqualsInMemoryAndTheFiftySevenAreTheGtzanOnes() throws IOException {
        float[] y = StreamingTest.music(60);
        FeatureExtractor rich = new FeatureExtractor(FeatureSetKind.RICH);
        TrackFeatures whole = rich.extractInMemory(y);
        TrackFeatures streamed = rich.extract(StreamingTest.chunked(y, 1000));
        assertEquals(RichFeatureSet.SIZE, whole.values().length);
        assertArrayEquals(whole.values(), streamed.values(), "bit-for-bit identical");
        TrackFeatures gtzan = new FeatureExtractor().extractInMemory(y);
        assertArrayEquals(gtzan.values(), Arrays.copyOf(whole.values(), FeatureSet.SIZE));
        // 126-BPM clicks (2.1 a second) and a chord change every 2 s (0.5 a second)
        assertEquals(2.5, whole.get("onset_rate"), 0.25);
    }

    @Test
    void shortAndSilentSignalsGiveDefinedNumbers() {
        FeatureExtractor rich = new FeatureExtractor(FeatureSetKind.RICH);
        float[] tone = new float[FeatureExtractor.MIN_SAMPLES]; // 5 frames: fewer than delta's 9
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) Math.sin(i * 0.05) * (1 + i / 2048f);
        }
        for (float[] y : new float[][] {tone, new float[22050]}) {
            TrackFeatures f = rich.extract(y);
            for (int i = 0; i < f.values().length; i++) {
                assertTrue(Double.isFinite(f.values()[i]), RichFeatureSet.NAMES.get(i) + " = " + f.values()[i]);
            }
        }
        TrackFeatures silence = rich.extract(new float[22050]);
        assertEquals(0.0, silence.get("onset_rate"));
        assertEquals(0.0, silence.get("mfcc_delta1_std"));
        assertEquals(0.0, silence.get("texture_mfcc1_std"));
    }
}
