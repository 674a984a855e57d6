package io.genrelake.ml;

import java.util.Arrays;

/**
 * Grows least-squares regression trees on one fixed set of rows, as scikit-learn's gradient boosting
 * does with {@code DecisionTreeRegressor(criterion='friedman_mse', max_depth=D, min_samples_leaf=1)}:
 * level by level, every split point of every feature tried, the split that maximises Friedman's
 * improvement {@code n_l·n_r/(n_l+n_r) · (mean_l − mean_r)²} taken (first feature on ties), the threshold
 * halfway between the two neighbouring values. Leaf values are a Newton step, {@code scale · Σ g / Σ h}
 * (Friedman 2001, algorithm 6), as scikit-learn's multinomial deviance sets them.
 *
 * <p>Every feature is sorted once; a level then costs one pass over each sorted feature, whatever the
 * number of nodes. Not thread-safe; its buffers are reused from tree to tree.
 */
final class RegressionTreeBuilder {

    private final int rows;
    private final int featureCount;
    private final int maxDepth;
    /** columns[f][i]: feature f of row i. */
    private final double[][] columns;
    /** order[f]: the rows sorted by feature f. */
    private final int[][] order;
    /** The node each row is in (at the end, its leaf). */
    private final int[] nodeOf;

    // per node, for a tree of at most 2^(maxDepth+1) − 1 nodes
    private final int[] count;
    private final double[] sum;
    private final double[] hessianSum;
    private final int[] leftCount;
    private final double[] leftSum;
    private final double[] lastValue;
    private final double[] bestGain;
    private final int[] bestFeature;
    private final double[] bestThreshold;

    RegressionTreeBuilder(double[][] data, int maxDepth) {
        if (data.length == 0) {
            throw new IllegalArgumentException("no rows to grow trees on");
        }
        if (maxDepth < 1 || maxDepth > 12) {
            throw new IllegalArgumentException("maxDepth must be 1..12, is " + maxDepth);
        }
        this.rows = data.length;
        this.featureCount = data[0].length;
        this.maxDepth = maxDepth;
        this.columns = new double[featureCount][rows];
        this.order = new int[featureCount][];
        for (int i = 0; i < rows; i++) {
            for (int f = 0; f < featureCount; f++) {
                columns[f][i] = data[i][f];
            }
        }
        for (int f = 0; f < featureCount; f++) {
            double[] column = columns[f];
            order[f] = java.util.stream.IntStream.range(0, rows).boxed()
                    .sorted((a, b) -> Double.compare(column[a], column[b])).mapToInt(Integer::intValue).toArray();
        }
        this.nodeOf = new int[rows];
        int maxNodes = (1 << (maxDepth + 1)) - 1;
        count = new int[maxNodes];
        sum = new double[maxNodes];
        hessianSum = new double[maxNodes];
        leftCount = new int[maxNodes];
        leftSum = new double[maxNodes];
        lastValue = new double[maxNodes];
        bestGain = new double[maxNodes];
        bestFeature = new int[maxNodes];
        bestThreshold = new double[maxNodes];
    }

    int rows() {
        return rows;
    }

    /**
     * Grows a tree fitted to the gradients g (least squares), with leaf values {@code scale · Σg / Σh}
     * (0 where Σh is below 1e-150, as scikit-learn).
     */
    RegressionTree fit(double[] gradient, double[] hessian, double scale) {
        int maxNodes = count.length;
        int[] feature = new int[maxNodes];
        double[] threshold = new double[maxNodes];
        int[] left = new int[maxNodes];
        int[] right = new int[maxNodes];
        Arrays.fill(feature, -1);
        Arrays.fill(nodeOf, 0);
        Arrays.fill(count, 0);
        Arrays.fill(sum, 0);
        count[0] = rows;
        for (int i = 0; i < rows; i++) {
            sum[0] += gradient[i];
        }
        int nodes = 1;
        int levelStart = 0;
        int levelEnd = 1;
        for (int depth = 0; depth < maxDepth && levelStart < levelEnd; depth++) {
            findSplits(gradient, levelStart, levelEnd);
            int firstChild = nodes;
            for (int node = levelStart; node < levelEnd; node++) {
                if (bestFeature[node] >= 0) {
                    feature[node] = bestFeature[node];
                    threshold[node] = bestThreshold[node];
                    left[node] = nodes++;
                    right[node] = nodes++;
                }
            }
            for (int i = 0; i < rows; i++) {
                int node = nodeOf[i];
                if (node >= levelStart && feature[node] >= 0) {
                    int child = columns[feature[node]][i] <= threshold[node] ? left[node] : right[node];
                    nodeOf[i] = child;
                    count[child]++;
                    sum[child] += gradient[i];
                }
            }
            levelStart = firstChild;
            levelEnd = nodes;
        }
        Arrays.fill(hessianSum, 0, nodes, 0);
        for (int i = 0; i < rows; i++) {
            hessianSum[nodeOf[i]] += hessian[i];
        }
        double[] value = new double[nodes];
        for (int node = 0; node < nodes; node++) {
            if (feature[node] < 0) {
                value[node] = Math.abs(hessianSum[node]) < 1e-150 ? 0 : scale * sum[node] / hessianSum[node];
            }
        }
        return new RegressionTree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
                Arrays.copyOf(left, nodes), Arrays.copyOf(right, nodes), value);
    }

    /** The leaf row i fell into in the last {@link #fit} (an index into the tree's node arrays). */
    int leafOf(int i) {
        return nodeOf[i];
    }

    /** For every node of the level [from, to), the best split over all features (bestFeature −1: none). */
    private void findSplits(double[] gradient, int from, int to) {
        Arrays.fill(bestGain, from, to, 0);
        Arrays.fill(bestFeature, from, to, -1);
        for (int f = 0; f < featureCount; f++) {
            Arrays.fill(leftCount, from, to, 0);
            Arrays.fill(leftSum, from, to, 0);
            double[] column = columns[f];
            for (int i : order[f]) {
                int node = nodeOf[i];
                if (node < from) {
                    continue; // a leaf of an earlier level
                }
                double v = column[i];
                int nl = leftCount[node];
                if (nl > 0 && v > lastValue[node]) {
                    // the split between the previous value of this node and v
                    int nr = count[node] - nl;
                    double sl = leftSum[node];
                    double diff = sl * nr - (sum[node] - sl) * nl;
                    double gain = diff * diff / ((double) nl * nr * count[node]);
                    if (gain > bestGain[node]) {
                        bestGain[node] = gain;
                        bestFeature[node] = f;
                        double mid = lastValue[node] + (v - lastValue[node]) / 2;
                        bestThreshold[node] = mid < v ? mid : lastValue[node]; // neighbouring doubles
                    }
                }
                leftCount[node] = nl + 1;
                leftSum[node] += gradient[i];
                lastValue[node] = v;
            }
        }
    }
}
