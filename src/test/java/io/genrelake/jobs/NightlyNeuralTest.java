package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.genres.GenreTable;
import io.genrelake.neural.NeuralInput;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nightly runs switching between a feature model and a neural one (a CNN), as one scenario of five nights over
 * one catalogue: a feature model classifies everything and stores no inputs; the switch to the CNN extracts
 * every file again, with inputs, and classifies every track with it; an unchanged night does nothing; a new file
 * alone is extracted, with inputs; back to the feature model, every track is reclassified from the store.
 */
class NightlyNeuralTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String lr;
    static String cnn;
    static Path library;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        library = dir.resolve("library");
        for (int i = 0; i < 3; i++) {
            ClassifyFixtures.writeTone(library.resolve("blues/low" + i + ".wav"), 150 + 20 * i, i);
            ClassifyFixtures.writeTone(library.resolve("metal/high" + i + ".wav"), 2000 + 200 * i, 10 + i);
        }
        lr = ClassifyFixtures.trainModel(spark, dir);
        cnn = ClassifyFixtures.trainCnn(spark, dir, library);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static NightlySummary night(String runDate, String model) throws Exception {
        return NightlyJob.run(spark, new NightlyOptions().inputs(List.of(library.toString())).model(model)
                .output(dir.resolve("out").toString()).state(dir.resolve("state").toString()).runDate(runDate)
                .windowSeconds(1).minLastWindowSeconds(0.5));
    }

    private static Dataset<Row> delta(String table) {
        return spark.read().format("delta").load(dir.resolve(table).toString());
    }

    /** The genre rows of {@code date}, checked to name each track once and to come from {@code modelId}. */
    private static List<Row> genres(String date, String modelId) {
        List<Row> rows = delta("out/genres").where("run_date = DATE'" + date + "'").collectAsList();
        Set<String> tracks = new HashSet<>();
        for (Row r : rows) {
            assertTrue(tracks.add(r.getAs(GenreTable.TRACK_ID)), "twice on " + date + ": " + r);
            assertEquals(modelId, r.getAs(GenreTable.MODEL_ID));
            assertTrue(Set.of(GenreTable.STATUS_OK, GenreTable.STATUS_UNCERTAIN).contains(r.getAs(GenreTable.STATUS)),
                    r.toString());
        }
        return rows;
    }

    /** Windows the feature store holds for {@code date}, and how many of them carry both neural inputs. */
    private static long[] storedWindows(String date) {
        Dataset<Row> rows = delta("state/features").where("run_date = DATE'" + date + "'");
        return new long[] {rows.count(), rows.where(NeuralInput.LOGMEL.column() + " IS NOT NULL AND "
                + NeuralInput.MFCC.column() + " IS NOT NULL").count()};
    }

    /** Current's model ids by track, each track once. */
    private static List<String> currentModels() {
        List<Row> rows = delta("out/current").select(GenreTable.TRACK_ID, GenreTable.MODEL_ID).collectAsList();
        assertEquals(rows.size(), rows.stream().map(r -> r.getString(0)).distinct().count(), "a track twice");
        return rows.stream().map(r -> r.getString(1)).toList();
    }

    @Test
    void nightsSwitchingBetweenAFeatureModelAndACnn() throws Exception {
        NightlySummary first = night("2026-03-01", lr);
        assertEquals(6, first.filesDecoded());
        assertEquals(6, genres("2026-03-01", first.modelId()).size());
        assertEquals(0, storedWindows("2026-03-01")[1], "a feature model's night stores no inputs");

        NightlySummary toCnn = night("2026-03-02", cnn);
        assertNotEquals(first.modelId(), toCnn.modelId());
        assertTrue(toCnn.modelChanged());
        assertEquals(6, toCnn.filesDecoded(), "the stored rows have no inputs: every file is extracted again");
        assertEquals(0, toCnn.reclassifiedFromStore());
        assertEquals(6, genres("2026-03-02", toCnn.modelId()).size());
        assertEquals(List.of(12L, 12L), List.of(storedWindows("2026-03-02")[0], storedWindows("2026-03-02")[1]));
        assertEquals(List.of(toCnn.modelId()), currentModels().stream().distinct().toList());
        assertEquals(6, currentModels().size());

        NightlySummary unchanged = night("2026-03-03", cnn);
        assertFalse(unchanged.modelChanged());
        assertEquals(0, unchanged.filesDecoded());
        assertEquals(0, unchanged.reclassifiedFromStore());
        assertTrue(genres("2026-03-03", toCnn.modelId()).isEmpty());
        assertEquals(0, storedWindows("2026-03-03")[0]);

        ClassifyFixtures.writeTone(library.resolve("metal/high3.wav"), 2600, 13);
        NightlySummary oneNew = night("2026-03-04", cnn);
        assertEquals(1, oneNew.filesNew());
        assertEquals(1, oneNew.filesDecoded());
        List<Row> rows = genres("2026-03-04", toCnn.modelId());
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).<String>getAs(GenreTable.PATH).endsWith("high3.wav"));
        assertEquals(List.of(2L, 2L), List.of(storedWindows("2026-03-04")[0], storedWindows("2026-03-04")[1]));
        assertEquals(7, currentModels().size());
        assertEquals(List.of(toCnn.modelId()), currentModels().stream().distinct().toList());

        // Back to the feature model: the inputs are not needed; every track is reclassified from the store.
        NightlySummary back = night("2026-03-05", lr);
        assertTrue(back.modelChanged());
        assertEquals(0, back.filesDecoded());
        assertEquals(7, back.reclassifiedFromStore());
        assertEquals(7, genres("2026-03-05", first.modelId()).size());
        assertEquals(List.of(first.modelId()), currentModels().stream().distinct().toList());
        assertEquals(7, delta("state/features").where(FeatureTable.STATUS + " = 'ok' AND run_date >= DATE'2026-03-02' "
                + "AND " + NeuralInput.LOGMEL.column() + " IS NOT NULL").select(FeatureTable.TRACK_ID).distinct().count(),
                "the CNN nights' inputs stay stored");
    }
}
