package io.genrelake.ml;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.spark.api.java.JavaRDD;

/**
 * Trains one linear SVM per class, one-vs-rest, all at once: squared hinge loss with L2 regularisation
 * (scikit-learn LinearSVC's default loss), minimised by L-BFGS over the concatenated weights of every
 * class. Each objective evaluation is one pass over the rows (a treeAggregate), so a step costs one
 * Spark job for all classes; MLlib's OneVsRest(LinearSVC) spends one job per class per step, which on
 * small tables is dominated by Spark's per-job overhead (measured: about 10× slower for 10 genres).
 *
 * <p>Objective of class c, with y = +1 for rows of class c and −1 otherwise:
 * (1/n) Σ max(0, 1 − y (w·x + b))² + (λ/2)|w|²; the intercept b is not regularised. scikit-learn's C is
 * λ = 1/(C n).
 */
final class OneVsRestSvmTrainer {

    /** A training row: class index and dense features. */
    record Row(int label, double[] x) implements Serializable {}

    /** Fitted weights (classes × features) and intercepts. */
    record Weights(double[][] coefficients, double[] intercepts, int iterations) {}

    private static final int HISTORY = 10;

    private final int numClasses;
    private final int dim;
    private final double regParam;
    private final int maxIter;
    private final double tol;

    OneVsRestSvmTrainer(int numClasses, int dim, double regParam, int maxIter, double tol) {
        this.numClasses = numClasses;
        this.dim = dim;
        this.regParam = regParam;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    Weights train(JavaRDD<Row> rows) {
        long n = rows.count();
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        int size = numClasses * (dim + 1);
        double[] theta = new double[size];
        double[] gradient = new double[size];
        double loss = evaluate(rows, n, theta, gradient);
        Deque<double[]> sHistory = new ArrayDeque<>();
        Deque<double[]> yHistory = new ArrayDeque<>();
        int iteration = 0;
        while (iteration < maxIter && norm(gradient) > 1e-10) {
            iteration++;
            double[] direction = twoLoop(gradient, sHistory, yHistory);
            double slope = dot(direction, gradient);
            if (slope >= 0) { // not a descent direction (curvature pairs went stale): restart from steepest descent
                sHistory.clear();
                yHistory.clear();
                direction = scale(gradient, -1);
                slope = dot(direction, gradient);
            }
            // First step: unit length in parameter space; afterwards L-BFGS's scaling makes 1 the natural step.
            double step = sHistory.isEmpty() ? 1.0 / Math.max(1e-12, norm(gradient)) : 1.0;
            double[] next = new double[size];
            double[] nextGradient = new double[size];
            double nextLoss;
            int backtracks = 0;
            while (true) {
                for (int i = 0; i < size; i++) {
                    next[i] = theta[i] + step * direction[i];
                }
                nextLoss = evaluate(rows, n, next, nextGradient);
                if (nextLoss <= loss + 1e-4 * step * slope || backtracks >= 20) {
                    break;
                }
                step *= 0.5; // Armijo backtracking
                backtracks++;
            }
            double[] s = new double[size];
            double[] y = new double[size];
            for (int i = 0; i < size; i++) {
                s[i] = next[i] - theta[i];
                y[i] = nextGradient[i] - gradient[i];
            }
            if (dot(s, y) > 1e-12) { // keep only pairs with positive curvature
                sHistory.addFirst(s);
                yHistory.addFirst(y);
                if (sHistory.size() > HISTORY) {
                    sHistory.removeLast();
                    yHistory.removeLast();
                }
            }
            double improvement = (loss - nextLoss) / Math.max(Math.abs(loss), 1e-12);
            theta = next;
            gradient = nextGradient;
            loss = nextLoss;
            if (improvement < tol) {
                break;
            }
        }
        double[][] coefficients = new double[numClasses][dim];
        double[] intercepts = new double[numClasses];
        for (int c = 0; c < numClasses; c++) {
            System.arraycopy(theta, c * (dim + 1), coefficients[c], 0, dim);
            intercepts[c] = theta[c * (dim + 1) + dim];
        }
        return new Weights(coefficients, intercepts, iteration);
    }

    /** Objective at {@code theta}; writes its gradient into {@code gradient}. One pass over the rows. */
    private double evaluate(JavaRDD<Row> rows, long n, double[] theta, double[] gradient) {
        int classes = numClasses;
        int d = dim;
        int size = theta.length;
        double[] zero = new double[size + 1]; // gradient sums, then the loss sum
        double[] sums = rows.treeAggregate(zero, (acc, row) -> {
            double[] x = row.x();
            for (int c = 0; c < classes; c++) {
                int offset = c * (d + 1);
                double margin = theta[offset + d];
                for (int j = 0; j < d; j++) {
                    margin += theta[offset + j] * x[j];
                }
                double y = row.label() == c ? 1.0 : -1.0;
                double slack = 1 - y * margin;
                if (slack > 0) {
                    acc[size] += slack * slack;
                    double g = -2 * slack * y;
                    for (int j = 0; j < d; j++) {
                        acc[offset + j] += g * x[j];
                    }
                    acc[offset + d] += g;
                }
            }
            return acc;
        }, (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                a[i] += b[i];
            }
            return a;
        });
        double loss = sums[size] / n;
        for (int c = 0; c < numClasses; c++) {
            int offset = c * (dim + 1);
            for (int j = 0; j < dim; j++) {
                double w = theta[offset + j];
                gradient[offset + j] = sums[offset + j] / n + regParam * w;
                loss += 0.5 * regParam * w * w;
            }
            gradient[offset + dim] = sums[offset + dim] / n;
        }
        return loss;
    }

    /** L-BFGS two-loop recursion: the quasi-Newton direction −H·g from the stored (s, y) pairs. */
    private static double[] twoLoop(double[] gradient, Deque<double[]> sHistory, Deque<double[]> yHistory) {
        double[] q = gradient.clone();
        int m = sHistory.size();
        double[] alpha = new double[m];
        double[] rho = new double[m];
        double[][] s = sHistory.toArray(new double[0][]);
        double[][] y = yHistory.toArray(new double[0][]);
        for (int i = 0; i < m; i++) {
            rho[i] = 1.0 / dot(y[i], s[i]);
            alpha[i] = rho[i] * dot(s[i], q);
            axpy(-alpha[i], y[i], q);
        }
        if (m > 0) {
            double gamma = dot(s[0], y[0]) / dot(y[0], y[0]);
            for (int i = 0; i < q.length; i++) {
                q[i] *= gamma;
            }
        }
        for (int i = m - 1; i >= 0; i--) {
            double beta = rho[i] * dot(y[i], q);
            axpy(alpha[i] - beta, s[i], q);
        }
        return scale(q, -1);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double[] scale(double[] a, double factor) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * factor;
        }
        return out;
    }
}
