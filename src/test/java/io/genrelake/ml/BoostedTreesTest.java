package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {

    /** Rows of a 4-class XOR-like layout (the class is the quadrant), which no linear model separates. */
    private static double[][] quadrants(Random r, int n, int[] labels) {
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            x[i] = new double[] {a, b, r.nextGaussian()}; // the third feature is noise
            labels[i] = (a > 0 ? 1 : 0) + (b > 0 ? 2 : 0);
        }
        return x;
    }

    private static int argmax(double[] s) {
        int best = 0;
        for (int k = 1; k < s.length; k++) {
            if (s[k] > s[best]) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void learnsInteractionsThatNoLinearModelCan() {
        Random r = new Random(3);
        int[] y = new int[400];
        double[][] x = quadrants(r, 400, y);
        BoostedTrees model = BoostedTrees.fit(x, y, 4, 30, 0.3, 2);
        int[] yTest = new int[400];
        double[][] xTest = quadrants(r, 400, yTest);
        int correct = 0;
        for (int i = 0; i < xTest.length; i++) {
            correct += argmax(model.scores(xTest[i])) == yTest[i] ? 1 : 0;
        }
        assertTrue(correct >= 380, correct + " of 400 held-out rows right");
    }

    @Test
    void startsFromTheLogPriorsAndFollowsTheGradient() {
        // one feature that separates two classes perfectly; 3 of 4 rows are class 0
        double[][] x = {{0}, {1}, {2}, {10}};
        int[] y = {0, 0, 0, 1};
        BoostedTrees zeroRounds = BoostedTrees.fit(x, y, 2, 0, 0.1, 1);
        assertArrayEquals(new double[] {Math.log(0.75), Math.log(0.25)}, zeroRounds.scores(new double[] {5}), 1e-12);

        BoostedTrees one = BoostedTrees.fit(x, y, 2, 1, 1.0, 1);
        RegressionTree tree0 = one.trees()[0][0];
        assertEquals(0, tree0.feature()[0], "the root splits on the only feature");
        assertEquals(6.0, tree0.threshold()[0], 1e-12, "halfway between 2 and 10");
        // Newton step of the left leaf for class 0: (K−1)/K · Σ(1 − 0.75) / Σ 0.75·0.25 = 0.5 · 0.75 / 0.5625
        assertEquals(0.5 * 0.75 / 0.5625, tree0.predict(new double[] {1}), 1e-12);
        assertTrue(one.scores(new double[] {10})[1] > one.scores(new double[] {10})[0], "row 4 now leans to class 1");
    }

    @Test
    void constantFeaturesGiveASingleLeaf() {
        double[][] x = {{1, 1}, {1, 1}, {1, 1}};
        BoostedTrees model = BoostedTrees.fit(x, new int[] {0, 1, 1}, 2, 3, 0.5, 3);
        assertEquals(1, model.trees()[0][0].nodes(), "no split point exists");
    }

    @Test
    void refusesBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.fit(new double[0][], new int[0], 3, 5, 0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.fit(new double[][] {{1}}, new int[] {0}, 1, 5, 0.1, 3));
        assertThrows(IllegalArgumentException.class, () -> BoostedTrees.fit(new double[][] {{1}}, new int[] {0}, 2, 5, 0.1, 0));
    }
}
