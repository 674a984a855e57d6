package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import io.genrelake.catalogue.WindowChoice;
import io.genrelake.neural.NeuralSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A whole training run: read and check the table(s), place groups in test set and folds (or follow a fixed
 * split), cross-validate each model, then the ensemble of the best probabilistic ones; the winner by CV
 * accuracy is the model to save (already refit on all training rows). When the folds are grouped by more
 * than the track, every model is cross-validated once more at its chosen grid point on track-grouped folds,
 * the figure beside the grouped one that shows what the grouping costs; with {@code --fold-repeats} the winner is
 * cross-validated on further assignments of the same groups to folds ({@link FoldRepeats}). With {@code --smooth-by}
 * the winner's out-of-fold predictions are smoothed by artist or album ({@link GroupSmoothing}) before they are
 * calibrated.
 */
public final class Trainer {

    private final SparkSession spark;
    private final Consumer<String> progress;

    /** @param progress receives one line per step, for the console */
    public Trainer(SparkSession spark, Consumer<String> progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** The tag labels of one table: values as written, genres after the map, tracks left out and why. */
    private void reportTags(String uri, GenreTally tally, TagGenres tags, String leaky) {
        progress.accept(String.format(Locale.ROOT, "%slabels from tags of %s (map %s): genre values as written %s",
                leaky, uri, tags.source(), tally.raw()));
        progress.accept(leaky + "  → " + tally.describe());
        Map<String, Long> unmapped = tally.unmapped(25);
        if (!unmapped.isEmpty()) {
            progress.accept(leaky + "  values the map does not know (most frequent first; add them with --genre-map): "
                    + unmapped);
        }
    }

    public TrainingOutcome train(TrainOptions options) {
        String leaky = options.protocol().leaky() ? "LEAKY " : "";
        GenreMap genreMap = options.genreMap() == null ? GenreMap.identity()
                : GenreMap.read(options.genreMap(), spark.sparkContext().hadoopConfiguration());
        TrainingTable table;
        if (options.labelsFrom() == LabelOrigin.TAGS) {
            TagGenres tags = TagGenres.forTraining(options.genreMap(), spark.sparkContext().hadoopConfiguration());
            for (String uri : options.features()) { // before reading: why too few tracks are labelled, if so
                if (!FeatureTableReader.isKaggleCsv(uri)) { // which the reader refuses, saying why
                    reportTags(uri, TagLabels.tally(spark, uri, tags), tags, leaky);
                }
            }
            table = TrainingSources.read(spark, options.features(), GenreMap.identity(), tags);
        } else {
            table = TrainingSources.read(spark, options.features(), genreMap);
        }
        for (TrainingTable source : table.sources()) {
            progress.accept(String.format(Locale.ROOT, "%sread %s (%s, %s): %d labelled rows%s", leaky,
                    source.source(), source.format(), source.segmented() ? "several windows per track"
                            + (source.windowSeconds() == null ? "" : ", windows of "
                                    + WindowChoice.format(source.windowSeconds()) + " s")
                            : "one row per track", source.rows().count(), source.skippedRows() > 0 ? ", "
                            + source.skippedRows() + " rows left out (status error, no label or genre mapped to none)"
                            : ""));
        }
        EvaluationScheme scheme = scheme(options, table);
        SplitPlan split = scheme.split() != null ? SplitPlan.fixed(spark, table.rows(), scheme.split())
                : SplitPlan.of(spark, table.rows(), options.protocol(), scheme.grouping(), options.folds(),
                        options.testFraction(), options.pipeline().seed());
        String unit = options.protocol() == Protocol.TRACKS ? "tracks" : "segments";
        progress.accept(String.format(Locale.ROOT, "%sprotocol %s: %d training %s in %d folds, %d held out for test",
                leaky, options.protocol().label(), split.trainUnits(), unit, split.folds(), split.testUnits()));
        progress.accept(leaky + "evaluation: " + scheme.headline() + "; " + scheme.cvDescription()
                + (split.leftOut() > 0 ? "; " + split.leftOut() + " tracks the split does not name left out" : ""));
        for (String warning : split.warnings()) {
            progress.accept(leaky + "warning: " + warning);
        }

        StringIndexerModel labels = new StringIndexer().setInputCol(TrainingTable.LABEL)
                .setOutputCol(PipelineFactory.LABEL_INDEX).setStringOrderType("alphabetAsc").fit(table.rows());
        PipelineFactory factory = new PipelineFactory(labels, options.pipeline(), table.featureSet().columns(),
                neuralSettings(options));
        boolean oneRowPerUnit = options.protocol().leaky() || !table.segmented();
        boolean ensemble = options.models().contains(ModelKind.ENSEMBLE);
        List<ModelResult> results;
        try (ModelSelection selection = new ModelSelection(factory, split, split.folds(), options.aggregation(),
                oneRowPerUnit, options.quickGrids(), ensemble)) {
            results = select(options, selection, leaky, scheme.cvColumn());
        }
        ModelResult best = TrainingOutcome.best(results);
        List<ModelResult> trackGrouped = List.of();
        if (scheme.hasTrackComparison() && options.trackComparison()) {
            SplitPlan byTrack = split.regroupedByTrack(spark, options.folds(), options.pipeline().seed());
            progress.accept(String.format(Locale.ROOT, "%scomparison: every model at its chosen grid point, "
                    + "cross-validated on %d folds grouped by track only", leaky, options.folds()));
            try (ModelSelection selection = new ModelSelection(factory, byTrack, options.folds(), options.aggregation(),
                    oneRowPerUnit, options.quickGrids(), ensemble)) {
                trackGrouped = compare(results, selection, leaky);
            }
        }
        if (scheme.split() != null) { // the split's test figure leads; the CV only chose the model
            progress.accept(String.format(Locale.ROOT, "%sbest: %s, %s %.4f (chosen by CV train↔valid %.4f ± %.4f)",
                    leaky, best.name(), scheme.headline(), best.testMetrics().accuracy(), best.cvAccuracyMean(),
                    best.cvAccuracyStd()));
        } else {
            progress.accept(String.format(Locale.ROOT, "%sbest: %s, %s %.4f ± %.4f%s", leaky, best.name(),
                    scheme.hasTrackComparison() ? scheme.headline() : "CV accuracy", best.cvAccuracyMean(),
                    best.cvAccuracyStd(), best.testMetrics() == null ? ""
                            : String.format(Locale.ROOT, ", test accuracy %.4f", best.testMetrics().accuracy())));
        }
        Map<String, String> unitGroups = options.smoothBy() == null ? null : unitGroups(split, options.smoothBy());
        GroupSmoothing.Evaluation smoothing = null;
        TrackPredictions calibrateOn = best.outOfFold();
        TrackPredictions heldOut = best.heldOut();
        if (unitGroups != null) {
            if (unitGroups.isEmpty()) {
                progress.accept(String.format(Locale.ROOT, "%swarning: --smooth-by %s: no track names one (the %s "
                        + "column of extract --labels, or the tags); nothing is smoothed", leaky,
                        options.smoothBy().cliName(), options.smoothBy().cliName()));
            }
            smoothing = smooth(options.smoothBy(), best, unitGroups);
            progress.accept(leaky + ConsoleTable.smoothingLine(smoothing, scheme.cvHeadline()));
            calibrateOn = smoothing.outOfFold(); // a catalogue's tracks are scored smoothed: calibrate those
            heldOut = smoothing.heldOut();
        }
        FoldRepeats repeats = options.foldRepeats() > 1 ? repeatFolds(options, factory, split, scheme.grouping(),
                results, best, oneRowPerUnit, leaky, unitGroups) : null;
        CalibrationResult calibration = CalibrationSelection.run(calibrateOn, heldOut, options.targetPrecision());
        progress.accept(leaky + ConsoleTable.calibrationLine(calibration));
        return new TrainingOutcome(options, table, split, List.of(labels.labelsArray()[0]), results, best,
                Instant.now(), scheme, trackGrouped, calibration, repeats, smoothing);
    }

    /** Every training and test unit's smoothing group ({@link GroupSmoothing#key}); units naming none are absent. */
    private static Map<String, String> unitGroups(SplitPlan split, Grouping by) {
        Map<String, String> groups = new HashMap<>(GroupSmoothing.groupsByUnit(split.train(), SplitPlan.UNIT, by));
        if (split.test() != null) {
            groups.putAll(GroupSmoothing.groupsByUnit(split.test(), SplitPlan.UNIT, by));
        }
        return groups;
    }

    /** {@code result}'s out-of-fold (and held-out) predictions smoothed by {@code by}, the weight cross-fitted. */
    static GroupSmoothing.Evaluation smooth(Grouping by, ModelResult result, Map<String, String> unitGroups) {
        TrackPredictions heldOut = result.heldOut();
        return GroupSmoothing.evaluate(by, result.outOfFold(), GroupSmoothing.groupsOf(result.outOfFold(), unitGroups),
                heldOut, heldOut == null ? null : GroupSmoothing.groupsOf(heldOut, unitGroups));
    }

    /**
     * The best model at its chosen grid point cross-validated again on {@code --fold-repeats} − 1 more assignments
     * of the groups to folds (seeds {@code --seed} + 1, + 2, …), the test set kept.
     */
    private FoldRepeats repeatFolds(TrainOptions options, PipelineFactory factory, SplitPlan split, Grouping grouping,
            List<ModelResult> results, ModelResult best, boolean oneRowPerUnit, String leaky,
            Map<String, String> unitGroups) {
        int n = options.foldRepeats();
        long[] seeds = new long[n];
        seeds[0] = options.pipeline().seed();
        List<ModelResult> repeated = new ArrayList<>(List.of(best));
        progress.accept(String.format(Locale.ROOT, "%sfold repeats: %s at its chosen grid point on %d more "
                + "assignments of the %ss to %d folds", leaky, best.name(), n - 1, grouping.cliName(), split.folds()));
        boolean ensemble = ModelKind.of(best.name()) == ModelKind.ENSEMBLE;
        for (int r = 1; r < n; r++) {
            seeds[r] = seeds[0] + r;
            SplitPlan refolded = split.refolded(spark, grouping, split.folds(), seeds[r]);
            try (ModelSelection selection = new ModelSelection(factory, refolded, split.folds(),
                    options.aggregation(), oneRowPerUnit, options.quickGrids(), ensemble)) {
                ModelResult again = rerun(best, results, selection);
                repeated.add(again);
                progress.accept(String.format(Locale.ROOT, "%sfolds of seed %d: %s", leaky, seeds[r],
                        ConsoleTable.line(again)));
            }
        }
        double[] smoothed = unitGroups == null ? null : repeated.stream()
                .mapToDouble(r -> smooth(options.smoothBy(), r, unitGroups).accuracy()).toArray();
        FoldRepeats repeats = FoldRepeats.of(repeated, seeds, smoothed);
        progress.accept(leaky + ConsoleTable.foldRepeatsLine(repeats));
        return repeats;
    }

    /** A model again at its chosen point on another selection's folds; an ensemble with its members, likewise. */
    static ModelResult rerun(ModelResult chosen, List<ModelResult> all, ModelSelection selection) {
        if (ModelKind.of(chosen.name()) != ModelKind.ENSEMBLE) {
            return runAt(chosen, selection);
        }
        return selection.runEnsemble(membersOf(chosen, all).stream().map(m -> runAt(m, selection)).toList());
    }

    /** A model cross-validated on the selection's folds at the grid point it chose elsewhere. */
    private static ModelResult runAt(ModelResult chosen, ModelSelection selection) {
        return selection.runAt(ModelKind.of(chosen.name()), chosen.classifier(), chosen.bestParams());
    }

    /** An ensemble's members, by the names its parameters list, found in {@code pool}. */
    private static List<ModelResult> membersOf(ModelResult ensemble, List<ModelResult> pool) {
        return ((List<?>) ensemble.params().get("members")).stream().map(name -> pool.stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow()).toList();
    }

    /** The neural settings asked for; a window's patches vote when tracks are aggregated by vote. */
    private static NeuralSettings neuralSettings(TrainOptions options) {
        NeuralSettings n = options.neural();
        return new NeuralSettings(n.batchSize(), n.learningRate(), n.maxEpochs(), n.patience(), n.patchesPerWindow(),
                n.validationFraction(), n.maskProbability(), n.mixupAlpha(), n.hopFrames(),
                options.aggregation() == Aggregation.VOTE, n.seed(), n.threads());
    }

    /** The grouping asked for, or the default one, checked against the rows; or the fixed split. */
    private EvaluationScheme scheme(TrainOptions options, TrainingTable table) {
        if (options.split() != null) {
            return new EvaluationScheme(Grouping.TRACK,
                    FixedSplit.read(options.split(), spark.sparkContext().hadoopConfiguration()), 2);
        }
        if (options.protocol().leaky()) {
            return new EvaluationScheme(Grouping.TRACK, null, options.folds());
        }
        Grouping asked = options.groupBy();
        Grouping tag = asked == null ? Grouping.ARTIST : asked;
        if (tag == Grouping.TRACK) {
            return new EvaluationScheme(Grouping.TRACK, null, options.folds());
        }
        Dataset<Row> tracks = table.rows().select(TrainingTable.TRACK_ID, tag.column()).distinct();
        Dataset<Row> missing = tracks.filter(col(tag.column()).isNull().or(trim(col(tag.column())).equalTo("")));
        long missingCount = missing.count();
        if (missingCount == 0) {
            if (asked == null) {
                progress.accept("grouping by artist: every labelled track names one (--group-by track to change)");
            }
            return new EvaluationScheme(tag, null, options.folds());
        }
        long total = tracks.select(TrainingTable.TRACK_ID).distinct().count();
        if (asked == null) {
            if (missingCount < total) {
                progress.accept(String.format(Locale.ROOT, "grouping by track: %d of %d tracks name no artist "
                        + "(--group-by artist needs one for every track)", missingCount, total));
            }
            return new EvaluationScheme(Grouping.TRACK, null, options.folds());
        }
        throw new TrainingDataException(String.format(Locale.ROOT, "--group-by %s: %d of %d tracks have no %s, "
                + "e.g. track %s; give every track one (the artist and album columns of extract --labels), or use "
                + "--group-by track", tag.cliName(), missingCount, total, tag.cliName(),
                missing.first().getString(0)));
    }

    private List<ModelResult> select(TrainOptions options, ModelSelection selection, String leaky, String column) {
        List<ModelResult> results = new ArrayList<>();
        for (ModelKind kind : options.models()) {
            ModelResult result;
            if (kind == ModelKind.ENSEMBLE) {
                List<ModelResult> members = results.stream()
                        .filter(r -> ModelKind.of(r.name()).probabilistic())
                        .sorted(Comparator.comparingDouble(ModelResult::cvAccuracyMean).reversed())
                        .limit(options.ensembleSize()).toList();
                progress.accept(leaky + "ensemble of " + members.stream().map(ModelResult::name).toList());
                result = selection.runEnsemble(members);
            } else {
                result = selection.run(kind);
            }
            results.add(result);
            progress.accept(leaky + column + ": " + ConsoleTable.line(result));
        }
        return results;
    }

    /** Each model again at its chosen point on the selection's (track-grouped) folds; the ensemble of the same members. */
    private List<ModelResult> compare(List<ModelResult> chosen, ModelSelection selection, String leaky) {
        List<ModelResult> compared = new ArrayList<>();
        for (ModelResult r : chosen) {
            // an ensemble averages its members' comparison runs, made before it
            ModelResult again = ModelKind.of(r.name()) == ModelKind.ENSEMBLE
                    ? selection.runEnsemble(membersOf(r, compared)) : runAt(r, selection);
            compared.add(again);
            progress.accept(leaky + "CV by track: " + ConsoleTable.line(again));
        }
        return compared;
    }
}
