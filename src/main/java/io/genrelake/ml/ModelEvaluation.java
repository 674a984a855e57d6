package io.genrelake.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.catalogue.WindowChoice;
import io.genrelake.features.FeatureSetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code genrelake evaluate}: a saved model's per-track metrics on another labelled feature table, with
 * the same aggregation of windows as in training (from the model card) unless told otherwise, and the card's
 * smoothing by artist or album ({@link GroupSmoothing}) within the table, as classify would; and the saved
 * calibration and {@code uncertain} threshold checked on the table ({@link CalibrationCheck}).
 */
public final class ModelEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(ModelEvaluation.class);

    private final SparkSession spark;

    public ModelEvaluation(SparkSession spark) {
        this.spark = spark;
    }

    /** @param aggregation how windows make a track's prediction; null for the model card's */
    public EvaluationResult evaluate(String modelUri, String featuresUri, Aggregation aggregation) {
        return evaluate(modelUri, featuresUri, aggregation, null, null);
    }

    /**
     * @param aggregation how windows make a track's prediction; null for the model card's
     * @param labelsFrom  the table's label column or its files' genre tags; null for what the model was trained on
     * @param genreMapUri a {@code source_genre,genre} CSV: renames the label column's genres, or overrides entries of
     *                    the model's tag map; null for none
     */
    public EvaluationResult evaluate(String modelUri, String featuresUri, Aggregation aggregation,
            LabelOrigin labelsFrom, String genreMapUri) {
        JsonNode card = ModelCard.parse(ModelStore.readCard(spark, modelUri));
        List<String> genres = new ArrayList<>();
        card.path("genres").forEach(g -> genres.add(g.asText()));
        if (genres.isEmpty()) {
            throw new TrainingDataException(modelUri + "/" + ModelCard.FILE_NAME + " lists no genres");
        }
        Aggregation how = aggregation != null ? aggregation : Aggregation.of(card.path("aggregation").asText("mean"));
        PipelineModel model = ModelStore.loadModel(modelUri);
        LabelOrigin origin = labelsFrom != null ? labelsFrom : ModelCard.labelOrigin(card, modelUri, hadoopConf());
        GenreMap renames = genreMapUri == null ? GenreMap.identity() : GenreMap.read(genreMapUri, hadoopConf());
        TrainingTable table;
        String labels;
        if (origin == LabelOrigin.TAGS) { // as classify reads a tag genre: through the model's own map
            TagGenres tags = TagGenres.forModel(modelUri, hadoopConf()).overriddenBy(renames, genreMapUri);
            table = new FeatureTableReader(spark, tags).read(featuresUri, 1); // refuses a table without tags
            GenreTally tally = TagLabels.tally(spark, featuresUri, tags);
            labels = "labels from the files' genre tags (map " + tags.source() + "): " + tally.describe();
        } else {
            labels = "labels from the table's label column" + (genreMapUri == null ? "" : ", renamed by " + genreMapUri);
            table = new FeatureTableReader(spark).read(featuresUri, 1, renames);
        }
        FeatureSetKind needed = FeatureSetKind.of(card.path("feature_set").asText(FeatureSetKind.DEFAULT.label()));
        if (!table.featureSet().columns().containsAll(needed.columns())) {
            throw new TrainingDataException(featuresUri + ": the model was trained on the " + needed + " feature set "
                    + "and this table has only the " + table.featureSet() + " columns; extract with --feature-set "
                    + needed);
        }
        String otherWindows = WindowChoice.tableMismatch(featuresUri, table.windowSeconds(),
                ModelCard.windowSeconds(card));
        if (otherWindows != null) {
            LOG.warn("evaluate: {}", otherWindows);
        }
        Set<String> unknown = new TreeSet<>();
        for (Row r : table.rows().select(TrainingTable.LABEL).distinct().collectAsList()) {
            if (!genres.contains(r.getString(0))) {
                unknown.add(r.getString(0));
            }
        }
        if (!unknown.isEmpty()) {
            throw new TrainingDataException(featuresUri + ": genres the model does not know: " + unknown
                    + "; it knows " + genres + " (" + labels + "). Map them onto the model's genres, or to nothing "
                    + "to leave them out, with --genre-map");
        }
        TrackAggregator aggregator = new TrackAggregator(TrainingTable.TRACK_ID, PipelineFactory.LABEL_INDEX, how,
                !table.segmented());
        GroupSmoothing smoothing = GroupSmoothing.ofCard(card, modelUri);
        // Per track on the driver (one probability vector each): the calibration check needs them all.
        TrackPredictions tracks = aggregator.collect(model.transform(table.rows()), TrackPredictions.HELD_OUT);
        if (smoothing != null) { // as classify scores: each track mixed with its artist's tracks in this table
            String[] groups = GroupSmoothing.groupsOf(tracks,
                    GroupSmoothing.groupsByUnit(table.rows(), TrainingTable.TRACK_ID, smoothing.by()));
            tracks = smoothing.apply(tracks, groups);
        }
        ProbabilityCalibrationModel calibration = ModelStore.loadCalibration(spark, modelUri);
        CalibrationCheck check = calibration == null || tracks.size() == 0 ? null
                : CalibrationCheck.of(tracks, calibration.calibration(), number(card, ModelCard.THRESHOLD),
                        number(card, "expected_precision"), number(card, "coverage"));
        return new EvaluationResult(modelUri, featuresUri, card.path("best_model").asText("?"),
                card.path("leaky").asBoolean(false),
                table.sha256().equals(card.path("training_data_sha256").asText("")), genres,
                tracks.confusion(genres.size()), smoothing, check, origin, labels);
    }

    private org.apache.hadoop.conf.Configuration hadoopConf() {
        return spark.sparkContext().hadoopConfiguration();
    }

    /** A number of the card's calibration block, or null when it has none. */
    private static Double number(JsonNode card, String field) {
        JsonNode v = card.path(ModelCard.CALIBRATION).path(field);
        return v.isNumber() ? v.asDouble() : null;
    }
}
