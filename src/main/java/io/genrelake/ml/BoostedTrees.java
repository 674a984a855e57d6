package io.genrelake.ml;

import java.util.Arrays;

/**
 * Multinomial gradient boosting (Friedman 2001, section 4.6; scikit-learn's {@code GradientBoostingClassifier}
 * with its default log-loss): class scores start at the log of the class priors, and every round adds, for
 * each class, {@code stepSize ×} a regression tree fitted to the gradient {@code y_k − p_k} of the
 * log-likelihood, its leaves set by one Newton step ({@code (K−1)/K · Σ(y−p) / Σ p(1−p)}). Probabilities are
 * the softmax of the scores.
 *
 * @param prior    the starting score of every class (log prior)
 * @param trees    trees[round][class]
 * @param stepSize the learning rate every tree is scaled by
 */
public record BoostedTrees(double[] prior, RegressionTree[][] trees, double stepSize) implements java.io.Serializable {

    /** Classes absent from the training rows start here rather than at log 0. */
    private static final double LOG_FLOOR = Math.log(1e-12);

    /** Fits {@code rounds × numClasses} trees of depth {@code maxDepth} to rows x with classes y. */
    public static BoostedTrees fit(double[][] x, int[] y, int numClasses, int rounds, double stepSize, int maxDepth) {
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("need at least two classes, have " + numClasses);
        }
        double[] prior = new double[numClasses];
        for (int label : y) {
            prior[label]++;
        }
        for (int k = 0; k < numClasses; k++) {
            prior[k] = prior[k] > 0 ? Math.log(prior[k] / n) : LOG_FLOOR;
        }
        double[][] score = new double[n][];
        for (int i = 0; i < n; i++) {
            score[i] = prior.clone();
        }
        RegressionTreeBuilder builder = new RegressionTreeBuilder(x, maxDepth);
        double[][] p = new double[n][numClasses];
        double[] gradient = new double[n];
        double[] hessian = new double[n];
        double leafScale = (numClasses - 1.0) / numClasses;
        RegressionTree[][] trees = new RegressionTree[rounds][numClasses];
        for (int m = 0; m < rounds; m++) {
            for (int i = 0; i < n; i++) {
                VectorClassificationModel.softmax(score[i], p[i]); // this round's probabilities, before any of its trees
            }
            for (int k = 0; k < numClasses; k++) {
                for (int i = 0; i < n; i++) {
                    double pk = p[i][k];
                    gradient[i] = (y[i] == k ? 1 : 0) - pk;
                    hessian[i] = pk * (1 - pk);
                }
                RegressionTree tree = builder.fit(gradient, hessian, leafScale);
                trees[m][k] = tree;
                for (int i = 0; i < n; i++) {
                    score[i][k] += stepSize * tree.value()[builder.leafOf(i)];
                }
            }
        }
        return new BoostedTrees(prior, trees, stepSize);
    }

    public int numClasses() {
        return prior.length;
    }

    public int rounds() {
        return trees.length;
    }

    /** The class scores of x (the softmax of which are its probabilities). */
    public double[] scores(double[] x) {
        double[] s = prior.clone();
        for (RegressionTree[] round : trees) {
            for (int k = 0; k < s.length; k++) {
                s[k] += stepSize * round[k].predict(x);
            }
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoostedTrees b && stepSize == b.stepSize && Arrays.equals(prior, b.prior)
                && Arrays.deepEquals(trees, b.trees);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prior) * 31 + Arrays.deepHashCode(trees);
    }

    @Override
    public String toString() {
        return "BoostedTrees(" + rounds() + " rounds × " + numClasses() + " classes, step " + stepSize + ")";
    }
}
