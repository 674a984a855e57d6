package io.genrelake.ml;

import java.util.Arrays;

/** Counts of (true class, predicted class) pairs; rows are true classes, columns predicted. */
public final class ConfusionMatrix {

    private final long[][] counts;

    public ConfusionMatrix(int numClasses) {
        counts = new long[numClasses][numClasses];
    }

    public static ConfusionMatrix of(long[][] counts) {
        ConfusionMatrix m = new ConfusionMatrix(counts.length);
        for (int i = 0; i < counts.length; i++) {
            m.counts[i] = counts[i].clone();
        }
        return m;
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    public void addAll(ConfusionMatrix other) {
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                counts[i][j] += other.counts[i][j];
            }
        }
    }

    public int size() {
        return counts.length;
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** A copy of the counts. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
