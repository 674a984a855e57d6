package io.genrelake.ml;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * A calibration map of a track's class probabilities, fitted on (probabilities, true class) pairs:
 *
 * <ul>
 *   <li>{@code temperature}: p'_k ∝ p_k^(1/T), which is temperature scaling (Guo et al. 2017) with the log of
 *   the probabilities as logits; T > 1 softens over-confident probabilities, T < 1 sharpens under-confident
 *   ones. T minimises the negative log-likelihood ({@link SoftmaxTemperature}); the arg-max never changes.
 *   Probabilities are floored at {@value #FLOOR} before the log, so a zero (kNN, a forest) costs a finite NLL.
 *   <li>{@code isotonic}: top-label isotonic regression (Zadrozny and Elkan 2002, scikit-learn's
 *   {@code IsotonicRegression}): a non-decreasing map of the top probability to the chance it is right, fitted by
 *   pool-adjacent-violators and interpolated linearly between its points, as MLlib's IsotonicRegression
 *   predicts. The other classes share the rest in proportion to their probabilities; the top class stays on top.
 * </ul>
 *
 * {@code none} is the identity, kept when neither map lowers the ECE. Serializable: Spark's executors apply it.
 *
 * @param method      {@code temperature}, {@code isotonic} or {@code none}
 * @param temperature T (temperature); 1 for isotonic
 * @param confidences the isotonic map's points' top probabilities, increasing (empty for temperature)
 * @param calibrated  the isotonic map's values at those points
 */
public record ProbabilityCalibration(String method, double temperature, double[] confidences, double[] calibrated)
        implements Serializable {

    public static final String TEMPERATURE = "temperature";
    public static final String ISOTONIC = "isotonic";
    /** The identity: kept when the model's own probabilities are better calibrated than either map makes them. */
    public static final String NONE = "none";
    /** The maps fitted, in the order they are tried (the first wins ties). */
    public static final String[] METHODS = {TEMPERATURE, ISOTONIC};
    /** Every value of {@code method}. */
    static final String[] ALL = {TEMPERATURE, ISOTONIC, NONE};

    static final double FLOOR = 1e-6;

    public ProbabilityCalibration {
        if (!Arrays.asList(ALL).contains(method)) {
            throw new IllegalArgumentException("calibration method must be temperature, isotonic or none, got "
                    + method);
        }
        if (confidences.length != calibrated.length) {
            throw new IllegalArgumentException(confidences.length + " isotonic points but " + calibrated.length
                    + " values");
        }
    }

    /** Fits {@code method} on the units' probabilities and true classes. */
    public static ProbabilityCalibration fit(String method, double[][] probabilities, int[] labels) {
        return switch (method) {
            case TEMPERATURE -> new ProbabilityCalibration(TEMPERATURE, fitTemperature(probabilities, labels),
                    new double[0], new double[0]);
            case ISOTONIC -> isotonic(probabilities, labels);
            case NONE -> identity();
            default -> throw new IllegalArgumentException("calibration method must be temperature or isotonic, got "
                    + method);
        };
    }

    /** The map that leaves probabilities as they are. */
    public static ProbabilityCalibration identity() {
        return new ProbabilityCalibration(NONE, 1, new double[0], new double[0]);
    }

    /** The T of temperature scaling: SoftmaxTemperature's factor on the log-probabilities is 1/T. */
    static double fitTemperature(double[][] probabilities, int[] labels) {
        double[][] logits = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            logits[i] = logits(probabilities[i]);
        }
        return 1 / SoftmaxTemperature.fit(logits, labels);
    }

    private static double[] logits(double[] p) {
        double[] out = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.log(Math.max(p[k], FLOOR));
        }
        return out;
    }

    /** Pool-adjacent-violators on (top probability, 1 if right else 0), sorted by top probability. */
    static ProbabilityCalibration isotonic(double[][] probabilities, int[] labels) {
        int n = labels.length;
        double[][] pairs = new double[n][];
        for (int i = 0; i < n; i++) {
            int top = TrackPredictions.argmax(probabilities[i]);
            pairs[i] = new double[] {probabilities[i][top], top == labels[i] ? 1 : 0};
        }
        Arrays.sort(pairs, (a, b) -> Double.compare(a[0], b[0]));
        // Blocks of pooled units: their confidence range, summed outcome and size.
        double[] low = new double[n];
        double[] high = new double[n];
        double[] sum = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (double[] pair : pairs) {
            if (blocks > 0 && pair[0] == high[blocks - 1]) {
                sum[blocks - 1] += pair[1]; // equal confidences are one point: their outcomes are pooled first
                size[blocks - 1]++;
            } else {
                low[blocks] = pair[0];
                high[blocks] = pair[0];
                sum[blocks] = pair[1];
                size[blocks] = 1;
                blocks++;
            }
            while (blocks > 1 && sum[blocks - 2] / size[blocks - 2] >= sum[blocks - 1] / size[blocks - 1]) {
                // Merge equal means too, so each value is one block and the map's points are few.
                high[blocks - 2] = high[blocks - 1];
                sum[blocks - 2] += sum[blocks - 1];
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        double[] x = new double[2 * blocks];
        double[] y = new double[2 * blocks];
        int points = 0;
        for (int b = 0; b < blocks; b++) {
            double value = sum[b] / size[b];
            x[points] = low[b];
            y[points++] = value;
            if (high[b] > low[b]) {
                x[points] = high[b];
                y[points++] = value;
            }
        }
        return new ProbabilityCalibration(ISOTONIC, 1, Arrays.copyOf(x, points), Arrays.copyOf(y, points));
    }

    /** The calibrated probabilities of one unit (a new array; {@code p} is left alone). */
    public double[] apply(double[] p) {
        return switch (method) {
            case TEMPERATURE -> scaled(p);
            case ISOTONIC -> isotonic(p);
            default -> p.clone();
        };
    }

    private double[] scaled(double[] p) {
        double[] out = logits(p);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            out[k] /= temperature;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    private double[] isotonic(double[] p) {
        double[] out = p.clone();
        if (confidences.length == 0) {
            return out;
        }
        int top = TrackPredictions.argmax(p);
        double c = p[top];
        double rest = 1 - c;
        double runnerUp = 0;
        for (int k = 0; k < p.length; k++) {
            if (k != top) {
                runnerUp = Math.max(runnerUp, p[k]);
            }
        }
        // The top class stays on top: c' ≥ p2 / (1 − c + p2) keeps c' ≥ the runner-up's new share p2 (1 − c') / (1 − c).
        double floor = rest + runnerUp > 0 ? runnerUp / (rest + runnerUp) : 0;
        // (a margin of 1e-9 above it: rounding in the shares below must not make a tie, which the first class wins)
        double top2 = Math.max(interpolate(c), p.length > 1 ? floor + 1e-9 : 0);
        top2 = Math.min(1, top2);
        for (int k = 0; k < p.length; k++) {
            if (k == top) {
                out[k] = top2;
            } else if (rest > 0) {
                out[k] = p[k] / rest * (1 - top2);
            } else {
                out[k] = (1 - top2) / (p.length - 1); // the model was certain: the rest goes evenly
            }
        }
        return out;
    }

    /** The isotonic map at confidence {@code c}: linear between points, constant beyond the ends. */
    double interpolate(double c) {
        int i = Arrays.binarySearch(confidences, c);
        if (i >= 0) {
            return calibrated[i];
        }
        int after = -i - 1;
        if (after == 0) {
            return calibrated[0];
        }
        if (after == confidences.length) {
            return calibrated[confidences.length - 1];
        }
        double x0 = confidences[after - 1];
        double x1 = confidences[after];
        return calibrated[after - 1] + (calibrated[after] - calibrated[after - 1]) * (c - x0) / (x1 - x0);
    }

    /** The parameters, for the model card and the console. */
    public String describe() {
        return switch (method) {
            case TEMPERATURE -> String.format(Locale.ROOT, "temperature T = %.4f", temperature);
            case ISOTONIC -> String.format(Locale.ROOT, "isotonic, %d points", confidences.length);
            default -> "none (the model's probabilities are better calibrated than either map makes them)";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProbabilityCalibration c && method.equals(c.method)
                && Double.compare(temperature, c.temperature) == 0 && Arrays.equals(confidences, c.confidences)
                && Arrays.equals(calibrated, c.calibrated);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * method.hashCode() + Double.hashCode(temperature)) + Arrays.hashCode(confidences);
    }

    @Override
    public String toString() {
        return describe();
    }
}
