package io.genrelake.ml;

import java.util.List;
import java.util.Locale;

/** Plain-text lines of model results for the console and the benchmark notes. */
public final class ConsoleTable {

    private ConsoleTable() {}

    public static String header() {
        return String.format(Locale.ROOT, "%-9s %-17s %-8s %-7s %-7s %7s %7s  %s", "model", "CV accuracy", "macroF1",
                "train", "test", "wall s", "CPU s", "params");
    }

    public static String line(ModelResult r) {
        ClassificationMetrics test = r.testMetrics();
        return String.format(Locale.ROOT, "%-9s %.4f ± %.4f   %.4f   %.4f  %-7s %7.1f %7.1f  %s", r.name(),
                r.cvAccuracyMean(), r.cvAccuracyStd(), r.cvMacroF1(), r.trainAccuracy(),
                test == null ? "-" : String.format(Locale.ROOT, "%.4f", test.accuracy()), r.trainSeconds(),
                r.cpuSeconds(), r.params());
    }

    /** The calibration in one line: method, ECE before and after, threshold, its precision and coverage. */
    public static String calibrationLine(CalibrationResult c) {
        PrecisionThreshold.Choice t = c.choice();
        String line = String.format(Locale.ROOT, "calibration: %s; ECE (%d bins, cross-fitted on %d out-of-fold "
                + "predictions) %.4f → %.4f; uncertain below %.4f: precision %.4f at coverage %.4f (target %.2f)",
                c.calibration().describe(), Reliability.BINS, c.units(), c.eceBefore(), c.eceAfter(), t.threshold(),
                t.precision(), t.coverage(), c.targetPrecision());
        CalibrationResult.HeldOut test = c.test();
        if (test != null) {
            line += String.format(Locale.ROOT, "; test: ECE %.4f → %.4f, precision %.4f at coverage %.4f",
                    test.eceBefore(), test.eceAfter(), test.atThreshold().precision(), test.atThreshold().coverage());
        }
        return line;
    }

    public static String table(List<ModelResult> results) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (ModelResult r : results) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }
}
