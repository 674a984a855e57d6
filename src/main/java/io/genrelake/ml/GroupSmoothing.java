package io.genrelake.ml;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code --smooth-by artist|album}: each track's probabilities mixed with the mean of its artist's (or album's) tracks
 * classified with it, p' = (1 − w)·p + w·mean(p over the group, the track itself included). An artist's tracks share
 * a genre far more often than one track's audio shows: on emotify's artist-grouped folds the mix is worth 4 to 5
 * points (docs/benchmarks.md). A track with no group, or alone in its group, keeps its own probabilities. The mix
 * uses no label, only the other tracks' audio, so it works the same in cross-validation (within a validation fold,
 * where an artist's tracks all are when folds are grouped by artist), on the test split and in a catalogue.
 *
 * <p>The weight is chosen among {@link #WEIGHTS} by accuracy on the out-of-fold predictions, cross-fitted as the
 * calibration is ({@link CalibrationSelection}): a fold's tracks are smoothed with the weight best on the other
 * folds, so the smoothed CV figure is not chosen on the tracks it measures; the weight saved is the one best on
 * every fold. 0 is among the weights: smoothing that does not help is not applied.
 *
 * @param by     what a group is: {@link Grouping#ARTIST} or {@link Grouping#ALBUM} (an album of one artist)
 * @param weight w, in [0, 1]
 */
public record GroupSmoothing(Grouping by, double weight) implements Serializable {

    /** The weights tried; 1 (every track of an artist the same genre) would overrule the track's own audio. */
    public static final double[] WEIGHTS = {0, 0.25, 0.5, 0.75};

    public GroupSmoothing {
        if (by == Grouping.TRACK) {
            throw new IllegalArgumentException("smoothing by track changes nothing; use artist or album");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("a smoothing weight is in [0, 1], got " + weight);
        }
    }

    /** {@code --smooth-by}'s value: none (null), artist or album. */
    public static Grouping option(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return null;
        }
        Grouping g = Grouping.of(v);
        if (g == Grouping.TRACK) {
            throw new IllegalArgumentException("smoothing by track changes nothing; use none, artist or album");
        }
        return g;
    }

    /**
     * The smoothing a model card records ({@code smoothing}: {@code by}, {@code weight}); null when it has none or its
     * weight is 0 (smoothing that did not help is not applied).
     */
    public static GroupSmoothing ofCard(com.fasterxml.jackson.databind.JsonNode card, String modelUri) {
        com.fasterxml.jackson.databind.JsonNode node = card.path(ModelCard.SMOOTHING);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            GroupSmoothing s = new GroupSmoothing(Grouping.of(node.path("by").asText("")),
                    node.path("weight").asDouble(Double.NaN));
            return s.weight() == 0 ? null : s;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(modelUri + "/" + ModelCard.FILE_NAME + ": smoothing: " + e.getMessage(),
                    e);
        }
    }

    /**
     * The group of a row of a feature or training table: its artist (the {@code artist} column of extract
     * {@code --labels}, else the tag's), with {@link Grouping#ALBUM} followed by its album; trimmed and lower-cased,
     * so "The Cure" and "the cure " are one artist; null when the row names none (then the track is not smoothed).
     */
    public static Column key(Grouping by, List<String> columns) {
        Column artist = firstNamed(columns, TrainingTable.ARTIST, "tag_artist");
        if (by == Grouping.ARTIST) {
            return artist;
        }
        Column album = firstNamed(columns, TrainingTable.ALBUM, "tag_album");
        // With the artist: two artists' "Greatest Hits" are two albums.
        return when(album.isNotNull(), concat_ws("\u001f", coalesce(artist, lit("")), album));
    }

    /** The first of {@code names} in {@code columns} that holds a non-blank value, normalised; null if none. */
    private static Column firstNamed(List<String> columns, String... names) {
        List<Column> values = new ArrayList<>();
        for (String name : names) {
            if (columns.contains(name)) {
                Column v = lower(trim(col(name).cast("string")));
                values.add(when(v.notEqual(""), v));
            }
        }
        return values.isEmpty() ? lit(null).cast("string") : coalesce(values.toArray(Column[]::new));
    }

    /** Each unit's group in {@code rows} ({@link #key}), by the unit's id in {@code unitColumn}; units naming none are absent. */
    public static Map<String, String> groupsByUnit(Dataset<Row> rows, String unitColumn, Grouping by) {
        Map<String, String> groups = new HashMap<>();
        for (Row r : rows.select(col(unitColumn).cast("string"), key(by, Arrays.asList(rows.columns()))).distinct()
                .collectAsList()) {
            if (!r.isNullAt(1)) {
                groups.put(r.getString(0), r.getString(1));
            }
        }
        return groups;
    }

    /** The group of each unit of {@code p}, in its order, from {@link #groupsByUnit}; null for none. */
    public static String[] groupsOf(TrackPredictions p, Map<String, String> groupsByUnit) {
        String[] out = new String[p.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = groupsByUnit.get(p.units()[i]);
        }
        return out;
    }

    /** One track's smoothed probabilities: {@code own} mixed with its group's mean (null: not smoothed). */
    public double[] mix(double[] own, double[] groupMean) {
        if (groupMean == null || weight == 0) {
            return own;
        }
        double[] out = new double[own.length];
        for (int k = 0; k < own.length; k++) {
            out[k] = (1 - weight) * own[k] + weight * groupMean[k];
        }
        return out;
    }

    /**
     * Every unit smoothed with its group's mean among the units of its own fold ({@code folds[i]}; the held-out ones
     * share {@link TrackPredictions#HELD_OUT}): each fold's predictions come from another model, and a catalogue is
     * classified by one.
     *
     * @param groups each unit's group, null for none
     */
    public TrackPredictions apply(TrackPredictions p, String[] groups) {
        double[][] means = groupMeans(p, groups);
        double[][] out = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            out[i] = mix(p.probabilities()[i], means[i]);
        }
        return new TrackPredictions(p.units(), out, p.labels(), p.folds());
    }

    /** Each unit's group mean within its fold, null for a unit without a group. */
    private static double[][] groupMeans(TrackPredictions p, String[] groups) {
        if (groups.length != p.size()) {
            throw new IllegalArgumentException(groups.length + " groups for " + p.size() + " units");
        }
        Map<String, double[]> sums = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < p.size(); i++) {
            if (groups[i] != null) {
                String key = p.folds()[i] + "\u0000" + groups[i];
                double[] sum = sums.computeIfAbsent(key, k -> new double[p.probabilities()[0].length]);
                double[] row = p.probabilities()[i];
                for (int k = 0; k < row.length; k++) {
                    sum[k] += row[k];
                }
                counts.merge(key, 1, Integer::sum);
            }
        }
        double[][] means = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            if (groups[i] != null) {
                String key = p.folds()[i] + "\u0000" + groups[i];
                double[] sum = sums.get(key);
                double[] mean = new double[sum.length];
                int n = counts.get(key);
                for (int k = 0; k < sum.length; k++) {
                    mean[k] = sum[k] / n;
                }
                means[i] = mean;
            }
        }
        return means;
    }

    /**
     * What smoothing by {@code by} does to a model's out-of-fold predictions (and its held-out ones, smoothed at the
     * weight chosen on all folds).
     *
     * @param groups        each out-of-fold unit's group, null for none
     * @param heldOutGroups each held-out unit's group; null when there is no held-out set
     */
    public static Evaluation evaluate(Grouping by, TrackPredictions outOfFold, String[] groups,
            TrackPredictions heldOut, String[] heldOutGroups) {
        TreeSet<Integer> foldIds = new TreeSet<>();
        for (int f : outOfFold.folds()) {
            foldIds.add(f);
        }
        // every weight's smoothed predictions, once
        TrackPredictions[] byWeight = new TrackPredictions[WEIGHTS.length];
        for (int w = 0; w < WEIGHTS.length; w++) {
            byWeight[w] = new GroupSmoothing(by, WEIGHTS[w]).apply(outOfFold, groups);
        }
        int[] folds = foldIds.stream().mapToInt(Integer::intValue).toArray();
        double[] foldWeights = new double[folds.length];
        double[] before = new double[folds.length];
        double[] after = new double[folds.length];
        double[][] crossFitted = new double[outOfFold.size()][];
        for (int j = 0; j < folds.length; j++) {
            int fold = folds[j];
            int best = 0;
            double bestAccuracy = -1;
            for (int w = 0; w < WEIGHTS.length; w++) { // the smaller weight wins ties
                double a = accuracy(byWeight[w].fold(fold, false));
                if (a > bestAccuracy) {
                    bestAccuracy = a;
                    best = w;
                }
            }
            foldWeights[j] = WEIGHTS[best];
            before[j] = accuracy(outOfFold.fold(fold, true));
            after[j] = accuracy(byWeight[best].fold(fold, true));
            for (int i = 0; i < outOfFold.size(); i++) {
                if (outOfFold.folds()[i] == fold) {
                    crossFitted[i] = byWeight[best].probabilities()[i];
                }
            }
        }
        int chosen = 0;
        for (int w = 1; w < WEIGHTS.length; w++) {
            if (accuracy(byWeight[w]) > accuracy(byWeight[chosen])) {
                chosen = w;
            }
        }
        GroupSmoothing smoothing = new GroupSmoothing(by, WEIGHTS[chosen]);
        TrackPredictions smoothedHeldOut = heldOut == null || heldOut.size() == 0 ? heldOut
                : smoothing.apply(heldOut, heldOutGroups);
        return new Evaluation(smoothing, folds, foldWeights, before, after,
                new TrackPredictions(outOfFold.units(), crossFitted, outOfFold.labels(), outOfFold.folds()),
                smoothedHeldOut);
    }

    /** The share of units whose arg-max is their label; 0 for none. */
    static double accuracy(TrackPredictions p) {
        if (p.size() == 0) {
            return 0;
        }
        int right = 0;
        for (int i = 0; i < p.size(); i++) {
            right += TrackPredictions.argmax(p.probabilities()[i]) == p.labels()[i] ? 1 : 0;
        }
        return (double) right / p.size();
    }

    /**
     * Smoothing judged on out-of-fold predictions.
     *
     * @param chosen         the smoothing to save: the weight best on every fold
     * @param folds          the fold numbers, ascending
     * @param foldWeights    per fold, the weight chosen on the other folds
     * @param foldAccuracies per fold, the accuracy before smoothing
     * @param smoothedFoldAccuracies per fold, the accuracy smoothed at its cross-fitted weight
     * @param outOfFold      the out-of-fold predictions smoothed at their folds' cross-fitted weights (calibration is
     *                       fitted on them)
     * @param heldOut        the held-out predictions smoothed at the chosen weight, or null
     */
    public record Evaluation(GroupSmoothing chosen, int[] folds, double[] foldWeights, double[] foldAccuracies,
            double[] smoothedFoldAccuracies, TrackPredictions outOfFold, TrackPredictions heldOut) {

        /** The CV accuracy before smoothing: the mean over folds, as {@link ModelResult#cvAccuracyMean}. */
        public double accuracyBefore() {
            return ModelResult.mean(foldAccuracies);
        }

        /** The smoothed CV accuracy, each fold at the weight chosen on the others. */
        public double accuracy() {
            return ModelResult.mean(smoothedFoldAccuracies);
        }

        public double accuracyStd() {
            return ModelResult.populationStd(smoothedFoldAccuracies);
        }

        /** The held-out accuracy smoothed at the chosen weight, or null without a held-out set. */
        public Double heldOutAccuracy() {
            return heldOut == null || heldOut.size() == 0 ? null : GroupSmoothing.accuracy(heldOut);
        }
    }
}
