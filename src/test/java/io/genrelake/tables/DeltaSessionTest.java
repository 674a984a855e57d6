package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class DeltaSessionTest {

    @Test
    void localMastersNameTheirCores() {
        assertEquals(1, DeltaSession.localCores("local"));
        assertEquals(3, DeltaSession.localCores("local[3]"));
        assertEquals(2, DeltaSession.localCores("local[2,4]"));
        assertEquals(Runtime.getRuntime().availableProcessors(), DeltaSession.localCores("local[*]"));
        assertEquals(0, DeltaSession.localCores("spark://127.0.0.1:7077"));
        assertEquals(0, DeltaSession.localCores("yarn"));
        assertEquals(0, DeltaSession.localCores("local-cluster[2,1,1024]"));
    }

    @Test
    void aLocalSessionRebuildsSnapshotsInItsCoresAndAClusterKeepsDeltasDefault() {
        SparkConf local = DeltaSession.configure(new SparkConf(false).setMaster("local[2]"));
        assertEquals("2", local.get(DeltaSession.SNAPSHOT_PARTITIONS));
        assertTrue(local.get(DeltaSession.EXTENSIONS).contains(DeltaSession.EXTENSION));
        SparkConf cluster = DeltaSession.configure(new SparkConf(false).setMaster("spark://h:7077"));
        assertFalse(cluster.contains(DeltaSession.SNAPSHOT_PARTITIONS));
        SparkConf chosen = DeltaSession.configure(new SparkConf(false).setMaster("local[2]")
                .set(DeltaSession.SNAPSHOT_PARTITIONS, "16"));
        assertEquals("16", chosen.get(DeltaSession.SNAPSHOT_PARTITIONS), "the user's value is kept");
    }
}
