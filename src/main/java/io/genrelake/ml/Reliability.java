package io.genrelake.ml;

/**
 * How well confidences (the largest probability of each prediction) match accuracy: the expected
 * calibration error over {@value #BINS} equal-width confidence bins, as Guo et al. define it ("On
 * Calibration of Modern Neural Networks", 2017, eq. 3: bin b holds confidences in ((b−1)/M, b/M], ECE =
 * Σ n_b/N · |accuracy_b − mean confidence_b|), and the bins themselves for a reliability diagram.
 */
public final class Reliability {

    /** Equal-width confidence bins of the ECE and the reliability diagram. */
    public static final int BINS = 15;

    /** One bin: its confidence interval, how many predictions fell in it, their mean confidence and accuracy. */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {}

    private Reliability() {}

    /** The expected calibration error of the predictions' top-label confidences; 0 with no predictions. */
    public static double ece(double[][] probabilities, int[] labels) {
        int n = labels.length;
        double ece = 0;
        for (Bin b : bins(probabilities, labels)) {
            if (b.count() > 0) {
                ece += (double) b.count() / n * Math.abs(b.accuracy() - b.meanConfidence());
            }
        }
        return ece;
    }

    /** The {@value #BINS} bins, empty ones included (their mean confidence and accuracy are NaN). */
    public static Bin[] bins(double[][] probabilities, int[] labels) {
        int[] count = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        for (int i = 0; i < labels.length; i++) {
            int top = TrackPredictions.argmax(probabilities[i]);
            double c = probabilities[i][top];
            int b = bin(c);
            count[b]++;
            confidence[b] += c;
            correct[b] += top == labels[i] ? 1 : 0;
        }
        Bin[] bins = new Bin[BINS];
        for (int b = 0; b < BINS; b++) {
            bins[b] = new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b],
                    count[b] == 0 ? Double.NaN : confidence[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) correct[b] / count[b]);
        }
        return bins;
    }

    /** The bin of a confidence: ((b−1)/M, b/M] numbered from 0, with 0 itself in the first. */
    static int bin(double confidence) {
        int b = (int) Math.ceil(confidence * BINS) - 1;
        return Math.max(0, Math.min(BINS - 1, b));
    }
}
