package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.genres.GenreTable;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
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
 * links to the jars of the project's own class path (Spark, Hadoop, and our dependencies).
 */
class NightlyClusterTest {

    private static final String BUCKET = "music";

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String model;
    static Path buildDir;
    static List<String> classPath;
    static Path sparkHome;
    static Path appJar;
    static BlobStoreContext blobs;
    static S3Proxy s3;
    static Path s3Properties;
    static final List<Process> daemons = new ArrayList<>();
    static String masterUrl;

    @BeforeAll
    static void start() throws Exception {
        buildDir = Path.of(NightlyClusterTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path cpFile = buildDir.resolve("runtime-classpath.txt");
        assumeTrue(Files.exists(cpFile) && Files.isDirectory(buildDir.resolve("classes")),
                "no " + cpFile + " (written by mvn generate-resources): cannot start child JVMs with Spark");
        classPath = List.of(Files.readString(cpFile).strip().split(File.pathSeparator));

        spark = LocalSpark.start();
        model = ClassifyFixtures.trainModel(spark, dir);
        sparkHome = sparkHome();
        appJar = appJar();
        startS3();
        startCluster();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : daemons) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (s3 != null) {
            s3.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
        if (spark != null) {
            spark.stop();
        }
    }

    /**
     * A Spark home whose jars/ holds links to the class path's jars: what the Worker gives its executors. It
     * lives in the build folder, not the temporary one (JUnit would warn about every link it deletes).
     */
    private static Path sparkHome() throws IOException {
        Path home = buildDir.resolve("cluster-test-spark-home");
        Path jars = home.resolve("jars");
        if (Files.exists(jars)) {
            try (Stream<Path> old = Files.list(jars)) {
                for (Path link : old.toList()) {
                    Files.delete(link);
                }
            }
        }
        Files.createDirectories(jars);
        int i = 0;
        for (String entry : classPath) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar) && entry.endsWith(".jar")) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", i++, jar.getFileName())), jar);
            }
        }
        return home;
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
        String identity = "test-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        blobs = ContextBuilder.newBuilder("transient").credentials(identity, secret).overrides(new Properties())
                .build(BlobStoreContext.class);
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, secret).build();
        s3.start();
        for (int i = 0; i < 500 && !"STARTED".equals(s3.getState()); i++) {
            Thread.sleep(10);
        }
        assertEquals("STARTED", s3.getState());
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        put("library/blues/one.wav", 220, 1);
        put("library/blues/two.wav", 330, 2);
        put("library/jazz/three.wav", 440, 3);
        put("library/jazz/four.wav", 550, 4);
        // S3 settings reach the driver and every executor as spark.hadoop.* in spark-submit's properties file
        // (a file in the test's temporary folder, so the made-up credential is on no command line).
        Properties p = new Properties();
        p.setProperty("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:" + s3.getPort());
        p.setProperty("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        p.setProperty("spark.hadoop.fs.s3a.path.style.access", "true");
        p.setProperty("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        p.setProperty("spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        p.setProperty("spark.hadoop.fs.s3a.access.key", identity);
        p.setProperty("spark.hadoop.fs.s3a.secret.key", secret);
        p.setProperty("spark.driver.host", "127.0.0.1");
        p.setProperty("spark.driver.bindAddress", "127.0.0.1");
        p.setProperty("spark.executor.memory", "768m");
        p.setProperty("spark.cores.max", "2");
        p.setProperty("spark.ui.enabled", "false");
        p.setProperty("spark.sql.shuffle.partitions", "2");
        s3Properties = dir.resolve("spark-submit.properties");
        try (OutputStream out = Files.newOutputStream(s3Properties)) {
            p.store(out, "genrelake cluster test");
        }
    }

    private static void put(String key, double hz, long seed) throws IOException {
        Path file = dir.resolve("upload").resolve(key);
        ClassifyFixtures.writeTone(file, hz, seed);
        BlobStore store = blobs.getBlobStore();
        store.putBlob(BUCKET, store.blobBuilder(key).payload(Files.readAllBytes(file)).build());
    }

    private static void startCluster() throws Exception {
        int masterPort = freePort();
        masterUrl = "spark://127.0.0.1:" + masterPort;
        daemons.add(daemon("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        Path work = Files.createDirectories(dir.resolve("worker-work"));
        daemons.add(daemon("worker", "org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                "--port", String.valueOf(freePort()), "--webui-port", String.valueOf(freePort()), "--cores", "2",
                "--memory", "2g", "--work-dir", work.toString()));
        Path log = dir.resolve("worker.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(log).contains("Successfully registered with master")) {
            assertTrue(daemons.stream().allMatch(Process::isAlive), "a daemon died:\n" + tail(dir.resolve("master.log"))
                    + "\n" + tail(log));
            assertTrue(System.nanoTime() < deadline, "the worker did not register in 3 minutes:\n" + tail(log));
            Thread.sleep(500);
        }
    }

    private static Process daemon(String name, String mainClass, String... args) throws IOException {
        List<String> command = java("-Xmx256m");
        command.add(mainClass);
        command.addAll(List.of(args));
        return start(command, dir.resolve(name + ".log"));
    }

    /** java with the class path and the JVM options Spark needs on Java 17 (the same as this JVM's). */
    private static List<String> java(String heap) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        return command;
    }

    private static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // the launcher would look for a source build to tell
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_CONF_DIR");
        return pb.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no " + log.getFileName() + ")";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** spark-submit --class io.genrelake.jobs.NightlyJob, as jobs/nightly.sh runs it; returns the run summary. */
    private static JsonNode submit(String runDate) throws Exception {
        List<String> command = java("-Xmx768m");
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl, "--deploy-mode", "client",
                "--class", "io.genrelake.jobs.NightlyJob", "--properties-file", s3Properties.toString(),
                appJar.toString(),
                "--input", "s3a://" + BUCKET + "/library", "--model", model,
                "--output", dir.resolve("out").toString(), "--state", dir.resolve("state").toString(),
                "--run-date", runDate, "--window-seconds", "1", "--min-last-window-seconds", "0.5"));
        Path log = dir.resolve("submit-" + runDate + ".log");
        Process p = start(command, log);
        boolean done = p.waitFor(8, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, "spark-submit " + (done ? "exited " + p.exitValue() : "timed out")
                + ":\n" + tail(log) + "\n--- worker\n" + tail(dir.resolve("worker.log")));
        String out = Files.readString(log);
        assertTrue(out.contains("nightly " + runDate), out);
        return new ObjectMapper().readTree(dir.resolve("state/catalogue/run_date=" + runDate + "/_run.json").toFile());
    }

    private static Map<String, String> statusByName(String runDate) {
        Map<String, String> m = new TreeMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out/genres").toString())
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
        for (Row r : spark.read().parquet(dir.resolve("out/current").toString()).collectAsList()) {
            assertTrue(ClassifyFixtures.GENRES.contains((String) r.getAs(GenreTable.GENRE)), r.toString());
            assertEquals(2, (int) r.getAs(GenreTable.WINDOWS));
        }
        assertTrue(Files.readString(dir.resolve("worker.log")).contains("Launch command"),
                "the executors were launched by the worker");

        put("library/blues/five.wav", 660, 5); // added
        Path bigger = dir.resolve("upload/library/jazz/three.wav");
        io.genrelake.audio.WavWriter.writePcm16(bigger, io.genrelake.catalogue.TestLibrary.music(2.5, 770, 6),
                io.genrelake.catalogue.TestLibrary.SR);
        BlobStore store = blobs.getBlobStore();
        store.putBlob(BUCKET, store.blobBuilder("library/jazz/three.wav").payload(Files.readAllBytes(bigger)).build());
        store.removeBlob(BUCKET, "library/jazz/four.wav"); // deleted

        JsonNode second = submit("2026-03-02");
        assertEquals(List.of(1L, 1L, 2L, 1L, 2L), List.of(second.path("files_new").asLong(),
                second.path("files_changed").asLong(), second.path("files_unchanged").asLong(),
                second.path("files_deleted").asLong(), second.path("files_decoded").asLong()), second.toString());
        assertEquals(Map.of("five.wav", "ok", "three.wav", "ok", "four.wav", "deleted"), statusByName("2026-03-02"));
        Map<String, String> currentDates = new TreeMap<>();
        for (Row r : spark.read().parquet(dir.resolve("out/current").toString()).collectAsList()) {
            String p = r.getAs(GenreTable.PATH);
            currentDates.put(p.substring(p.lastIndexOf('/') + 1), r.getAs(GenreTable.RUN_DATE).toString());
        }
        assertEquals(Map.of("one.wav", "2026-03-01", "two.wav", "2026-03-01", "three.wav", "2026-03-02",
                "four.wav", "2026-03-02", "five.wav", "2026-03-02"), currentDates);
    }
}
