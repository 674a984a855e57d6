package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SoftmaxTemperatureTest {

    @Test
    void recoversTheTemperatureThatGeneratedTheLabels() {
        // labels drawn from softmax(3 · s): the NLL is smallest near T = 3
        Random r = new Random(9);
        int n = 20_000;
        double[][] scores = new double[n][4];
        int[] labels = new int[n];
        double[] p = new double[4];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 4; k++) {
                scores[i][k] = r.nextGaussian();
            }
            double[] scaled = scores[i].clone();
            for (int k = 0; k < 4; k++) {
                scaled[k] *= 3;
            }
            VectorClassificationModel.softmax(scaled, p);
            double u = r.nextDouble();
            int k = 0;
            while (k < 3 && u >= p[k]) {
                u -= p[k];
                k++;
            }
            labels[i] = k;
        }
        assertEquals(3.0, SoftmaxTemperature.fit(scores, labels), 0.15);
    }

    @Test
    void theFittedTemperatureMinimisesTheLogLoss() {
        double[][] scores = {{1, -1, -1}, {-1, 1, -1}, {1, -1, -1}, {-1, -1, 1}, {1, -1, -1}};
        int[] labels = {0, 1, 2, 2, 0}; // mostly right: T > 1, but not infinite (one confident mistake)
        double t = SoftmaxTemperature.fit(scores, labels);
        assertTrue(t > 0.1 && t < 100, "T = " + t);
        double best = SoftmaxTemperature.nll(scores, labels, t);
        assertTrue(best <= SoftmaxTemperature.nll(scores, labels, t * 1.05));
        assertTrue(best <= SoftmaxTemperature.nll(scores, labels, t / 1.05));
    }

    @Test
    void noRowsMeansNoScaling() {
        assertEquals(1.0, SoftmaxTemperature.fit(new double[0][], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxTemperature.fit(new double[1][2], new int[2]));
    }
}
