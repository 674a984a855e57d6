package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlanTest {

    private static final int SR = 22050;

    private static long seconds(double s) {
        return Math.round(s * SR);
    }

    @Test
    void defaultIsThirtySecondWindowsDroppingFinalWindowsUnderTenSeconds() {
        WindowPlan plan = WindowPlan.standard();
        assertEquals(30 * SR, plan.windowSamples());
        assertEquals(10 * SR, plan.minLastSamples());

        // 65 s: two whole windows, the 5-s rest is dropped
        List<WindowPlan.Window> w = plan.windows(seconds(65));
        assertEquals(2, w.size());
        assertEquals(0.0, w.get(0).startSeconds());
        assertEquals(30.0, w.get(0).endSeconds());
        assertEquals(30.0, w.get(1).startSeconds());
        assertEquals(60.0, w.get(1).endSeconds());

        // 75 s: the 15-s rest is kept as a shorter third window
        w = plan.windows(seconds(75));
        assertEquals(3, w.size());
        assertEquals(2, w.get(2).index());
        assertEquals(60.0, w.get(2).startSeconds());
        assertEquals(75.0, w.get(2).endSeconds());
    }

    @Test
    void theDefaultMinimumFinalWindowIsHalfAWindowAtMostTenSeconds() {
        assertEquals(10.0, WindowPlan.defaultMinLastSeconds(30));
        assertEquals(10.0, WindowPlan.defaultMinLastSeconds(120));
        assertEquals(1.5, WindowPlan.defaultMinLastSeconds(3));
        assertEquals(7.5, WindowPlan.defaultMinLastSeconds(15));
        assertEquals(2.5, WindowPlan.minLastSeconds(2.5, 30), "asked for wins");
        assertEquals(0.0, WindowPlan.minLastSeconds(0.0, 3));
        assertEquals(1.5, WindowPlan.minLastSeconds(null, 3));

        // 3-s windows, 10.5 s of audio: the 1.5-s rest is kept (a fixed 10 s would drop every rest of a 3-s cut)
        List<WindowPlan.Window> w = WindowPlan.ofSeconds(3).windows(seconds(10.5));
        assertEquals(4, w.size());
        assertEquals(9.0, w.get(3).startSeconds());
        assertEquals(10.5, w.get(3).endSeconds());
        assertEquals(3, WindowPlan.ofSeconds(3).windows(seconds(10.5) - 1).size());
        assertEquals(WindowPlan.standard(), WindowPlan.ofSeconds(30, 10));
    }

    @Test
    void aFinalWindowOfExactlyTheMinimumIsKeptOneSampleLessIsDropped() {
        WindowPlan plan = WindowPlan.standard();
        assertEquals(3, plan.windows(seconds(70)).size());
        assertEquals(2, plan.windows(seconds(70) - 1).size());
        assertEquals(2, plan.windows(seconds(60)).size()); // no rest at all
    }

    @Test
    void aTrackShorterThanAWindowIsItsOnlyWindowWhateverTheMinimum() {
        WindowPlan plan = WindowPlan.standard();
        List<WindowPlan.Window> w = plan.windows(seconds(5));
        assertEquals(1, w.size());
        assertEquals(seconds(5), w.get(0).length());
        // 29.93 s, a GTZAN clip a little short of 30 s: whole, as the Kaggle table has it
        assertEquals(1, plan.windows(660_000).size());
        assertEquals(660_000, plan.windows(660_000).get(0).length());
    }

    @Test
    void noWindowIsShorterThanOneAnalysisFrame() {
        WindowPlan plan = WindowPlan.ofSeconds(1, 0);
        assertEquals(List.of(), plan.windows(FeatureExtractor.MIN_SAMPLES - 1));
        assertEquals(1, plan.windows(FeatureExtractor.MIN_SAMPLES).size());
        // a minimum of 0 still keeps a final window only when it holds one frame
        assertEquals(1, plan.windows(SR + FeatureExtractor.MIN_SAMPLES - 1).size());
        assertEquals(2, plan.windows(SR + FeatureExtractor.MIN_SAMPLES).size());
        assertTrue(plan.keepsPartial(0, FeatureExtractor.MIN_SAMPLES));
        assertTrue(!plan.keepsPartial(3, FeatureExtractor.MIN_SAMPLES - 1));
    }

    @Test
    void threeSecondWindowsGiveTheKaggleThreeSecondLayout() {
        WindowPlan plan = WindowPlan.ofSeconds(3, 10);
        assertEquals(3 * SR, plan.windowSamples());
        // a 30.013-s GTZAN clip (661794 samples): ten 3-s windows, the 0.013-s rest dropped
        List<WindowPlan.Window> w = plan.windows(661_794);
        assertEquals(10, w.size());
        for (int k = 0; k < 10; k++) {
            assertEquals(k, w.get(k).index());
            assertEquals(3.0 * k, w.get(k).startSeconds(), 1e-12);
            assertEquals(3 * SR, w.get(k).length());
        }
        // every partial window is under the 10-s minimum, so it is dropped even when 2.9 s long
        assertEquals(10, plan.windows(seconds(32.9)).size());
    }

    @Test
    void rejectsWindowsOutsideTheUsableRange() {
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.ofSeconds(0, 10));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.ofSeconds(0.05, 0)); // < 2048 samples
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.ofSeconds(601, 10));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.ofSeconds(30, -1));
        assertThrows(IllegalArgumentException.class, () -> WindowPlan.ofSeconds(Double.NaN, 10));
    }
}
