package io.genrelake.genres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureSetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly run's bookkeeping without Spark: changes, snapshots, run records and the journalled publication. */
class NightlyStateTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsJudgedByItsPathSizeAndModificationTime() {
        assertEquals(Change.NEW, Change.of(false, 0, 0, true, 10, 5));
        assertEquals(Change.DELETED, Change.of(true, 10, 5, false, 0, 0));
        assertEquals(Change.UNCHANGED, Change.of(true, 10, 5, true, 10, 5));
        assertEquals(Change.CHANGED, Change.of(true, 10, 5, true, 11, 5));
        assertEquals(Change.CHANGED, Change.of(true, 10, 5, true, 10, 6));
        assertTrue(Change.NEW.needsExtraction() && Change.CHANGED.needsExtraction());
        assertFalse(Change.UNCHANGED.needsExtraction() || Change.DELETED.needsExtraction());
        assertThrows(IllegalArgumentException.class, () -> Change.of(false, 0, 0, false, 0, 0));
    }

    @Test
    void aRunComparesWithTheNewestSnapshotBeforeItsDate() {
        List<String> dates = List.of("2026-01-01", "2026-01-02", "2026-01-03");
        assertEquals(Optional.of("2026-01-03"), StateStore.previous(dates, "2026-01-04"));
        assertEquals(Optional.of("2026-01-02"), StateStore.previous(dates, "2026-01-03"), "a rerun of the latest date");
        assertEquals(Optional.empty(), StateStore.previous(dates, "2026-01-01"));
        assertEquals(List.of("2026-01-01"), StateStore.expired(dates, 2));
        assertEquals(List.of(), StateStore.expired(dates, 3));
    }

    @Test
    void snapshotsAreListedInDateOrderIgnoringOtherFolders() throws IOException {
        for (String d : List.of("run_date=2026-01-10", "run_date=2026-01-02", "run_date=junk", "notes")) {
            Files.createDirectories(dir.resolve("catalogue").resolve(d));
        }
        StateStore store = new StateStore(new Configuration(), dir.toString());
        assertEquals(List.of("2026-01-02", "2026-01-10"), store.snapshotDates());
        store.writeText(new org.apache.hadoop.fs.Path(store.snapshot("2026-01-10"), CatalogueState.RUN_FILE),
                new RunRecord("2026-01-10", "lr@x", "0.1.0", 30, 10).toJson(Map.of("files_decoded", 3)));
        RunRecord back = store.readRecord("2026-01-10");
        assertEquals("lr@x", back.modelId());
        assertEquals(30, back.windowSeconds());
    }

    @Test
    void storedFeaturesServeAnotherModelButNotAnotherWindowOrExtractor() {
        RunRecord stored = new RunRecord("2026-01-01", "lr@1", "0.1.0", 30, 10);
        assertNull(stored.incompatibility(new RunRecord("2026-01-02", "rf@2", "0.1.0", 30, 10)));
        assertTrue(stored.incompatibility(new RunRecord("2026-01-02", "lr@1", "0.1.0", 3, 10)).contains("windows"));
        assertTrue(stored.incompatibility(new RunRecord("2026-01-02", "lr@1", "0.2.0", 30, 10)).contains("extractor"));
    }

    /** Whether a run's stored features carry neural inputs survives its record; older records say they do not. */
    @Test
    void aRecordSaysWhetherItsRunStoredNeuralInputs() {
        RunRecord neural = new RunRecord("2026-01-02", "cnn@1", "0.1.0", 30, 10, true);
        assertTrue(RunRecord.parse(neural.toJson(Map.of())).neuralInputs());
        assertEquals(neural, RunRecord.parse(neural.toJson(Map.of("files_decoded", 3))));
        String older = new RunRecord("2026-01-01", "lr@1", "0.1.0", 30, 10).toJson(Map.of("files_decoded", 3))
                .replaceAll("(?m)^.*\"neural_inputs\".*\n", "");
        assertFalse(older.contains("neural_inputs"), older);
        assertFalse(RunRecord.parse(older).neuralInputs());
    }

    /** The feature set a run extracted survives its record; older records (gtzan only then) say gtzan. */
    @Test
    void aRecordSaysWhichFeatureSetItsRunStored() {
        RunRecord rich = new RunRecord("2026-01-02", "lr@1", "0.1.0", 30, 10, false, FeatureSetKind.RICH);
        assertEquals(rich, RunRecord.parse(rich.toJson(Map.of("files_decoded", 3))));
        String older = rich.toJson(Map.of("files_decoded", 3)).replaceAll("(?m)^.*\"feature_set\".*\n", "");
        assertFalse(older.contains("feature_set"), older);
        assertEquals(FeatureSetKind.GTZAN, RunRecord.parse(older).featureSet());
        assertNull(rich.incompatibility(new RunRecord("2026-01-03", "lr@2", "0.1.0", 30, 10)),
                "another set is extracted again, not refused");
    }

    @Test
    void aPublicationInterruptedAfterItsJournalIsFinishedByRecover() throws IOException {
        Path stagedA = Files.createDirectories(dir.resolve("staging/a"));
        Files.writeString(stagedA.resolve("part"), "new a");
        Path stagedB = Files.createDirectories(dir.resolve("staging/b"));
        Files.writeString(stagedB.resolve("part"), "new b");
        Files.createDirectories(dir.resolve("out/b"));
        Files.writeString(dir.resolve("out/b/part"), "old b");
        Files.writeString(dir.resolve("out/b/stale"), "old b only");
        Publication publication = new Publication(new Configuration(), dir.resolve("_publish.json").toString());
        List<Publication.Move> moves = List.of(new Publication.Move(stagedA.toString(), dir.resolve("out/a").toString()),
                new Publication.Move(stagedB.toString(), dir.resolve("out/b").toString()));
        List<String> done = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> publication.publish(moves, target -> {
            done.add(target);
            throw new IllegalStateException("killed after the first move");
        }));
        assertEquals("new a", Files.readString(dir.resolve("out/a/part")));
        assertEquals("old b", Files.readString(dir.resolve("out/b/part")), "the second move has not happened");
        assertTrue(Files.exists(dir.resolve("_publish.json")));

        assertTrue(publication.recover());
        assertEquals("new b", Files.readString(dir.resolve("out/b/part")));
        assertFalse(Files.exists(dir.resolve("out/b/stale")), "a target is replaced whole");
        assertEquals("new a", Files.readString(dir.resolve("out/a/part")));
        assertFalse(Files.exists(dir.resolve("_publish.json")));
        assertFalse(publication.recover(), "nothing left to finish");
    }
}
