package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.genres.GenreTable;
import io.genrelake.testing.FaultyFileSystem;
import io.genrelake.testing.FaultyFileSystem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import io.genrelake.tables.DeltaSession;
import io.genrelake.tables.Table;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Extract, classify and nightly on a store that fails now and then ({@link FaultyFileSystem}: reads, writes,
 * listings, renames), through the jobs' public entry points, in local[2, 4] (four attempts per task, as a cluster
 * has). Faults inside tasks are retried by Spark, so the jobs must complete with exactly the rows of a run without
 * faults. Faults on the driver (listing, the table's commit) are not retried: the job must then either complete
 * correctly or fail leaving no partial output (the previous table intact, no staging directory; nightly: a rerun
 * without faults ends where a run without faults does).
 */
class StorageFaultsTest {

    private static final double RATE = 0.3;

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Configuration hadoop;
    static String model;
    static Path library;

    @BeforeAll
    static void start() throws Exception {
        spark = DeltaSession.configure(SparkSession.builder(), "local[2,4]").appName("genrelake-storage-faults")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                // Delta's default log store needs a Hadoop AbstractFileSystem for the scheme; this one commits
                // through the FileSystem API (write a temporary file, rename it), so faults hit the commits too
                .config("spark.delta.logStore.faulty.impl", "io.delta.storage.LocalLogStore")
                .getOrCreate();
        SparkLogLevels.quietSpark();
        hadoop = spark.sparkContext().hadoopConfiguration();
        model = ClassifyFixtures.trainModel(spark, dir);
        library = dir.resolve("library");
        ClassifyFixtures.writeTone(library.resolve("a/one.wav"), 220, 1);
        ClassifyFixtures.writeTone(library.resolve("a/two.wav"), 330, 2);
        ClassifyFixtures.writeTone(library.resolve("b/three.wav"), 440, 3);
        ClassifyFixtures.writeTone(library.resolve("b/four.wav"), 550, 4);
    }

    @BeforeEach
    void noFaults() {
        faults(0, 0, false);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void faults(double rate, long seed, boolean tasksOnly, Kind... kinds) {
        FaultyFileSystem.reset();
        FaultyFileSystem.register(hadoop, rate, seed, tasksOnly, kinds);
    }

    private static String faulty(String relative) {
        return FaultyFileSystem.uri(dir.resolve(relative));
    }

    private static ExtractOptions extract(String output) {
        return new ExtractOptions().inputs(List.of(FaultyFileSystem.uri(library))).output(faulty(output))
                .windowSeconds(1).minLastWindowSeconds(0.5);
    }

    /** A table's rows as text, sorted, without the columns that say when it was written. */
    private static List<String> rows(String table, String... timeColumns) {
        // through the Delta log: files of failed task attempts stay on disk but are in no commit
        return Table.readAny(spark, table).drop(timeColumns).collectAsList().stream().map(Row::toString).sorted()
                .toList();
    }

    private static List<String> features(String output) {
        return rows(faulty(output), FeatureTable.EXTRACTED_AT);
    }

    @Test
    void extractCompletesThroughTaskRetries() throws Exception {
        ExtractJob.run(spark, extract("reference-features"));
        List<String> reference = features("reference-features");
        assertEquals(8, reference.size(), "two windows for each of the four tones");

        faults(RATE, 1, true, Kind.READ, Kind.WRITE, Kind.LIST, Kind.RENAME);
        ExtractSummary summary = ExtractJob.run(spark, extract("features"));
        long injected = injectedTotal();
        faults(0, 0, false);
        assertEquals(4, summary.filesOk(), summary.toJson());
        assertEquals(reference, features("features"));
        assertTrue(injected > 0, "faults were injected");
        assertNoLeftovers("features");
    }

    @Test
    void extractOnAFaultyDriverCompletesOrLeavesThePreviousTable() throws Exception {
        ExtractJob.run(spark, extract("reference-driver"));
        List<String> reference = features("reference-driver");
        int failed = 0;
        long injected = 0;
        for (long seed = 1; seed <= 4; seed++) {
            String output = "driver-" + seed;
            ExtractJob.run(spark, extract(output)); // the previous table
            List<String> previous = features(output);
            faults(RATE, seed, false, Kind.READ, Kind.WRITE, Kind.LIST, Kind.RENAME);
            boolean completed;
            try {
                ExtractSummary summary = ExtractJob.run(spark, extract(output));
                completed = summary.inputProblems().isEmpty();
            } catch (Exception e) {
                completed = false;
                failed++;
            }
            injected += injectedTotal();
            faults(0, 0, false);
            // completed: the new rows (the same as the reference's); failed: the previous table, whole
            assertEquals(completed ? reference : previous, features(output), "seed " + seed);
            assertNoLeftovers(output);
        }
        assertTrue(injected > 0, "faults were injected");
        assertTrue(failed > 0, "some runs met a fault Spark does not retry (seeds 1 to 4 at rate " + RATE + ")");
    }

    @Test
    void classifyCompletesThroughTaskRetries() throws Exception {
        ClassifyJob.run(spark, classify("reference-classify"));
        List<String> reference = genres("reference-classify");
        faults(RATE, 2, true, Kind.READ, Kind.WRITE, Kind.LIST, Kind.RENAME);
        ClassifySummary summary = ClassifyJob.run(spark, classify("classify"));
        long injected = injectedTotal();
        faults(0, 0, false);
        assertEquals(0, summary.tracksError(), summary.toJson());
        assertEquals(reference, genres("classify"));
        assertTrue(injected > 0, "faults were injected");
    }

    private static ClassifyOptions classify(String output) {
        return new ClassifyOptions().inputs(List.of(FaultyFileSystem.uri(library))).model(model).output(faulty(output))
                .runDate("2026-01-30").windowSeconds(1).minLastWindowSeconds(0.5);
    }

    private static List<String> genres(String output) {
        return rows(faulty(output + "/genres"), GenreTable.CLASSIFIED_AT);
    }

    @Test
    void nightlyCompletesThroughTaskRetriesAndRecoversFromDriverFaults() throws Exception {
        NightlyJob.run(spark, nightly("reference-nightly"));
        List<String> reference = nightlyGenres("reference-nightly");

        faults(RATE, 3, true, Kind.READ, Kind.WRITE, Kind.LIST, Kind.RENAME);
        NightlyJob.run(spark, nightly("nightly-tasks"));
        long injected = injectedTotal();
        faults(0, 0, false);
        assertEquals(reference, nightlyGenres("nightly-tasks"));
        assertTrue(injected > 0, "faults were injected");

        faults(RATE, 5, false, Kind.READ, Kind.WRITE, Kind.LIST, Kind.RENAME);
        boolean failed = false;
        try {
            NightlyJob.run(spark, nightly("nightly-driver"));
        } catch (Exception e) {
            failed = true;
        }
        assertTrue(injectedTotal() > 0, "faults were injected");
        faults(0, 0, false);
        if (failed) {
            NightlyJob.run(spark, nightly("nightly-driver")); // the rerun of the night
        }
        assertEquals(reference, nightlyGenres("nightly-driver"));
    }

    private static NightlyOptions nightly(String output) {
        return new NightlyOptions().inputs(List.of(FaultyFileSystem.uri(library))).model(model)
                .output(faulty(output + "/out")).state(faulty(output + "/state")).runDate("2026-01-30")
                .windowSeconds(1).minLastWindowSeconds(0.5);
    }

    private static List<String> nightlyGenres(String output) {
        return genres(output + "/out");
    }

    private static long injectedTotal() {
        long n = 0;
        for (Kind k : Kind.values()) {
            n += FaultyFileSystem.injected(k);
        }
        return n;
    }

    /** No staging or set-aside copy of the table beside it. */
    private static void assertNoLeftovers(String output) throws IOException {
        try (Stream<Path> siblings = Files.list(dir)) {
            List<String> left = siblings.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(output + ".")).toList();
            assertEquals(List.of(), left, "partial output beside " + output);
        }
        assertFalse(Files.exists(dir.resolve(output + "/_temporary")), "Spark's task output left in " + output);
    }
}
