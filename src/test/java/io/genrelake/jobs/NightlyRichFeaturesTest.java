package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.genres.GenreTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nightly with a model of the rich feature set: the run extracts the set its model needs; after a gtzan run the stored
 * rows lack the rich columns, so every file is extracted again, once; later nights extract only what is new; and rich
 * rows serve a gtzan model again without extracting anything.
 */
class NightlyRichFeaturesTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String gtzan;
    static String rich;
    static Path library;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        gtzan = ClassifyFixtures.trainOnTones(spark, dir);
        rich = ClassifyFixtures.trainOnTones(spark, dir, FeatureSetKind.RICH);
        library = dir.resolve("library");
        ClassifyFixtures.writeTone(library.resolve("a/one.wav"), 150, 1);
        ClassifyFixtures.writeTone(library.resolve("a/two.wav"), 2500, 2);
        ClassifyFixtures.writeTone(library.resolve("b/three.wav"), 180, 3);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static NightlySummary night(String runDate, String model) throws Exception {
        return NightlyJob.run(spark, new NightlyOptions().inputs(List.of(library.toString())).model(model)
                .output(dir.resolve("out").toString()).state(dir.resolve("state").toString()).runDate(runDate));
    }

    /** The store's rows extracted on {@code runDate}. */
    private static Dataset<Row> stored(String runDate) {
        return spark.read().format("delta").load(dir.resolve("state/features").toString())
                .where(GenreTable.RUN_DATE + " = DATE'" + runDate + "'");
    }

    /** {@code rows} are the windows of {@code files} files, every one of them meeting {@code condition}. */
    private static void assertWindows(long files, Dataset<Row> rows, String condition) {
        assertEquals(files, rows.select(FeatureTable.TRACK_ID).distinct().count());
        assertEquals(rows.count(), rows.where(condition).count(), condition);
    }

    /** Current's genre by file name. */
    private static Map<String, String> current() {
        Map<String, String> genres = new TreeMap<>();
        for (Row r : spark.read().format("delta").load(dir.resolve("out/current").toString()).collectAsList()) {
            String path = r.getAs(GenreTable.PATH);
            genres.put(path.substring(path.lastIndexOf('/') + 1), r.getAs(GenreTable.GENRE));
        }
        return genres;
    }

    @Test
    void aRichModelsNightsExtractItsSetOnceAndRichRowsServeAGtzanModel() throws Exception {
        String richOnly = FeatureSetKind.RICH.columns().get(FeatureSetKind.GTZAN.size()); // not among the 57
        assertFalse(FeatureSetKind.GTZAN.columns().contains(richOnly));

        NightlySummary first = night("2026-04-01", gtzan);
        assertEquals(3, first.filesDecoded());
        assertFalse(List.of(stored("2026-04-01").columns()).contains(richOnly), "a gtzan store has no rich column");

        NightlySummary second = night("2026-04-02", rich); // the stored rows lack the model's columns
        assertTrue(second.modelChanged());
        assertEquals(3, second.filesDecoded(), "every file extracted again, with the rich set");
        assertEquals(0, second.reclassifiedFromStore());
        assertWindows(3, stored("2026-04-02"), richOnly + " IS NOT NULL AND " + FeatureTable.FEATURE_SET + " = 'rich'");
        assertWindows(3, stored("2026-04-01"), richOnly + " IS NULL"); // the columns added, null in gtzan rows
        Map<String, String> expected = Map.of("one.wav", "low", "two.wav", "high", "three.wav", "low");
        assertEquals(expected, current());

        ClassifyFixtures.writeTone(library.resolve("b/four.wav"), 2200, 4);
        NightlySummary third = night("2026-04-03", rich);
        assertFalse(third.modelChanged());
        assertEquals(1, third.filesDecoded(), "only the new file");
        assertWindows(1, stored("2026-04-03"), richOnly + " IS NOT NULL");

        NightlySummary fourth = night("2026-04-04", gtzan); // rich rows hold the 57 columns too
        assertTrue(fourth.modelChanged());
        assertEquals(0, fourth.filesDecoded());
        assertEquals(4, fourth.reclassifiedFromStore());
        assertEquals(Map.of("one.wav", "low", "two.wav", "high", "three.wav", "low", "four.wav", "high"), current());
    }
}
