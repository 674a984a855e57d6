package io.genrelake.genres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.jobs.LocalSpark;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The nightly run's change detection: a listing against the previous snapshot, on a tiny local session. */
class CatalogueChangesTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static CatalogueFile file(String name, long size, long modified) {
        return new CatalogueFile("file:/m/" + name, name, size, modified, null);
    }

    static Row snapshotRow(CatalogueFile f, String status, String featuresRunDate) {
        return RowFactory.create(f.trackId(), f.path(), f.size(), f.modified(), status, featuresRunDate);
    }

    static List<String> strings(Dataset<Row> rows, String column) {
        return rows.orderBy(column).select(column).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    @Test
    void eachPathIsNewChangedUnchangedOrDeletedAndEachKindGoesItsWay() {
        CatalogueFile same = file("same.wav", 10, 100);
        CatalogueFile touchedBefore = file("touched.wav", 10, 100);
        CatalogueFile touched = file("touched.wav", 10, 101);
        CatalogueFile resized = file("resized.wav", 12, 100);
        CatalogueFile gone = file("gone.wav", 10, 100);
        CatalogueFile added = file("added.wav", 10, 100);
        Dataset<Row> previous = spark.createDataFrame(List.of(snapshotRow(same, "ok", "2026-01-01"),
                snapshotRow(touchedBefore, "ok", "2026-01-01"), snapshotRow(file("resized.wav", 11, 100), "error",
                        "2026-01-01"), snapshotRow(gone, "ok", "2026-01-02")), CatalogueState.SCHEMA);
        List<CatalogueFile> listing = List.of(touched, added, same, resized);

        try (CatalogueChanges changes = new CatalogueChanges(spark, listing, previous)) {
            assertEquals(Map.of(Change.NEW, 1L, Change.CHANGED, 2L, Change.UNCHANGED, 1L, Change.DELETED, 1L),
                    changes.counts());
            assertEquals(List.of(touched, added, resized), changes.files(Change.NEW, Change.CHANGED), "listing order");
            assertEquals(List.of(same), changes.files(Change.UNCHANGED));
            assertEquals(List.of(snapshotRow(same, "ok", "2026-01-01")), changes.unchanged().collectAsList(),
                    "carried forward as the snapshot had it, features of their run");

            ModelIdentity model = new ModelIdentity("lr@1", List.of("rock", "jazz"), "mean");
            List<Row> deleted = changes.deletedRows(new GenreRows(model, 0, "2026-01-03")).collectAsList();
            assertEquals(1, deleted.size());
            assertEquals(gone.trackId(), deleted.get(0).getAs(GenreTable.TRACK_ID));
            assertEquals(GenreTable.STATUS_DELETED, deleted.get(0).getAs(GenreTable.STATUS));
        }
    }

    /**
     * With Spark's default of 200 shuffle partitions (what a job on a local master gets), each use of the cached diff
     * must not run 200 tasks: adaptive execution sizes the cached join to its few rows. The session's setting for
     * cached plans is left as it was.
     */
    @Test
    void theCachedDiffIsSizedToItsRowsNotToTheShufflePartitions() throws Exception {
        List<CatalogueFile> listing = new java.util.ArrayList<>();
        List<Row> snapshot = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            CatalogueFile f = file("t" + i + ".wav", 10 + i, 100);
            listing.add(f);
            snapshot.add(snapshotRow(i % 3 == 0 ? file("t" + i + ".wav", 99, 100) : f, "ok", "2026-01-01"));
        }
        Dataset<Row> previous = spark.createDataFrame(snapshot, CatalogueState.SCHEMA);
        String partitions = spark.conf().get("spark.sql.shuffle.partitions");
        String cachedPlans = spark.conf().get(CatalogueChanges.CACHED_PLAN_PARTITIONING);
        spark.conf().set("spark.sql.shuffle.partitions", "200");
        int[] tasks = {0};
        var listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                tasks[0]++;
            }
        };
        try (CatalogueChanges changes = new CatalogueChanges(spark, listing, previous)) {
            assertEquals(4L, changes.count(Change.CHANGED));
            spark.sparkContext().addSparkListener(listener);
            assertEquals(8, changes.unchanged().collectAsList().size());
            spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
            assertTrue(tasks[0] <= 2, tasks[0] + " tasks for one use of a 12-row diff");
            assertEquals(cachedPlans, spark.conf().get(CatalogueChanges.CACHED_PLAN_PARTITIONING),
                    "the session's own setting");
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            spark.conf().set("spark.sql.shuffle.partitions", partitions);
        }
    }

    @Test
    void theDecodedFilesSnapshotRowsTakeTheirStatusFromTheExtraction() {
        CatalogueFile a = file("a.wav", 10, 100);
        CatalogueFile b = file("b.wav", 20, 200);
        Dataset<Row> features = spark.createDataFrame(List.of(RowFactory.create(a.trackId(), "ok"),
                RowFactory.create(a.trackId(), "ok"), RowFactory.create(b.trackId(), "error")),
                DataTypes.createStructType(List.of(
                        DataTypes.createStructField(FeatureTable.TRACK_ID, DataTypes.StringType, false),
                        DataTypes.createStructField(FeatureTable.STATUS, DataTypes.StringType, false))));
        Dataset<Row> rows = CatalogueChanges.decoded(spark, List.of(a, b), features, "2026-01-03");
        assertEquals(List.of(snapshotRow(a, "ok", "2026-01-03"), snapshotRow(b, "error", "2026-01-03")),
                rows.orderBy(CatalogueState.PATH).collectAsList(), "one row per file, windows folded");
        assertEquals(CatalogueState.SCHEMA.fieldNames().length, rows.columns().length);
    }
}
