package io.genrelake.ml;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.neural.NeuralSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --labels-from tags}: labels from messy genre tags (ID3 numbers, variants), tracks with no, unmapped or
 * conflicting genres left out and counted, folds grouped by the tagged artist, the map saved for classify.
 */
class TagTrainingTest {

    private static SparkSession spark;
    /** 3 genres × 12 tracks × 2 windows. */
    private static final SyntheticFeatures DATA = new SyntheticFeatures(List.of("blues", "jazz", "metal"), 12, 2, 5);

    @TempDir
    static Path dir;

    private static String table;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("TagTrainingTest");
        Column number = substring_index(col("track_id"), ".", -1).cast("int");
        Column tags = when(col("label").equalTo("blues"), array(lit("Blues")))
                .when(col("label").equalTo("jazz"), array(lit("(8)"))) // ID3v1's Jazz
                .otherwise(array(lit("Heavy Metal"), lit("metal")));
        tags = when(col("track_id").equalTo("blues.00000"), array(lit("Blues;Electronic"))) // conflicting
                .when(col("track_id").equalTo("jazz.00000"), array(lit("Vaporwave"))) // unmapped
                .when(col("track_id").equalTo("metal.00000"), lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)))
                .otherwise(tags);
        Dataset<Row> rows = DATA.extractTable(spark)
                .withColumn("tag_genres", tags)
                .withColumn("tag_artist", concat(col("label"), lit(" artist "), pmod(number, lit(4)).cast("string")))
                .withColumn("tag_album", lit("An Album"))
                .withColumn("label", lit(null).cast("string")); // no labels CSV: the tags are all there is
        table = dir.resolve("tagged").toString();
        rows.write().parquet(table);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static TrainingOutcome outcome;
    private static final List<String> lines = new ArrayList<>();

    /** One training on the tags, shared by the tests (each of them ~30 s). */
    private static synchronized TrainingOutcome trained() {
        if (outcome == null) {
            TrainOptions options = new TrainOptions(List.of(table), dir.resolve("model").toString(),
                    ModelKind.listOf("lr"), 3, new PipelineSettings(0, true, 7, 2), Protocol.TRACKS, 0.25,
                    Aggregation.MEAN, 2, true, null, null, null, CalibrationSelection.DEFAULT_TARGET_PRECISION,
                    LabelOrigin.TAGS, NeuralSettings.DEFAULTS, false); // no track-grouped comparison
            outcome = new Trainer(spark, lines::add).train(options);
        }
        return outcome;
    }

    @Test
    void tracksAreLabelledByTheirNormalisedTagsAndGroupedByTheTaggedArtist() {
        TrainingOutcome outcome = trained();
        assertEquals(List.of("blues", "jazz", "metal"), outcome.genres());
        assertEquals(33, outcome.table().rows().select("track_id").distinct().count()); // 36 less 3 left out
        assertEquals(Grouping.ARTIST, outcome.evaluation().grouping());
        String report = String.join("\n", lines);
        assertTrue(report.contains("→ 33 tracks labelled {blues=11, jazz=11, metal=11}; 3 left out "
                + "{(conflicting)=1, (none)=1, (unmapped)=1}"), report);
        assertTrue(report.contains("values the map does not know (most frequent first; add them with --genre-map): "
                + "{Vaporwave=1}"), report);
        assertTrue(report.contains("grouped by artist"), report);
        assertTrue(ConsoleTable.table(outcome).lines().findFirst().orElseThrow()
                .endsWith("; CV by track: not run (--track-comparison off)"), ConsoleTable.table(outcome));
    }

    @Test
    void theTallyCountsTracksBeforeAndAfterTheMap() {
        GenreTally tally = TagLabels.tally(spark.read().parquet(table), TagGenres.defaults());
        assertEquals(35, tally.withGenre()); // all but the track without a genre tag
        assertEquals(Map.of("Blues", 11L, "(8)", 11L, "Heavy Metal", 11L, "metal", 11L, "Blues;Electronic", 1L,
                "Vaporwave", 1L), tally.raw());
        assertEquals(33, tally.labelled());
        assertEquals(Map.of("blues", 11L, "jazz", 11L, "metal", 11L), tally.byGenre());
        assertEquals(Map.of("(conflicting)", 1L, "(none)", 1L, "(unmapped)", 1L), tally.leftOut());
        GenreTally clean = new GenreTally(TagGenres.defaults());
        clean.add(List.of("Alt. Rock"), 3);
        assertEquals("3 tracks labelled {rock=3}; none left out", clean.describe());
    }

    /**
     * evaluate reads a tag-trained model's true genres from the tags, as it was trained (its card says so), through
     * its map, overridden by --genre-map; the counts are of the table's current version, not of every file a Delta
     * table has held.
     */
    @Test
    void aModelTrainedOnTagsIsEvaluatedOnTagsAsItWasTrained() {
        String model = dir.resolve("model").toString();
        ModelStore.save(spark, trained(), model);
        assertEquals("tags", ModelCard.parse(ModelStore.readCard(spark, model)).path(ModelCard.LABELS_FROM).asText());
        String delta = dir.resolve("tagged-delta").toString();
        for (int i = 0; i < 2; i++) { // two versions: the first one's files stay in the folder
            spark.read().parquet(table).write().format("delta").mode("overwrite").save(delta);
        }

        EvaluationResult tags = new ModelEvaluation(spark).evaluate(model, delta, null);
        assertEquals(LabelOrigin.TAGS, tags.labelsFrom());
        assertEquals(33, tags.confusion().total());
        assertTrue(tags.labels().endsWith("33 tracks labelled {blues=11, jazz=11, metal=11}; 3 left out "
                + "{(conflicting)=1, (none)=1, (unmapped)=1}"), tags.labels());
        assertTrue(tags.toText().contains(tags.labels()), tags.toText());

        Path map = dir.resolve("no-blues.csv");
        write(map, "source_genre,genre\nBlues,\nElectronic,\n"); // the conflicting Blues;Electronic too
        EvaluationResult noBlues = new ModelEvaluation(spark).evaluate(model, delta, null, null, map.toString());
        assertEquals(22, noBlues.confusion().total());
        assertTrue(noBlues.labels().contains("22 tracks labelled {jazz=11, metal=11}; 14 left out "
                + "{(none)=13, (unmapped)=1}"), noBlues.labels());

        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new ModelEvaluation(spark).evaluate(model, delta, null, LabelOrigin.LABELS, null));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
    }

    /** A card written before labels_from: tags when the folder holds the tag map train saves only then. */
    @Test
    void anOlderCardsLabelOriginIsReadFromTheModelFolder() {
        com.fasterxml.jackson.databind.JsonNode old = ModelCard.parse("{\"genres\": [\"a\", \"b\"]}");
        Path folder = dir.resolve("older-model");
        write(folder.resolve("model-card.json"), "{}");
        var conf = spark.sparkContext().hadoopConfiguration();
        assertEquals(LabelOrigin.LABELS, ModelCard.labelOrigin(old, folder.toString(), conf));
        write(folder.resolve(TagGenres.MODEL_FILE), "source_genre,genre\nblues,blues\n");
        assertEquals(LabelOrigin.TAGS, ModelCard.labelOrigin(old, folder.toString(), conf));
        assertEquals(LabelOrigin.LABELS, ModelCard.labelOrigin(ModelCard.parse("{\"labels_from\": \"labels\"}"),
                folder.toString(), conf));
    }

    private static void write(Path file, String text) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aTableWithoutTagsIsRefusedWithTheWayOut() {
        String plain = dir.resolve("plain").toString();
        DATA.extractTable(spark).write().parquet(plain);
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new FeatureTableReader(spark, TagGenres.defaults()).read(plain));
        assertTrue(e.getMessage().contains("no tag columns"), e.getMessage());
    }
}
