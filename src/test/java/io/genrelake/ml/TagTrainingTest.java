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

    @Test
    void tracksAreLabelledByTheirNormalisedTagsAndGroupedByTheTaggedArtist() {
        TrainOptions options = new TrainOptions(List.of(table), dir.resolve("model").toString(),
                ModelKind.listOf("lr"), 3, new PipelineSettings(0, true, 7, 2), Protocol.TRACKS, 0.25,
                Aggregation.MEAN, 2, true, null, null, null, CalibrationSelection.DEFAULT_TARGET_PRECISION,
                LabelOrigin.TAGS, NeuralSettings.DEFAULTS, true);
        List<String> lines = new ArrayList<>();
        TrainingOutcome outcome = new Trainer(spark, lines::add).train(options);
        assertEquals(List.of("blues", "jazz", "metal"), outcome.genres());
        assertEquals(33, outcome.table().rows().select("track_id").distinct().count()); // 36 less 3 left out
        assertEquals(Grouping.ARTIST, outcome.evaluation().grouping());
        String report = String.join("\n", lines);
        assertTrue(report.contains("→ 33 tracks labelled, by genre and reason left out: {blues=11, jazz=11, metal=11, "
                + "(conflicting)=1, (none)=1, (unmapped)=1}"), report);
        assertTrue(report.contains("values the map does not know (most frequent first; add them with --genre-map): "
                + "{Vaporwave=1}"), report);
        assertTrue(report.contains("grouped by artist"), report);
    }

    @Test
    void theTallyCountsTracksBeforeAndAfterTheMap() {
        GenreTally tally = TagLabels.tally(spark.read().parquet(table), TagGenres.defaults());
        assertEquals(35, tally.withGenre()); // all but the track without a genre tag
        assertEquals(Map.of("Blues", 11L, "(8)", 11L, "Heavy Metal", 11L, "metal", 11L, "Blues;Electronic", 1L,
                "Vaporwave", 1L), tally.raw());
        assertEquals(33, tally.labelled());
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
