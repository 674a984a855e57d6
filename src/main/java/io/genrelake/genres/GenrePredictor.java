package io.genrelake.genres;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.GroupSmoothing;
import io.genrelake.ml.PipelineFactory;
import io.genrelake.ml.ProbabilityCalibrationModel;
import io.genrelake.ml.TagGenres;
import io.genrelake.ml.TrackAggregator;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Feature-table rows → genre-table rows: the saved PipelineModel (assembler, scaler, classifier) scores
 * every window with status ok; {@link TrackAggregator} makes one prediction per track the way the model
 * was evaluated (its card's aggregation: mean probabilities by default), and the model's calibration, if it
 * has one, maps those per-track probabilities to calibrated ones; each file's error row becomes a
 * genre row with status error. A model trained with {@code --smooth-by} mixes each track's probabilities with its
 * artist's or album's before the calibration ({@link GroupSmoothing}). Everything stays distributed: no row is
 * collected on the driver.
 */
public final class GenrePredictor {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GenrePredictor.class);

    private final SparkSession spark;
    private final PipelineModel model;
    private final ProbabilityCalibrationModel calibration;
    private final GenreRows rows;
    private TagGenres tagGenres = TagGenres.defaults();

    /** A model without calibration (trained before it): the tracks' probabilities are the aggregated ones. */
    public GenrePredictor(SparkSession spark, PipelineModel model, GenreRows rows) {
        this(spark, model, null, rows);
    }

    /**
     * @param calibration the model's calibration stage ({@link io.genrelake.ml.ModelStore#loadCalibration}),
     *                    applied to each track's aggregated probabilities; null for none
     */
    public GenrePredictor(SparkSession spark, PipelineModel model, ProbabilityCalibrationModel calibration,
            GenreRows rows) {
        this.spark = spark;
        this.model = model;
        this.calibration = calibration;
        this.rows = rows;
        checkGenres(model, rows.model());
        if (calibration == null && rows.model().uncertainBelow() != null) {
            throw new IllegalArgumentException("the model's card has a calibration threshold but the model folder "
                    + "has no calibration stage (" + io.genrelake.ml.ModelStore.CALIBRATION + "/)");
        }
    }

    /** Normalises the files' tag genres for {@code tag_genre} with {@code map} (the model's) instead of the default. */
    public GenrePredictor withTagGenres(TagGenres map) {
        this.tagGenres = map;
        return this;
    }

    /** The genre rows of the tracks in {@code features} (a feature table, or any rows of one). */
    public Dataset<Row> classify(Dataset<Row> features) {
        return classify(features, null);
    }

    /**
     * The genre rows of the tracks in {@code features}; with a model that smooths by artist or album
     * ({@link GroupSmoothing}), a track's group mean is taken over its group's tracks in {@code features} and in
     * {@code context}.
     *
     * @param context feature rows of tracks classified earlier (nightly: the catalogue's stored tracks of the night's
     *                artists), scored only for their groups' means: no genre row is made for them; null for none
     */
    public Dataset<Row> classify(Dataset<Row> features, Dataset<Row> context) {
        requireColumns(Arrays.asList(features.columns()), rows.model().featureSet());
        // The label is not the model's input; its indexer would refuse genres it was not trained on, so it goes
        // (the indexer then skips itself, with a warning on every run that says nothing useful here).
        Configurator.setLevel(StringIndexerModel.class.getName(), Level.ERROR);
        Dataset<Row> windows = usable(features);
        GroupSmoothing smoothing = rows.model().smoothing();
        if (smoothing != null) {
            LOG.info("the model smooths by {} at weight {} (train --smooth-by): each track is mixed with its {}'s "
                    + "tracks in this table{}", smoothing.by().cliName(), smoothing.weight(), smoothing.by().cliName(),
                    context == null ? "" : " and the catalogue's stored ones");
        }
        Dataset<Row> scored = windows;
        if (smoothing != null && context != null) {
            // Only the tracks of the groups being classified are scored, and none of those being classified again.
            Dataset<Row> wanted = windows.select(GroupSmoothing.key(smoothing.by(), Arrays.asList(windows.columns()))
                    .as(GROUP)).where(col(GROUP).isNotNull()).distinct();
            Dataset<Row> others = usable(context)
                    .withColumn(GROUP, GroupSmoothing.key(smoothing.by(), Arrays.asList(context.columns())))
                    .join(wanted, using(GROUP), "left_semi").drop(GROUP)
                    .join(windows.select(FeatureTable.TRACK_ID).distinct(), using(FeatureTable.TRACK_ID), "left_anti");
            scored = windows.unionByName(others, true);
        }
        Aggregation how = Aggregation.of(rows.model().aggregation());
        Dataset<Row> perTrack = new TrackAggregator(FeatureTable.TRACK_ID, PipelineFactory.LABEL_INDEX, how)
                .aggregate(model.transform(scored));
        if (smoothing != null) {
            // Before calibration: the calibration was fitted on smoothed out-of-fold predictions.
            perTrack = smooth(perTrack, scored, smoothing);
        }
        if (calibration != null) {
            // Per track, after the windows' mean: the calibration was fitted on exactly such probabilities.
            perTrack = calibration.transform(perTrack);
        }
        // Tables extracted before tags were read have no tag_genres: no tag genre then.
        boolean tagged = Arrays.asList(features.columns()).contains(FeatureTable.TAG_GENRES);
        Column tagValues = tagged ? col(FeatureTable.TAG_GENRES)
                : lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> info = windows.groupBy(FeatureTable.TRACK_ID).agg(
                first(col(FeatureTable.PATH)).as("_path"), count(lit(1)).as("_windows"),
                first(col(FeatureTable.EXTRACTOR_VERSION), true).as("_version"), first(tagValues, true).as("_tags"));
        GenreRows build = rows;
        TagGenres map = tagGenres;
        JavaRDD<Row> ok = perTrack.join(info, FeatureTable.TRACK_ID)
                .select(col(FeatureTable.TRACK_ID), col("_path"), col("_windows"), col("_version"),
                        col(TrackAggregator.PROBABILITY), col("_tags"))
                .javaRDD()
                .map(r -> build.ok(r.getString(0), r.getString(1), (int) r.getLong(2), r.getString(3),
                        ((Vector) r.get(4)).toArray(), tagGenre(map, r, 5)));
        JavaRDD<Row> errors = features.filter(col(FeatureTable.STATUS).equalTo(FeatureTable.STATUS_ERROR))
                .select(col(FeatureTable.TRACK_ID), col(FeatureTable.PATH), col(FeatureTable.EXTRACTOR_VERSION),
                        col(FeatureTable.ERROR), tagValues)
                .javaRDD()
                .map(r -> build.error(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        tagGenre(map, r, 4)));
        return spark.createDataFrame(ok.union(errors), GenreTable.SCHEMA);
    }

    /** The rows of usable windows (status ok), without the label the model must not see. */
    private static Dataset<Row> usable(Dataset<Row> features) {
        return features.filter(col(FeatureTable.STATUS).equalTo(FeatureTable.STATUS_OK)).drop(FeatureTable.LABEL);
    }

    /**
     * Each track's probabilities mixed with the mean of its group's tracks in {@code windows}' tracks
     * ({@link GroupSmoothing#mix}); a track without a group keeps its own. Distributed: one aggregation per group.
     */
    static Dataset<Row> smooth(Dataset<Row> perTrack, Dataset<Row> windows, GroupSmoothing smoothing) {
        Column key = GroupSmoothing.key(smoothing.by(), Arrays.asList(windows.columns()));
        Dataset<Row> groups = windows.groupBy(col(FeatureTable.TRACK_ID)).agg(first(key, true).as(GROUP));
        Dataset<Row> keyed = perTrack.join(groups, FeatureTable.TRACK_ID);
        Dataset<Row> means = keyed.where(col(GROUP).isNotNull()).groupBy(col(GROUP))
                .agg(Summarizer.mean(col(TrackAggregator.PROBABILITY)).as(GROUP_MEAN));
        UserDefinedFunction mix = udf((UDF2<Vector, Vector, Vector>) (p, m) -> Vectors.dense(
                smoothing.mix(p.toArray(), m == null ? null : m.toArray())), SQLDataTypes.VectorType());
        Dataset<Row> smoothed = keyed.join(means, using(GROUP), "left").withColumn(TrackAggregator.PROBABILITY,
                        mix.apply(col(TrackAggregator.PROBABILITY), col(GROUP_MEAN))).drop(GROUP, GROUP_MEAN);
        if (Arrays.asList(smoothed.columns()).contains(TrackAggregator.PREDICTION)) {
            smoothed = smoothed.withColumn(TrackAggregator.PREDICTION, udf((UDF1<Vector, Double>) p ->
                    (double) p.argmax(), DataTypes.DoubleType).apply(col(TrackAggregator.PROBABILITY)));
        }
        return smoothed;
    }

    private static scala.collection.immutable.Seq<String> using(String column) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(column)).toList();
    }

    private static final String GROUP = "_smoothing_group";
    private static final String GROUP_MEAN = "_smoothing_group_mean";

    /** The normalised genre of the tag values in column {@code i} of {@code r}, or null. */
    private static String tagGenre(TagGenres map, Row r, int i) {
        return r.isNullAt(i) ? null : map.judge(r.getList(i)).genre();
    }

    /**
     * A table lacking some of the model's feature columns is refused before any work: a rich model cannot
     * score a gtzan table (the message says how to extract the right one).
     */
    static void requireColumns(List<String> columns, FeatureSetKind needed) {
        List<String> missing = needed.columns().stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the feature table lacks " + missing.size() + " of the model's "
                    + needed.size() + " feature columns (e.g. " + missing.get(0) + "): the model was trained on the "
                    + needed + " feature set; extract with --feature-set " + needed + " (or classify from audio, "
                    + "which extracts the model's set)");
        }
    }

    /**
     * The card's genres name the probability vector's entries; the model's own IndexToString stage (the
     * last one, see PipelineFactory) must name them alike, or every genre column would be shifted.
     */
    static void checkGenres(PipelineModel model, ModelIdentity identity) {
        Transformer[] stages = model.stages();
        if (stages.length > 0 && stages[stages.length - 1] instanceof IndexToString names) {
            List<String> labels = Arrays.asList(names.getLabels());
            if (!labels.isEmpty() && !labels.equals(identity.genres())) {
                throw new IllegalArgumentException("the model's genres " + labels + " differ from its card's "
                        + identity.genres());
            }
        }
    }
}
