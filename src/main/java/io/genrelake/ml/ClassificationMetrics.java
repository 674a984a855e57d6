package io.genrelake.ml;

/**
 * Accuracy, macro F1 and per-class precision and recall of a confusion matrix. A class that is never
 * predicted has precision 0 and one never present recall 0 (scikit-learn's zero_division=0); macro F1
 * averages over classes present in the data or the predictions.
 */
public record ClassificationMetrics(double accuracy, double macroF1, double[] precision, double[] recall,
        long[] support) {

    public static ClassificationMetrics of(ConfusionMatrix m) {
        int n = m.size();
        double[] precision = new double[n];
        double[] recall = new double[n];
        long[] support = new long[n];
        long correct = 0;
        double f1Sum = 0;
        int f1Count = 0;
        for (int c = 0; c < n; c++) {
            long tp = m.count(c, c);
            long actual = 0;
            long predicted = 0;
            for (int o = 0; o < n; o++) {
                actual += m.count(c, o);
                predicted += m.count(o, c);
            }
            correct += tp;
            support[c] = actual;
            precision[c] = predicted == 0 ? 0 : (double) tp / predicted;
            recall[c] = actual == 0 ? 0 : (double) tp / actual;
            if (actual > 0 || predicted > 0) {
                double p = precision[c];
                double r = recall[c];
                f1Sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
                f1Count++;
            }
        }
        long total = m.total();
        return new ClassificationMetrics(total == 0 ? 0 : (double) correct / total,
                f1Count == 0 ? 0 : f1Sum / f1Count, precision, recall, support);
    }
}
