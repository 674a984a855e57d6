package io.genrelake.ml;

import java.util.Arrays;

/**
 * A fitted binary regression tree as flat arrays: node i splits on {@code feature[i]} at
 * {@code threshold[i]} (x ≤ threshold goes left) or, when {@code feature[i] < 0}, is a leaf worth
 * {@code value[i]}. Node 0 is the root.
 */
public record RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value)
        implements java.io.Serializable {

    public RegressionTree {
        int n = feature.length;
        if (threshold.length != n || left.length != n || right.length != n || value.length != n || n == 0) {
            throw new IllegalArgumentException("a tree needs equally long node arrays, at least the root");
        }
    }

    /** The value of the leaf that x falls into. */
    public double predict(double[] x) {
        int node = 0;
        while (feature[node] >= 0) {
            node = x[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    public int nodes() {
        return feature.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegressionTree t && Arrays.equals(feature, t.feature) && Arrays.equals(threshold, t.threshold)
                && Arrays.equals(left, t.left) && Arrays.equals(right, t.right) && Arrays.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(feature) * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RegressionTree(" + nodes() + " nodes)";
    }
}
