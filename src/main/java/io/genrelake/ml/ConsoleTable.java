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
        line += "; ECE after: " + c.consistency().describe();
        CalibrationResult.HeldOut test = c.test();
        if (test != null) {
            line += String.format(Locale.ROOT, "; test: ECE %.4f → %.4f, precision %.4f at coverage %.4f",
                    test.eceBefore(), test.eceAfter(), test.atThreshold().precision(), test.atThreshold().coverage());
        }
        return line;
    }

    /** The chosen model over several assignments of the groups to folds: mean ± std, range, each seed's figure. */
    public static String foldRepeatsLine(FoldRepeats f) {
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < f.assignments(); i++) {
            each.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "seed %d %.4f", f.seeds()[i],
                    f.accuracies()[i]));
        }
        String line = String.format(Locale.ROOT, "%s over %d assignments of the groups to folds: CV accuracy %.4f ± "
                + "%.4f (%.4f to %.4f; %s)", f.model(), f.assignments(), f.mean(), f.std(), f.min(), f.max(), each);
        if (f.smoothedAccuracies() != null) {
            StringBuilder smoothed = new StringBuilder();
            for (double a : f.smoothedAccuracies()) {
                smoothed.append(smoothed.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", a));
            }
            line += String.format(Locale.ROOT, "; smoothed by group %.4f ± %.4f (%s)", f.smoothedMean(),
                    f.smoothedStd(), smoothed);
        }
        return line;
    }

    /**
     * The best model's CV accuracy before and after smoothing by artist or album, with each fold's weight (chosen on
     * the other folds) and the weight saved for classify and nightly.
     */
    public static String smoothingLine(GroupSmoothing.Evaluation e, String headline) {
        StringBuilder weights = new StringBuilder();
        for (double w : e.foldWeights()) {
            weights.append(weights.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", w));
        }
        String line = String.format(Locale.ROOT, "smoothed by %s: %s %.4f → %.4f ± %.4f (each fold at the weight "
                + "best on the other folds: %s); saved weight %.2f", e.chosen().by().cliName(), headline,
                e.accuracyBefore(), e.accuracy(), e.accuracyStd(), weights, e.chosen().weight());
        Double test = e.heldOutAccuracy();
        return test == null ? line : line + String.format(Locale.ROOT, "; test accuracy smoothed %.4f", test);
    }

    public static String table(List<ModelResult> results) {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (ModelResult r : results) {
            sb.append(line(r)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The results of a run, led by the grouped figure and naming the grouping: a fixed split's test accuracy
     * first, or the grouped CV accuracy; the track-grouped CV of the same models beside it when there is one.
     */
    public static String table(TrainingOutcome outcome) {
        EvaluationScheme scheme = outcome.evaluation();
        if (!scheme.hasTrackComparison()) {
            return table(outcome.results());
        }
        boolean split = scheme.split() != null;
        StringBuilder sb = new StringBuilder(scheme.headline()).append(" first; ").append(scheme.cvDescription())
                .append(outcome.options().trackComparison() ? "; CV by track: the same models at their chosen grid "
                        + "points on " + outcome.options().folds() + " track-grouped folds, for comparison\n"
                        : "; CV by track: not run (--track-comparison off)\n");
        // A split leads with its test figure; a grouping with its grouped CV, its (grouped) test split after.
        sb.append(split ? String.format(Locale.ROOT, "%-9s %-7s %-17s %-17s", "model", "test", scheme.cvColumn(),
                "CV by track") : String.format(Locale.ROOT, "%-9s %-17s %-17s %-7s", "model", scheme.cvColumn(),
                        "CV by track", "test"));
        sb.append(String.format(Locale.ROOT, " %-8s %-7s %7s %7s  %s", "macroF1", "train", "wall s", "CPU s", "params"))
                .append('\n');
        for (ModelResult r : outcome.results()) {
            ModelResult byTrack = outcome.trackGroupedOf(r);
            ClassificationMetrics test = r.testMetrics();
            String testText = test == null ? "-" : String.format(Locale.ROOT, "%.4f", test.accuracy());
            String cv = String.format(Locale.ROOT, "%.4f ± %.4f", r.cvAccuracyMean(), r.cvAccuracyStd());
            String trackCv = byTrack == null ? "-" : String.format(Locale.ROOT, "%.4f ± %.4f", byTrack.cvAccuracyMean(),
                    byTrack.cvAccuracyStd());
            sb.append(split ? String.format(Locale.ROOT, "%-9s %-7s %-17s %-17s", r.name(), testText, cv, trackCv)
                    : String.format(Locale.ROOT, "%-9s %-17s %-17s %-7s", r.name(), cv, trackCv, testText));
            sb.append(String.format(Locale.ROOT, " %.4f   %.4f  %7.1f %7.1f  %s", r.cvMacroF1(), r.trainAccuracy(),
                    r.trainSeconds(), r.cpuSeconds(), r.params())).append('\n');
        }
        return sb.toString();
    }
}
