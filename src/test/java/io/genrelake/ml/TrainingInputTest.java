package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading feature tables (Parquet and CSV), refusing bad ones, and placing tracks in folds and test set. */
class TrainingInputTest {

    private static SparkSession spark;
    private static final SyntheticFeatures SEGMENTS = new SyntheticFeatures(List.of("blues", "jazz", "rock"), 12, 4, 1);

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.start("TrainingInputTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private String parquet(Dataset<Row> table, String name) {
        String path = dir.resolve(name).toString();
        table.write().parquet(path);
        return path;
    }

    @Test
    void parquetTableKeepsOkRowsAndGroupsWindowsByTrack() {
        List<Row> rows = new ArrayList<>(SEGMENTS.extractTable(spark).collectAsList());
        // An error row, as the extract job writes for an unusable file: no features, status error.
        Object[] error = new Object[rows.get(0).size()];
        error[0] = "broken.00000";
        error[1] = "file:///music/broken.wav";
        error[2] = 0;
        error[3 + FeatureSet.SIZE] = "blues";
        error[4 + FeatureSet.SIZE] = "error";
        rows.add(org.apache.spark.sql.RowFactory.create(error));
        String path = parquet(spark.createDataFrame(rows, SyntheticFeatures.extractSchema()), "table");

        TrainingTable table = new FeatureTableReader(spark).read(path);
        assertEquals(3 * 12 * 4, table.rows().count());
        assertEquals(1, table.skippedRows());
        assertTrue(table.segmented());
        assertEquals(List.of("test-extractor-1"), table.extractorVersions());
        assertEquals(64, table.sha256().length());
        assertNull(table.windowSeconds(), "a table without start_s and end_s says nothing of its windows");
    }

    @Test
    void theWindowLengthIsReadFromTheWindowsStartsAndEnds() {
        // windows of 2.5 s; every track's last one is shorter (1.2 s), as extract keeps a long enough final window
        Dataset<Row> rows = SEGMENTS.extractTable(spark)
                .withColumn("start_s", col("window").multiply(2.5))
                .withColumn("end_s", when(col("window").equalTo(3), col("window").multiply(2.5).plus(1.2))
                        .otherwise(col("window").plus(1).multiply(2.5)));
        assertEquals(2.5, new FeatureTableReader(spark).read(parquet(rows, "windows")).windowSeconds(), 1e-12);

        // one window per track: the window was at least as long as the tracks, its length unknown
        Dataset<Row> whole = rows.filter(col("window").equalTo(0)).withColumn("end_s", lit(28.7));
        assertNull(new FeatureTableReader(spark).read(parquet(whole, "whole")).windowSeconds());
    }

    @Test
    void kaggleCsvOfSegmentsIsGroupedByTrack() throws Exception {
        Path csv = SEGMENTS.writeCsv(dir.resolve("features_3_sec.csv"));
        TrainingTable table = new FeatureTableReader(spark).read(csv.toString());
        assertTrue(table.segmented());
        assertEquals(3.0, table.windowSeconds(), "Kaggle's segments of 66149 samples, to the hundredth of a second");
        assertEquals(36, table.rows().select(TrainingTable.TRACK_ID).distinct().count());
        assertEquals(List.of(0, 1, 2, 3), table.rows().filter(col("track_id").equalTo("jazz.00003"))
                .orderBy(TrainingTable.WINDOW).select(TrainingTable.WINDOW).collectAsList().stream()
                .map(r -> r.getInt(0)).toList());
    }

    @Test
    void noTrackIsInTwoFoldsNorOnBothSidesOfTheTestSplit() throws Exception {
        TrainingTable table = new FeatureTableReader(spark).read(SEGMENTS.writeCsv(dir.resolve("f.csv")).toString());
        SplitPlan split = SplitPlan.of(spark, table.rows(), Protocol.TRACKS, 3, 0.25, 9);
        assertEquals(0, split.train().groupBy(TrainingTable.TRACK_ID).agg(countDistinct(SplitPlan.FOLD).as("n"))
                .filter(col("n").gt(1)).count(), "a track in two folds");
        assertEquals(0, split.train().select(TrainingTable.TRACK_ID).intersect(split.test().select(TrainingTable.TRACK_ID))
                .count(), "a track in training and test");
        assertEquals(27, split.trainUnits());
        assertEquals(9, split.testUnits());
        assertEquals(3, split.test().select(TrainingTable.LABEL).distinct().count(), "every genre tested");
        assertEquals(3 * 12 * 4, split.train().count() + split.test().count(), "no row lost");
    }

    @Test
    void leakyProtocolReallySplitsTracks() throws Exception {
        TrainingTable table = new FeatureTableReader(spark).read(SEGMENTS.writeCsv(dir.resolve("f.csv")).toString());
        SplitPlan split = SplitPlan.of(spark, table.rows(), Protocol.LEAKY_SEGMENTS, 3, 0.25, 9);
        assertTrue(split.train().groupBy(TrainingTable.TRACK_ID).agg(countDistinct(SplitPlan.FOLD).as("n"))
                .filter(col("n").gt(1)).count() > 0, "segments of one track spread over folds");
        assertTrue(Protocol.LEAKY_SEGMENTS.label().startsWith("LEAKY"));
    }

    @Test
    void missingColumnsAreNamed() throws Exception {
        String path = parquet(SEGMENTS.extractTable(spark).drop("tempo", "mfcc3_var"), "missing");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> new FeatureTableReader(spark).read(path));
        assertTrue(e.getMessage().contains("lacks columns tempo, mfcc3_var"), e.getMessage());

        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "filename,length,label\nblues.00000.wav,1,blues\n");
        TrainingDataException csvError = assertThrows(TrainingDataException.class,
                () -> new FeatureTableReader(spark).read(csv.toString()));
        assertTrue(csvError.getMessage().contains("chroma_stft_mean"), csvError.getMessage());
    }

    @Test
    void nanFeaturesAreRefusedWithTheirTrackAndColumn() {
        List<Row> rows = new ArrayList<>(SEGMENTS.extractTable(spark).collectAsList());
        Object[] fields = new Object[rows.get(5).size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = rows.get(5).get(i);
        }
        fields[3 + FeatureSet.indexOf("rolloff_mean")] = Double.NaN;
        rows.set(5, org.apache.spark.sql.RowFactory.create(fields));
        String path = parquet(spark.createDataFrame(rows, SyntheticFeatures.extractSchema()), "nan");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> new FeatureTableReader(spark).read(path));
        assertTrue(e.getMessage().contains("1 row has a missing or non-finite feature value"), e.getMessage());
        assertTrue(e.getMessage().contains("track " + fields[0]) && e.getMessage().contains("rolloff_mean=NaN"),
                e.getMessage());
    }

    @Test
    void aSingleGenreIsRefused() throws Exception {
        Path csv = new SyntheticFeatures(List.of("blues"), 5, 1, 2).writeCsv(dir.resolve("one.csv"));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new FeatureTableReader(spark).read(csv.toString()));
        assertTrue(e.getMessage().contains("at least two genres") && e.getMessage().contains("[blues]"), e.getMessage());
        // Evaluation may use one genre.
        assertFalse(new FeatureTableReader(spark).read(csv.toString(), 1).segmented());
    }

    @Test
    void aTrackWithTwoGenresIsRefused() {
        List<Row> rows = new ArrayList<>(SEGMENTS.extractTable(spark).collectAsList());
        Object[] fields = new Object[rows.get(0).size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = rows.get(1).get(i);
        }
        fields[3 + FeatureSet.SIZE] = "jazz"; // window 1 of blues.00000 labelled jazz
        rows.set(1, org.apache.spark.sql.RowFactory.create(fields));
        String path = parquet(spark.createDataFrame(rows, SyntheticFeatures.extractSchema()), "mixed");
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> new FeatureTableReader(spark).read(path));
        assertTrue(e.getMessage().contains("more than one genre") && e.getMessage().contains("blues.00000"),
                e.getMessage());
    }
}
