package io.genrelake.report.fidelity;

import java.util.Arrays;

/**
 * The errors of one feature column over the rows of a reference set: relative errors
 * {@code |ours − ref| / |ref|} (0 when both are 0), and absolute errors for the columns whose values are
 * too close to zero for a relative error to mean anything (harmony_mean, perceptr_mean).
 */
public final class ColumnErrors {

    private final String column;
    private double[] relative = new double[16];
    private double maxAbsolute;
    private String worstRow = "";
    private int n;

    public ColumnErrors(String column) {
        this.column = column;
    }

    /** Columns judged by absolute error: their values are ~1e-6 (shared/golden/README.md). */
    public static boolean absolute(String column) {
        return column.equals("harmony_mean") || column.equals("perceptr_mean");
    }

    public void add(String row, double ours, double ref) {
        double abs = Math.abs(ours - ref);
        double rel = abs == 0 ? 0 : (ref == 0 ? Double.POSITIVE_INFINITY : abs / Math.abs(ref));
        if (Double.isNaN(ours)) {
            rel = Double.POSITIVE_INFINITY;
            abs = Double.POSITIVE_INFINITY;
        }
        if (n == relative.length) {
            relative = Arrays.copyOf(relative, 2 * n);
        }
        double judged = absolute(column) ? abs : rel;
        if (n == 0 || judged > (absolute(column) ? maxAbsolute : maxRelative())) {
            worstRow = row;
        }
        relative[n++] = rel;
        maxAbsolute = Math.max(maxAbsolute, abs);
    }

    public String column() {
        return column;
    }

    public int count() {
        return n;
    }

    public double maxRelative() {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, relative[i]);
        }
        return m;
    }

    public double medianRelative() {
        if (n == 0) {
            return 0;
        }
        double[] s = Arrays.copyOf(relative, n);
        Arrays.sort(s);
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    public double maxAbsolute() {
        return maxAbsolute;
    }

    /** The row with the largest judged error. */
    public String worstRow() {
        return worstRow;
    }
}
