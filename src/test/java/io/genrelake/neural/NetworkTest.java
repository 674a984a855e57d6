package io.genrelake.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each network learns a separable toy task in a few steps, and a frozen copy of its weights gives its numbers. */
class NetworkTest {

    private static final int CLASSES = 2;

    /** Patches of noise with a band of energy low (class 0) or high (class 1) in the spectrum. */
    private static void batch(Architecture a, Random random, float[] x, float[] y, int batch) {
        int steps = a.steps();
        int bands = a.input().bands();
        for (int i = 0; i < batch; i++) {
            int label = random.nextInt(CLASSES);
            int lo = label == 0 ? 0 : bands / 2;
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < bands; b++) {
                    float v = (float) random.nextGaussian() * 0.5f;
                    x[(i * steps + t) * bands + b] = v + (b >= lo && b < lo + bands / 2 ? 1f : 0f);
                }
            }
            y[i * CLASSES] = label == 0 ? 1 : 0;
            y[i * CLASSES + 1] = label == 0 ? 0 : 1;
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void learnsASeparableTaskAndAFrozenCopyAgrees(Architecture a) {
        int batch = 16;
        float[] x = new float[batch * a.patchSize()];
        float[] y = new float[batch * CLASSES];
        Random random = new Random(7);
        Map<String, float[]> weights;
        float[] trained = new float[batch * CLASSES];
        try (Network net = Network.forTraining(a, CLASSES, 1, 0.01f, 2)) {
            for (int step = 0; step < 25; step++) {
                batch(a, random, x, y, batch);
                net.trainStep(x, y, batch);
            }
            batch(a, random, x, y, batch);
            net.probabilities(x, batch, trained);
            weights = net.weights();
        }
        int right = 0;
        for (int i = 0; i < batch; i++) {
            int predicted = trained[i * CLASSES + 1] > trained[i * CLASSES] ? 1 : 0;
            right += y[i * CLASSES + predicted] == 1 ? 1 : 0;
        }
        assertTrue(right >= batch - 1, a + ": " + right + " of " + batch + " right after 25 steps");
        float[] frozen = new float[batch * CLASSES];
        try (Network net = Network.forInference(a, CLASSES, weights, 1)) {
            net.probabilities(x, batch, frozen);
        }
        assertArrayEquals(trained, frozen, 1e-6f);
    }
}
