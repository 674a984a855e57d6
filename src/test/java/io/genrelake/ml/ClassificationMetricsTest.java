package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    @Test
    void accuracyMacroF1PrecisionRecallOfAKnownMatrix() {
        // rows true, columns predicted
        ConfusionMatrix m = ConfusionMatrix.of(new long[][] {{8, 2, 0}, {1, 4, 0}, {0, 0, 0}});
        ClassificationMetrics metrics = ClassificationMetrics.of(m);
        assertEquals(12.0 / 15, metrics.accuracy(), 1e-12);
        assertArrayEquals(new double[] {8.0 / 9, 4.0 / 6, 0}, metrics.precision(), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.8, 0}, metrics.recall(), 1e-12);
        double f0 = 2 * (8.0 / 9) * 0.8 / (8.0 / 9 + 0.8);
        double f1 = 2 * (4.0 / 6) * 0.8 / (4.0 / 6 + 0.8);
        // The third class is neither present nor predicted: it does not count in the macro average.
        assertEquals((f0 + f1) / 2, metrics.macroF1(), 1e-12);
        assertArrayEquals(new long[] {10, 5, 0}, metrics.support());
    }

    @Test
    void summedMatricesAddUp() {
        ConfusionMatrix a = new ConfusionMatrix(2);
        a.add(0, 0);
        a.add(1, 0);
        ConfusionMatrix b = new ConfusionMatrix(2);
        b.add(1, 1);
        a.addAll(b);
        assertEquals(3, a.total());
        assertEquals(1, a.count(1, 1));
        assertEquals(2.0 / 3, ClassificationMetrics.of(a).accuracy(), 1e-12);
    }
}
