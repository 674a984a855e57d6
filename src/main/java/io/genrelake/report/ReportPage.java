package io.genrelake.report;

import io.genrelake.catalogue.WindowChoice;
import io.genrelake.ml.CalibrationResult;
import io.genrelake.ml.ClassificationMetrics;
import io.genrelake.ml.EvaluationScheme;
import io.genrelake.ml.PrecisionThreshold;
import io.genrelake.ml.Reliability;
import io.genrelake.ml.ModelResult;
import io.genrelake.ml.TrainingOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's HTML: settings, the per-model table, the best model's per-genre metrics, the plots. */
public final class ReportPage {

    /** The PNG files the page shows, by role. */
    public record Plots(String accuracy, String cvConfusion, String testConfusion, String pca, String correlation,
            String reliability, String accuracyCoverage) {}

    private ReportPage() {}

    /** The best model's figures, the grouped one first and named: "test accuracy on the … split 0.55, …". */
    static String headline(TrainingOutcome outcome, ModelResult best) {
        EvaluationScheme scheme = outcome.evaluation();
        String cv = String.format(Locale.ROOT, "%.4f ± %.4f", best.cvAccuracyMean(), best.cvAccuracyStd());
        String test = best.testMetrics() == null ? null : String.format(Locale.ROOT, "%.4f", best.testMetrics().accuracy());
        ModelResult byTrack = outcome.trackGroupedOf(best);
        String comparison = byTrack == null ? "" : String.format(Locale.ROOT, " (CV by track, for comparison: %.4f ± %.4f)",
                byTrack.cvAccuracyMean(), byTrack.cvAccuracyStd());
        if (scheme.split() != null) {
            return scheme.headline() + " " + (test == null ? "-" : test) + ", CV train↔valid " + cv + comparison;
        }
        return (scheme.hasTrackComparison() ? scheme.headline() : "CV accuracy") + " " + cv
                + (test == null ? "" : ", test accuracy " + test) + comparison;
    }

    private static String trackCv(ModelResult byTrack) {
        return byTrack == null ? "<td>–</td>"
                : String.format(Locale.ROOT, "<td>%.4f ± %.4f</td>", byTrack.cvAccuracyMean(), byTrack.cvAccuracyStd());
    }

    public static String html(TrainingOutcome outcome, Plots plots) {
        var options = outcome.options();
        boolean leaky = options.protocol().leaky();
        String unit = leaky ? "segment" : "track";
        ModelResult best = outcome.best();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>genrelake training report")
                .append(leaky ? " (LEAKY)" : "").append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append(".leaky{background:#b2182b;color:#fff;padding:1em;font-weight:bold}")
                .append(".best{background:#e8f1fa}img{max-width:100%;border:1px solid #ddd;margin:0.5em 0}")
                .append("code{background:#f6f6f6;padding:0 3px}\n</style></head><body>\n");
        h.append("<h1>genrelake training report").append(leaky ? " — LEAKY" : "").append("</h1>\n");
        if (leaky) {
            h.append("<p class=\"leaky\">LEAKY protocol (leaky-segments): segments were split at random, so segments ")
                    .append("of one track sit on both sides of every split. These numbers are inflated by leakage and ")
                    .append("do not measure accuracy on new tracks.</p>\n");
        }
        h.append("<table>\n");
        row(h, "features", esc(outcome.table().source()) + " (" + outcome.table().format() + ", sha256 <code>"
                + outcome.table().sha256().substring(0, 16) + "…</code>)");
        row(h, "extractor version", esc(String.join(", ", outcome.table().extractorVersions())));
        row(h, "protocol", esc(options.protocol().label()));
        row(h, "evaluation", "<b>" + esc(outcome.evaluation().headline()) + "</b>: "
                + esc(outcome.evaluation().cvDescription())
                + (outcome.trackGrouped().isEmpty() ? "" : "; beside it, CV by track: the same models at their chosen "
                        + "grid points on " + options.folds() + " folds grouped by track only"));
        row(h, "genres", esc(String.join(", ", outcome.genres())));
        row(h, "split", outcome.evaluation().split() != null
                ? String.format(Locale.ROOT, "%s: %d training %ss (train + valid), %d test; %d not named, left out",
                        esc(outcome.evaluation().split().uri()), outcome.split().trainUnits(), unit,
                        outcome.split().testUnits(), outcome.split().leftOut())
                : String.format(Locale.ROOT, "%d training %ss in %d stratified folds grouped by %s; %d held out (%.0f%%)",
                        outcome.split().trainUnits(), unit, options.folds(), outcome.evaluation().grouping().cliName(),
                        outcome.split().testUnits(), 100 * options.testFraction()));
        row(h, "pipeline", esc((options.pipeline().logVariances() ? "log(variances) → " : "") + "assemble → standardise → "
                + (options.pipeline().pcaComponents() > 0 ? "PCA(" + options.pipeline().pcaComponents() + ") → " : "")
                + "classifier; windows" + (outcome.table().windowSeconds() == null ? ""
                        : " of " + WindowChoice.format(outcome.table().windowSeconds()) + " s")
                + " aggregated per track by " + options.aggregation().cliName()));
        row(h, "seed", Long.toString(options.pipeline().seed()));
        row(h, "best model", "<b>" + esc(best.name()) + "</b>: " + esc(headline(outcome, best)));
        if (outcome.smoothing() != null) {
            row(h, "smoothing", esc(io.genrelake.ml.ConsoleTable.smoothingLine(outcome.smoothing(),
                    outcome.evaluation().cvHeadline()) + "; calibration below fitted on the smoothed predictions"));
        }
        if (outcome.foldRepeats() != null) {
            row(h, "fold repeats", esc(io.genrelake.ml.ConsoleTable.foldRepeatsLine(outcome.foldRepeats())
                    + "; the grid point chosen on the first"));
        }
        row(h, "created", esc(outcome.createdAt().toString()));
        h.append("</table>\n");

        h.append("<h2>Models</h2>\n<p>Accuracy and macro F1 per ").append(unit)
                .append("; cross-validation figures are the mean ± standard deviation over folds of the best grid ")
                .append("point; train and test use that point refit on all training ").append(unit).append("s.</p>\n");
        boolean compared = !outcome.trackGrouped().isEmpty();
        h.append("<table>\n<tr><th>model</th><th>train acc.</th><th>").append(esc(outcome.evaluation().cvColumn()))
                .append(" acc. (mean ± std)</th>").append(compared ? "<th>CV by track (comparison)</th>" : "")
                .append("<th>CV macro F1</th>")
                .append("<th>test acc.</th><th>test macro F1</th><th>grid points</th><th>train seconds (wall / CPU)</th>")
                .append("<th>chosen parameters</th></tr>\n");
        for (ModelResult r : outcome.results()) {
            ClassificationMetrics test = r.testMetrics();
            h.append(r == best ? "<tr class=\"best\">" : "<tr>").append("<td>").append(esc(r.name())).append("</td>")
                    .append(td(r.trainAccuracy()))
                    .append(String.format(Locale.ROOT, "<td>%.4f ± %.4f</td>", r.cvAccuracyMean(), r.cvAccuracyStd()))
                    .append(compared ? trackCv(outcome.trackGroupedOf(r)) : "")
                    .append(td(r.cvMacroF1()))
                    .append(test == null ? "<td>–</td><td>–</td>" : td(test.accuracy()) + td(test.macroF1()))
                    .append("<td>").append(r.gridSize()).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%.1f / %.1f</td>", r.trainSeconds(), r.cpuSeconds()))
                    .append("<td style=\"text-align:left\"><code>").append(esc(params(r.params()))).append("</code></td></tr>\n");
        }
        h.append("</table>\n<img src=\"").append(plots.accuracy()).append("\" alt=\"train, CV and test accuracy per model\">\n");

        h.append("<h2>Best model: ").append(esc(best.name())).append(", per genre</h2>\n");
        ClassificationMetrics cv = best.cvMetrics();
        ClassificationMetrics test = best.testMetrics();
        h.append("<table>\n<tr><th>genre</th><th>CV precision</th><th>CV recall</th>")
                .append(test == null ? "" : "<th>test precision</th><th>test recall</th>").append("<th>CV ")
                .append(unit).append("s</th></tr>\n");
        List<String> genres = outcome.genres();
        for (int g = 0; g < genres.size(); g++) {
            h.append("<tr><td>").append(esc(genres.get(g))).append("</td>").append(td(cv.precision()[g]))
                    .append(td(cv.recall()[g]));
            if (test != null) {
                h.append(td(test.precision()[g])).append(td(test.recall()[g]));
            }
            h.append("<td>").append(cv.support()[g]).append("</td></tr>\n");
        }
        h.append("</table>\n");
        h.append("<img src=\"").append(plots.cvConfusion()).append("\" alt=\"confusion matrix, cross-validation\">\n");
        if (plots.testConfusion() != null) {
            h.append("<img src=\"").append(plots.testConfusion()).append("\" alt=\"confusion matrix, test set\">\n");
        }
        appendCalibration(h, outcome.calibration(), plots, unit);
        h.append("<h2>Data</h2>\n<img src=\"").append(plots.pca()).append("\" alt=\"PCA scatter by genre\">\n")
                .append("<img src=\"").append(plots.correlation()).append("\" alt=\"feature correlation heatmap\">\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void appendCalibration(StringBuilder h, CalibrationResult c, Plots plots, String unit) {
        if (c == null) {
            return;
        }
        PrecisionThreshold.Choice t = c.choice();
        h.append("<h2>Calibration and the uncertain threshold</h2>\n<p>Fitted on the best model's ").append(c.units())
                .append(" out-of-fold ").append(unit).append(" predictions (each by the fold model that did not see it, ")
                .append(unit).append(" probabilities after aggregating windows). Each method is cross-fitted: a fold's ")
                .append("predictions are calibrated by a map fitted on the other folds'. ECE: expected calibration ")
                .append("error over ").append(Reliability.BINS).append(" equal-width confidence bins.</p>\n<table>\n");
        row(h, "method kept", esc(c.calibration().describe()));
        StringBuilder methods = new StringBuilder();
        c.eceByMethod().forEach((m, e) -> methods.append(methods.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.4f", m, e)));
        row(h, "ECE before → after", String.format(Locale.ROOT, "%.4f → %.4f (after, by method: %s)", c.eceBefore(),
                c.eceAfter(), esc(methods.toString())));
        row(h, "ECE after, against noise", esc(c.consistency().describe()));
        row(h, "uncertain below", String.format(Locale.ROOT, "confidence %.4f: precision %.4f at coverage %.4f "
                + "(target %.2f)", t.threshold(), t.precision(), t.coverage(), c.targetPrecision()));
        CalibrationResult.HeldOut test = c.test();
        if (test != null) {
            row(h, "held-out test", String.format(Locale.ROOT, "%d %ss: ECE %.4f → %.4f; at the threshold precision "
                    + "%.4f, coverage %.4f; %s", test.units(), unit, test.eceBefore(), test.eceAfter(),
                    test.atThreshold().precision(), test.atThreshold().coverage(),
                    esc(test.consistency().describe())));
        }
        h.append("</table>\n");
        if (plots.reliability() != null) {
            h.append("<img src=\"").append(plots.reliability()).append("\" alt=\"reliability diagram\">\n");
        }
        if (plots.accuracyCoverage() != null) {
            h.append("<img src=\"").append(plots.accuracyCoverage()).append("\" alt=\"accuracy against coverage\">\n");
        }
    }

    private static void row(StringBuilder h, String name, String valueHtml) {
        h.append("<tr><th>").append(esc(name)).append("</th><td style=\"text-align:left\">").append(valueHtml)
                .append("</td></tr>\n");
    }

    private static String td(double v) {
        return String.format(Locale.ROOT, "<td>%.4f</td>", v);
    }

    private static String params(Map<String, Object> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
