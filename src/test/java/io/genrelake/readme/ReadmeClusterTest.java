package io.genrelake.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.genres.GenreTable;
import io.genrelake.tables.DeltaSession;
import io.genrelake.testing.InProcessS3;
import io.genrelake.testing.ShortLivedJvm;
import io.genrelake.testing.StandaloneCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's "On a cluster" commands — {@code jobs/extract.sh}, {@code train.sh}, {@code classify.sh} and
 * {@code nightly.sh}, as written there — run one after the other against a real Spark standalone cluster (a
 * Master and a Worker, each its own JVM, on 127.0.0.1) with the music in an S3 bucket (S3Proxy in this JVM),
 * using the job jar that the README's {@code ./mvnw -B -DskipTests package} built ({@link ReadmeBuild}). Then
 * {@code nightly.sh} runs once more, a day later, after the bucket changed: it must decode only the file added and
 * the file changed, write a deleted row for the file gone, and carry the other tracks forward.
 *
 * <p>The cluster is what a Spark distribution gives: the Worker's executors get the jars of the project's class
 * path <em>except</em> our own dependencies (picocli, FFmpeg, hadoop-aws and the AWS SDK, XChart and what they
 * bring), so s3a:// works on the executors only because the job jar carries it.
 */
class ReadmeClusterTest {

    static final String SUBSTITUTIONS = "spark://host:7077 → the test's standalone master (Master and Worker on "
            + "127.0.0.1, 2 cores); conf/standalone.properties → a copy with spark.master set to that master, sizes "
            + "for the 2-core worker (executor cores and memory, cores.max, shuffle and Delta snapshot partitions, "
            + "no UI), the executors' extraJavaOptions C1 alone and the serial collector (as GENRELAKE_JAVA_OPTS "
            + "gives the driver: JVMs that live a minute; the same results) and its "
            + "commented s3a endpoint lines set to an in-process S3Proxy whose bucket music holds data-sample/ under "
            + "library/; the commands without --properties-file (train, classify) find that endpoint (and the "
            + "partitions, executor options, no UI) where a Spark installation keeps its site settings, in "
            + "spark-defaults.conf of SPARK_CONF_DIR; the file's "
            + "DefaultCredentialsProvider (and S3A's default chain) read a made-up key from AWS_ACCESS_KEY_ID/"
            + "AWS_SECRET_ACCESS_KEY in the environment of the driver and the worker; the job jar is the README's "
            + "package build";
    /** Appended to the README's train command: the defaults cross-validate 9 models on full grids with 10 folds. */
    static final String TRAIN_SIZE = " --models lr --folds 2 --grid quick";
    static final String TRAIN_SIZE_NOTE = "'" + TRAIN_SIZE.strip() + "' appended: with the defaults (9 models, full "
            + "grids, 10 folds) training alone took 8 minutes on 2 cores, so the defaults themselves are not run by "
            + "any test";

    /** Path fragments of the jars that are ours to ship in the job jar (the pom's compile-scope dependencies). */
    static final List<String> OWN_DEPENDENCIES = List.of("/info/picocli/", "/org/bytedeco/", "/org/apache/hadoop/hadoop-aws/",
            "/software/amazon/", "/org/wildfly/openssl/", "/org/knowm/xchart/", "/de/erichseifert/", "/de/rototor/",
            "/org/apache/pdfbox/", "/com/madgag/");
    static final String BUCKET = "music";

    static ReadmeBuild build;
    static InProcessS3 s3;
    static StandaloneCluster cluster;
    static Path dir;
    static Path properties;
    static Path sparkConfDir;

    @BeforeAll
    static void start() throws Exception {
        build = ReadmeBuild.get();
        dir = ReadmeBuild.outerBuildDir().resolve("readme/cluster");
        ReadmeCommandsTest.deleteTree(dir);
        Files.createDirectories(dir);

        s3 = InProcessS3.start(BUCKET);
        Path sample = build.root.resolve("data-sample");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).sorted().toList()) {
                s3.put("library/" + sample.relativize(f).toString().replace('\\', '/'), f);
            }
        }
        assertEquals(16, s3.list("library/").size());

        Set<String> jobJar = new HashSet<>();
        try (JarFile j = new JarFile(build.jobJar().toFile())) {
            j.stream().forEach(e -> jobJar.add(e.getName()));
        }
        List<String> excluded = new ArrayList<>();
        Path home = StandaloneCluster.sparkHome(ReadmeBuild.outerBuildDir().resolve("readme/spark-home"),
                build.runtimeClassPath(), jar -> {
                    boolean ours = OWN_DEPENDENCIES.stream().anyMatch(jar.toString().replace('\\', '/')::contains);
                    if (ours) {
                        excluded.add(jar.toString());
                    }
                    return !ours;
                });
        assertTrue(excluded.size() > 20, "our dependencies are on the class path: " + excluded);
        for (String jar : excluded) { // what the cluster lacks, the job jar must carry
            String someClass = firstClass(Path.of(jar));
            assertTrue(someClass == null || jobJar.contains(someClass), jar + ": " + someClass + " is not in the job jar");
        }
        cluster = StandaloneCluster.start(dir, home, 2, "2g", credentials());
        properties = standaloneProperties();
        sparkConfDir = siteDefaults();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    /** The credential the properties' DefaultCredentialsProvider finds in the environment. */
    static Map<String, String> credentials() {
        return Map.of("AWS_ACCESS_KEY_ID", s3.accessKey(), "AWS_SECRET_ACCESS_KEY", s3.secretKey(), "AWS_REGION",
                "us-east-1");
    }

    private static String firstClass(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(JarEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.equals("module-info.class"))
                    .findFirst().orElse(null);
        }
    }

    /** conf/standalone.properties with the settings of {@link #SUBSTITUTIONS} changed, everything else as it is. */
    static Path standaloneProperties() throws IOException {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("spark.master", cluster.masterUrl());
        set.put("spark.executor.cores", "2");
        set.put("spark.executor.memory", "1g");
        set.put("spark.cores.max", "2");
        set.put("spark.sql.shuffle.partitions", "4");
        set.put(DeltaSession.SNAPSHOT_PARTITIONS, "2");
        set.put("spark.executor.extraJavaOptions", ShortLivedJvm.javaOptions());
        set.put("spark.hadoop.fs.s3a.endpoint", s3.endpoint());
        set.put("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        set.put("spark.hadoop.fs.s3a.path.style.access", "true");
        set.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        set.put("spark.ui.enabled", "false");
        String original = Files.readString(build.root.resolve("conf/standalone.properties"));
        assertTrue(original.contains("spark.hadoop.fs.s3a.aws.credentials.provider=software.amazon.awssdk.auth."
                + "credentials.DefaultCredentialsProvider"), "conf/standalone.properties takes credentials from the "
                + "environment (as this test gives them)");
        Path copy = dir.resolve("standalone.properties");
        Files.writeString(copy, withSettings(original, set));
        return copy;
    }

    /**
     * SPARK_CONF_DIR with a spark-defaults.conf holding the S3 endpoint: the site settings spark-submit reads
     * when no --properties-file is given (the README's train and classify commands give none).
     */
    static Path siteDefaults() throws IOException {
        Path conf = Files.createDirectories(dir.resolve("spark-conf"));
        StringBuilder defaults = new StringBuilder("# the site's Spark settings (ReadmeClusterTest)\n");
        for (String key : List.of("spark.hadoop.fs.s3a.endpoint", "spark.hadoop.fs.s3a.endpoint.region",
                "spark.hadoop.fs.s3a.path.style.access", "spark.hadoop.fs.s3a.connection.ssl.enabled")) {
            defaults.append(key).append(' ').append(s3.sparkProperties().getProperty(key)).append('\n');
        }
        // sized for the 2-core test worker, like the properties copy
        defaults.append("spark.sql.shuffle.partitions 4\nspark.ui.enabled false\n");
        defaults.append(DeltaSession.SNAPSHOT_PARTITIONS).append(" 2\n");
        defaults.append("spark.executor.extraJavaOptions ").append(ShortLivedJvm.javaOptions()).append('\n');
        Files.writeString(conf.resolve("spark-defaults.conf"), defaults);
        return conf;
    }

    /**
     * {@code properties} with each key of {@code set} given its value: on the line that sets it, or comments it
     * out ({@code #key=...}), after a comment holding the line it replaces; keys the file lacks at the end.
     */
    static String withSettings(String properties, Map<String, String> set) {
        StringBuilder out = new StringBuilder();
        Set<String> done = new HashSet<>();
        for (String line : properties.lines().toList()) {
            String t = line.strip();
            String body = t.startsWith("#") ? t.substring(1) : t;
            int eq = body.indexOf('=');
            String key = eq > 0 ? body.substring(0, eq).strip() : null;
            if (key != null && set.containsKey(key) && !key.contains(" ") && done.add(key)) {
                out.append("# ReadmeClusterTest: ").append(t).append('\n');
                out.append(key).append('=').append(set.get(key)).append('\n');
            } else {
                out.append(line).append('\n');
            }
        }
        out.append("# added by ReadmeClusterTest\n");
        set.forEach((k, v) -> {
            if (!done.contains(k)) {
                out.append(k).append('=').append(v).append('\n');
            }
        });
        return out.toString();
    }

    /** A README command with {@link #SUBSTITUTIONS}, run from the project root. */
    private static ReadmeBuild.Result submit(String readmeCommand, String append, String name) throws Exception {
        String command = ReadmeCommandsTest.readmeCommand(readmeCommand)
                .replace("spark://host:7077", cluster.masterUrl())
                .replace("conf/standalone.properties", properties.toString()) + append;
        Map<String, String> env = new LinkedHashMap<>(credentials());
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_CONF_DIR", sparkConfDir.toString());
        env.put("GENRELAKE_JAVA_OPTS", ShortLivedJvm.javaOptions());
        ReadmeBuild.Result r = build.script(command, build.root, env, Duration.ofMinutes(6), dir.resolve(name + ".log"));
        assertEquals(0, r.exit(), r.tail() + "\n--- worker\n" + StandaloneCluster.tail(cluster.workerLog())
                + "\n--- executors\n" + executorErrors());
        return r;
    }

    private static String executorErrors() throws IOException {
        if (!Files.isDirectory(cluster.workerWork())) {
            return "(none)";
        }
        StringBuilder s = new StringBuilder();
        try (Stream<Path> walk = Files.walk(cluster.workerWork())) {
            for (Path p : walk.filter(f -> f.getFileName().toString().equals("stderr")).sorted().toList()) {
                s.append("== ").append(p).append('\n').append(StandaloneCluster.tail(p)).append('\n');
            }
        }
        return s.toString();
    }

    private static JsonNode json(String key) throws IOException {
        byte[] bytes = s3.get(key);
        assertNotNull(bytes, "s3a://" + BUCKET + "/" + key + " was not written; the bucket holds " + s3.list(""));
        return new ObjectMapper().readTree(bytes);
    }

    /** The executors' application folders under the Worker's work folder (one per application that used them). */
    private static long applicationsRunByTheWorker() throws IOException {
        if (!Files.isDirectory(cluster.workerWork())) {
            return 0;
        }
        try (Stream<Path> apps = Files.list(cluster.workerWork())) {
            return apps.filter(p -> p.getFileName().toString().startsWith("app-")).count();
        }
    }

    /**
     * The schedule's next run of the same command, a day later: one file added, one changed, one deleted in the
     * bucket, and only the first two decoded; the genre table's new rows say which, and {@code current} carries the
     * 14 others forward with their first night's date.
     */
    private static ReadmeBuild.Result nextNight(ReadmeBuild.Result firstNight) throws Exception {
        java.util.regex.Matcher date = java.util.regex.Pattern.compile("nightly (\\d{4}-\\d{2}-\\d{2}) \\(previous run")
                .matcher(firstNight.out());
        assertTrue(date.find(), firstNight.tail());
        String first = date.group(1);
        String next = java.time.LocalDate.parse(first).plusDays(1).toString();
        s3.put("library/rock/rock.00004.wav", build.root.resolve("data-sample/rock/rock.00000.wav")); // added
        // changed: three seconds of the tests' music instead of six of swing
        Path changed = dir.resolve("swing.00001.wav");
        io.genrelake.audio.WavWriter.writePcm16(changed, TestLibrary.music(3, 392, 7), TestLibrary.SR);
        s3.put("library/swing/swing.00001.wav", changed);
        s3.remove("library/techno/techno.00003.wav"); // deleted

        ReadmeBuild.Result r = submit(ReadmeCommandsTest.NIGHTLY_ON_CLUSTER, " --run-date " + next, "nightly-next");
        assertTrue(r.out().contains("nightly " + next + " (previous run: " + first + ")"), r.tail());
        assertTrue(r.out().contains("16 files listed: 1 new, 1 changed, 14 unchanged (carried forward), 1 deleted"),
                r.tail());
        assertTrue(r.out().contains("2 files decoded, 0 tracks reclassified from stored features"), r.tail());
        assertEquals(2, s3.list("genrelake-state/runs/_delta_log/").stream().filter(k -> k.endsWith(".json")).count(),
                "two runs recorded: " + s3.list("genrelake-state/runs/_delta_log/"));

        SparkSession spark = io.genrelake.jobs.LocalSpark.start();
        try {
            s3.configure(spark.sparkContext().hadoopConfiguration());
            // not the file system an earlier class of this JVM cached for s3a://music, bound to its own S3Proxy
            spark.sparkContext().hadoopConfiguration().setBoolean("fs.s3a.impl.disable.cache", true);
            Map<String, String> status = new TreeMap<>();
            for (Row row : spark.read().format("delta").load("s3a://" + BUCKET + "/genres/genres")
                    .where("run_date = DATE'" + next + "'").collectAsList()) {
                status.put(fileName(row.getAs(GenreTable.PATH)), row.getAs(GenreTable.STATUS));
            }
            assertEquals(Set.of("rock.00004.wav", "swing.00001.wav", "techno.00003.wav"), status.keySet(),
                    "the second night's genre rows: " + status);
            assertEquals("deleted", status.get("techno.00003.wav"), status.toString());
            for (String decoded : List.of("rock.00004.wav", "swing.00001.wav")) {
                assertTrue(Set.of("ok", "uncertain").contains(status.get(decoded)), status.toString());
            }
            Map<String, Long> datesInCurrent = new TreeMap<>();
            for (Row row : spark.read().format("delta").load("s3a://" + BUCKET + "/genres/current").collectAsList()) {
                String name = fileName(row.getAs(GenreTable.PATH));
                String rowDate = row.getAs(GenreTable.RUN_DATE).toString();
                assertEquals(status.containsKey(name) ? next : first, rowDate, name);
                datesInCurrent.merge(rowDate, 1L, Long::sum);
            }
            assertEquals(Map.of(first, 14L, next, 3L), datesInCurrent, "current: 14 carried forward, 3 of the next night");
        } finally {
            spark.stop();
        }
        return r;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Test
    void theReadmeJobsRunOnAStandaloneClusterWithS3() throws Exception {
        ReadmeBuild.Result extract = submit(ReadmeCommandsTest.EXTRACT_ON_CLUSTER, "", "extract");
        JsonNode summary = json("features/_summary.json");
        assertEquals(16, summary.path("files_ok").asLong(), summary.toString());
        assertEquals(0, summary.path("files_error").asLong(), summary.toString());
        assertEquals(16, summary.path("windows_ok").asLong(), "one window per 6-s clip: " + summary);
        assertTrue(extract.err().contains("extract: wrote s3a://music/features"), extract.tail());
        assertEquals(1, applicationsRunByTheWorker(), "extract ran on the worker's executors");

        ReadmeBuild.Result train = submit(ReadmeCommandsTest.TRAIN_ON_CLUSTER, TRAIN_SIZE, "train");
        JsonNode card = json("models/v1/model-card.json");
        assertEquals("lr", card.path("best_model").asText(), card.toString());
        assertTrue(s3.exists("models/v1/report.html"), "report.html: " + s3.list("models/v1/"));
        assertTrue(train.out().contains("saved lr to s3a://music/models/v1"), train.tail());

        ReadmeBuild.Result classify = submit(ReadmeCommandsTest.CLASSIFY_ON_CLUSTER, "", "classify");
        assertTrue(classify.out().matches("(?s).*classify \\S+: 16 tracks classified( \\(\\d+ ok, \\d+ uncertain\\))?, 0 unusable files.*"), classify.tail());
        List<String> genres = s3.list("genres/");
        assertTrue(genres.stream().anyMatch(k -> k.startsWith("genres/genres/run_date=") && k.endsWith(".parquet")),
                genres.toString());
        assertTrue(genres.stream().anyMatch(k -> k.startsWith("genres/current/") && k.endsWith(".parquet")), genres.toString());

        // conf/nightly.conf classifies with s3a://music/models/current: deploy the trained model there
        assertTrue(s3.copyPrefix("models/v1/", "models/current/") > 3);
        ReadmeBuild.Result nightly = submit(ReadmeCommandsTest.NIGHTLY_ON_CLUSTER, "", "nightly");
        // the state of conf/nightly.conf: Delta tables, the run's row in runs committed once
        List<String> runs = s3.list("genrelake-state/runs/_delta_log/").stream().filter(k -> k.endsWith(".json"))
                .toList();
        assertEquals(1, runs.size(), "one nightly run recorded in the state of conf/nightly.conf: "
                + s3.list("genrelake-state/"));
        java.util.regex.Matcher nightlySummary = java.util.regex.Pattern.compile("(?s).*nightly \\S+ \\(previous run: none\\).*"
                + "16 files listed: 16 new.*16 genre rows \\(\\d+ uncertain\\), 0 error rows written.*").matcher(nightly.out());
        assertTrue(nightlySummary.matches(), nightly.tail());
        assertEquals(4, applicationsRunByTheWorker(), "every job ran on the worker's executors");

        ReadmeBuild.Result nextNight = nextNight(nightly);
        assertEquals(5, applicationsRunByTheWorker(), "the second night ran on the worker's executors too");

        System.out.printf("ReadmeClusterTest: extract %.0f s, train %.0f s, classify %.0f s, nightly %.0f s, "
                + "the next night %.0f s%n", extract.seconds(), train.seconds(), classify.seconds(), nightly.seconds(),
                nextNight.seconds());
        System.out.println("  bucket after the README's commands: " + s3.list("").stream()
                .map(k -> k.contains("/") ? k.substring(0, k.indexOf('/')) : k).distinct().collect(Collectors.joining(", ")));
    }
}
