package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.genres.GenreTable;
import io.genrelake.tables.DeltaSession;
import io.genrelake.testing.InProcessS3;
import io.genrelake.testing.Prerequisite;
import io.genrelake.testing.ShortLivedJvm;
import io.genrelake.testing.StandaloneCluster;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and a Worker, each its own JVM, and the nightly
 * job submitted to it with {@code org.apache.spark.deploy.SparkSubmit} in a third JVM, exactly as
 * jobs/nightly.sh does, with the application jar built here from the compiled classes. The executors
 * (started by the Worker) read the audio from S3Proxy (in this JVM) through s3a://, so the job's code,
 * its Hadoop settings and its S3 credentials all travel the way they do on a cluster.
 *
 * <p>The Worker finds Spark's classes for its executors in {@code $SPARK_HOME/jars}: here a folder of
 * links to the jars of the project's own class path (Spark, Hadoop, and our dependencies). The cluster and
 * S3Proxy are {@link StandaloneCluster} and {@link InProcessS3}, shared with ReadmeClusterTest, which
 * submits the README's jobs/*.sh commands with the packaged job jar.
 */
class NightlyClusterTest {

    private static final String BUCKET = "music";

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String model;
    static Path buildDir;
    static List<String> classPath;
    static Path appJar;
    static InProcessS3 s3;
    static Path s3Properties;
    static StandaloneCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        buildDir = Path.of(NightlyClusterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path cpFile = buildDir.resolve("runtime-classpath.txt");
        Prerequisite.require(Files.exists(cpFile) && Files.isDirectory(buildDir.resolve("classes")),
                "no " + cpFile + " (written by mvn generate-resources): cannot start child JVMs with Spark");
        classPath = List.of(Files.readString(cpFile).strip().split(File.pathSeparator));

        spark = LocalSpark.start();
        model = ClassifyFixtures.trainModel(spark, dir);
        appJar = appJar();
        startS3();
        // The Worker gives its executors every jar of the class path (our dependencies included: the
        // application jar here is the compiled classes alone).
        Path sparkHome = StandaloneCluster.sparkHome(buildDir.resolve("cluster-test-spark-home"), classPath, jar -> true);
        cluster = StandaloneCluster.start(dir, sparkHome, 2, "2g", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    /** The application jar: the compiled main classes (our dependencies are on the cluster's class path here). */
    private static Path appJar() throws IOException {
        Path classes = buildDir.resolve("classes");
        Path jar = dir.resolve("genrelake-app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(classes)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void startS3() throws Exception {
        s3 = InProcessS3.start(BUCKET);
        put("library/blues/one.wav", 220, 1);
        put("library/blues/two.wav", 330, 2);
        put("library/jazz/three.wav", 440, 3);
        put("library/jazz/four.wav", 550, 4);
        // S3 settings reach the driver and every executor as spark.hadoop.* in spark-submit's properties file
        // (a file in the test's temporary folder, so the made-up credential is on no command line).
        Properties p = s3.sparkProperties();
        p.setProperty("spark.driver.host", "127.0.0.1");
        p.setProperty("spark.driver.bindAddress", "127.0.0.1");
        p.setProperty("spark.executor.memory", "768m");
        p.setProperty("spark.cores.max", "2");
        p.setProperty("spark.ui.enabled", "false");
        p.setProperty("spark.sql.shuffle.partitions", "2");
        p.setProperty(DeltaSession.SNAPSHOT_PARTITIONS, "2"); // Delta's 50 are 1,350 of a night's 1,457 tasks
        p.setProperty("spark.executor.extraJavaOptions", ShortLivedJvm.javaOptions());
        s3Properties = dir.resolve("spark-submit.properties");
        try (OutputStream out = Files.newOutputStream(s3Properties)) {
            p.store(out, "genrelake cluster test");
        }
    }

    private static void put(String key, double hz, long seed) throws IOException {
        Path file = dir.resolve("upload").resolve(key);
        ClassifyFixtures.writeTone(file, hz, seed);
        s3.put(key, file);
    }

    /** spark-submit --class io.genrelake.jobs.NightlyJob, as jobs/nightly.sh runs it; returns the run summary. */
    private static JsonNode submit(String runDate) throws Exception {
        List<String> command = StandaloneCluster.java("-Xmx768m", classPath);
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--class", "io.genrelake.jobs.NightlyJob", "--properties-file", s3Properties.toString(),
                appJar.toString(),
                "--input", "s3a://" + BUCKET + "/library", "--model", model,
                "--output", dir.resolve("out").toString(), "--state", dir.resolve("state").toString(),
                "--run-date", runDate, "--window-seconds", "1", "--min-last-window-seconds", "0.5"));
        Path log = dir.resolve("submit-" + runDate + ".log");
        Process p = cluster.start(command, log, Map.of());
        boolean done = p.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "spark-submit " + (done ? "exited " + p.exitValue() : "timed out")
                + ":\n" + StandaloneCluster.tail(log) + "\n--- worker\n" + StandaloneCluster.tail(cluster.workerLog()));
        String out = Files.readString(log);
        assertTrue(out.contains("nightly " + runDate), out);
        // the run's row in the state's runs table (Delta), written last: its record holds the run's summary
        Row run = io.genrelake.tables.Table.readAny(spark, dir.resolve("state/runs").toString())
                .where("run_date = DATE'" + runDate + "'").select(io.genrelake.tables.NightlyState.RECORD).first();
        return new ObjectMapper().readTree(run.getString(0));
    }

    private static Map<String, String> statusByName(String runDate) {
        Map<String, String> m = new TreeMap<>();
        for (Row r : io.genrelake.tables.Table.readAny(spark, dir.resolve("out/genres").toString())
                .where("run_date = DATE'" + runDate + "'").collectAsList()) {
            String p = r.getAs(GenreTable.PATH);
            assertTrue(p.startsWith("s3a://" + BUCKET + "/library/"), p);
            m.put(p.substring(p.lastIndexOf('/') + 1), r.getAs(GenreTable.STATUS));
        }
        return m;
    }

    @Test
    void theNightlyJobSubmittedToAStandaloneClusterClassifiesS3AudioThenOnlyWhatChanged() throws Exception {
        JsonNode first = submit("2026-03-01");
        assertEquals(4, first.path("files_decoded").asLong(), first.toString());
        assertEquals(4, first.path("rows_ok").asLong(), first.toString());
        assertEquals(Map.of("one.wav", "ok", "two.wav", "ok", "three.wav", "ok", "four.wav", "ok"),
                statusByName("2026-03-01"));
        for (Row r : io.genrelake.tables.Table.readAny(spark, dir.resolve("out/current").toString()).collectAsList()) {
            assertTrue(ClassifyFixtures.GENRES.contains((String) r.getAs(GenreTable.GENRE)), r.toString());
            assertEquals(2, (int) r.getAs(GenreTable.WINDOWS));
        }
        assertTrue(Files.readString(cluster.workerLog()).contains("Launch command"),
                "the executors were launched by the worker");

        put("library/blues/five.wav", 660, 5); // added
        Path bigger = dir.resolve("upload/library/jazz/three.wav");
        io.genrelake.audio.WavWriter.writePcm16(bigger, io.genrelake.catalogue.TestLibrary.music(2.5, 770, 6),
                io.genrelake.catalogue.TestLibrary.SR);
        s3.put("library/jazz/three.wav", bigger);
        s3.remove("library/jazz/four.wav"); // deleted

        JsonNode second = submit("2026-03-02");
        assertEquals(List.of(1L, 1L, 2L, 1L, 2L), List.of(second.path("files_new").asLong(),
                second.path("files_changed").asLong(), second.path("files_unchanged").asLong(),
                second.path("files_deleted").asLong(), second.path("files_decoded").asLong()), second.toString());
        assertEquals(Map.of("five.wav", "ok", "three.wav", "ok", "four.wav", "deleted"), statusByName("2026-03-02"));
        Map<String, String> currentDates = new TreeMap<>();
        for (Row r : io.genrelake.tables.Table.readAny(spark, dir.resolve("out/current").toString()).collectAsList()) {
            String p = r.getAs(GenreTable.PATH);
            currentDates.put(p.substring(p.lastIndexOf('/') + 1), r.getAs(GenreTable.RUN_DATE).toString());
        }
        assertEquals(Map.of("one.wav", "2026-03-01", "two.wav", "2026-03-01", "three.wav", "2026-03-02",
                "four.wav", "2026-03-02", "five.wav", "2026-03-02"), currentDates);
    }
}
