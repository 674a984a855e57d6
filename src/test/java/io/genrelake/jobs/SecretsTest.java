package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.ml.Aggregation;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.TrainOptions;
import io.genrelake.testing.InProcessS3;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 credentials given through every route the jobs take them by — Spark's Hadoop settings
 * ({@code spark.hadoop.fs.s3a.access.key}/{@code secret.key}), a {@code --conf} file, the environment
 * ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}) — reach S3 (S3Proxy), and neither the secret key nor the
 * access key id appears in any log line, {@code _summary.json}, table row, or file of a model (its card included)
 * trained from and into S3. Credentials in the URI
 * ({@code s3a://KEY:SECRET@bucket/...}) are refused, and the refusal does not repeat them either. The conf-file and
 * environment routes run the job's main in a JVM of its own (the environment cannot be set in this one).
 */
class SecretsTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static InProcessS3 s3;
    static Path library;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        // The session is shared with earlier test classes, and Hadoop caches one s3a://music file system per JVM:
        // one of theirs would still point at their (stopped) S3Proxy.
        spark.sparkContext().hadoopConfiguration().setBoolean("fs.s3a.impl.disable.cache", true);
        s3 = InProcessS3.start("music");
        library = dir.resolve("library");
        ClassifyFixtures.writeTone(library.resolve("blues/one.wav"), 220, 1);
        ClassifyFixtures.writeTone(library.resolve("jazz/two.wav"), 440, 2);
        Files.writeString(library.resolve("jazz/broken.wav"), "not a wav file");
        try (Stream<Path> files = Files.walk(library)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                s3.put("library/" + library.relativize(f).toString().replace('\\', '/'), f);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        spark.stop();
        s3.close();
    }

    /** The texts must not hold the secret key or the access key id. */
    private static void assertNoSecrets(String where, String text) {
        assertFalse(text.contains(s3.secretKey()), where + " holds the secret key");
        assertFalse(text.contains(s3.accessKey()), where + " holds the access key id");
    }

    private static String tableText(String table) {
        StringBuilder all = new StringBuilder();
        for (Row r : io.genrelake.tables.Table.readAny(spark, table).collectAsList()) {
            all.append(r).append('\n');
        }
        return all.toString();
    }

    @Test
    void sparkHadoopSettings() throws Exception {
        s3.configure(spark.sparkContext().hadoopConfiguration());
        String table = "s3a://music/tables/settings";
        try (LogCapture log = new LogCapture()) {
            ExtractSummary summary = ExtractJob.run(spark, options("s3a://music/library", table));
            assertEquals(2, summary.filesOk(), summary.toJson());
            assertNoSecrets("the log", log.text());
            assertNoSecrets("the summary", summary.toJson() + summary.toText());
        }
        assertNoSecrets("_summary.json", new String(s3.get("tables/settings/_summary.json"), StandardCharsets.UTF_8));
        assertNoSecrets("the table", tableText(table));
    }

    @Test
    void trainingFromAndIntoS3WritesNoSecretIntoTheModel() throws Exception {
        s3.configure(spark.sparkContext().hadoopConfiguration());
        Path csv = new io.genrelake.ml.SyntheticFeatures(ClassifyFixtures.GENRES, 6, 2, 11)
                .writeCsv(dir.resolve("train.csv"));
        s3.put("features/train.csv", csv);
        String model = "s3a://music/models/m";
        TrainOptions training = new TrainOptions("s3a://music/features/train.csv", model, ModelKind.listOf("lr"), 2,
                new PipelineSettings(0, true, 7, 1), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        try (LogCapture log = new LogCapture()) {
            assertEquals(0, TrainJob.run(spark, training, new java.io.PrintWriter(out), new java.io.PrintWriter(err)),
                    err.toString());
            assertNoSecrets("the log", log.text());
        }
        assertNoSecrets("train's output", out + "\n" + err);
        List<String> files = s3.list("models/m/");
        assertTrue(files.stream().anyMatch(f -> f.endsWith("model-card.json")), files.toString());
        for (String key : files) {
            assertNoSecrets(key, new String(s3.get(key), StandardCharsets.ISO_8859_1)); // every byte, text or not
        }
    }

    @Test
    void credentialsInTheUriAreRefusedWithoutRepeatingThem() throws Exception {
        String withSecrets = "s3a://" + s3.accessKey() + ":" + s3.secretKey() + "@music/library";
        Path out = dir.resolve("uri-table");
        String outcome;
        try (LogCapture log = new LogCapture()) {
            try {
                ExtractSummary summary = ExtractJob.run(spark, options(withSecrets, out.toString()));
                outcome = summary.toJson() + summary.toText();
                assertEquals(0, summary.filesListed(), "the input was refused: " + outcome);
            } catch (Exception e) {
                outcome = e + " " + (e.getCause() == null ? "" : e.getCause().toString());
            }
            assertNoSecrets("the refusal", outcome);
            assertNoSecrets("the log", log.text());
        }
        if (Files.exists(out)) {
            assertNoSecrets("_summary.json", Files.readString(out.resolve("_summary.json")));
            assertNoSecrets("the table", tableText(out.toString()));
        }
        String outputWithSecrets = "s3a://" + s3.accessKey() + ":" + s3.secretKey() + "@music/tables/uri";
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ExtractJob.run(spark, options(library.toString(), outputWithSecrets)));
        assertTrue(refused.getMessage().startsWith("credentials in a URI are refused (s3a://***@music/tables/uri)"),
                refused.getMessage());
        assertNoSecrets("the refusal of the output", refused.toString());
    }

    @Test
    void confFileAndEnvironment() throws Exception {
        Properties endpoint = s3.sparkProperties();
        endpoint.remove("spark.hadoop.fs.s3a.access.key");
        endpoint.remove("spark.hadoop.fs.s3a.secret.key");

        Properties inFile = s3.sparkProperties(); // keys in the --conf file
        runAlone("conf-file", inFile, Map.of());

        endpoint.setProperty("spark.hadoop.fs.s3a.aws.credentials.provider",
                "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider");
        runAlone("environment", endpoint, Map.of("AWS_ACCESS_KEY_ID", s3.accessKey(),
                "AWS_SECRET_ACCESS_KEY", s3.secretKey(), "AWS_REGION", "us-east-1"));
    }

    /** ExtractJob's main in a new JVM with this conf file and environment, writing s3a://music/tables/NAME. */
    private static void runAlone(String name, Properties conf, Map<String, String> env) throws Exception {
        Path confFile = dir.resolve(name + ".properties");
        conf.setProperty("spark.ui.enabled", "false");
        conf.setProperty("spark.driver.host", "127.0.0.1");
        conf.setProperty("spark.driver.bindAddress", "127.0.0.1");
        try (var w = Files.newBufferedWriter(confFile)) {
            conf.store(w, null);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-javaagent")).toList());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ExtractJob.class.getName(),
                "--input", "s3a://music/library", "--output", "s3a://music/tables/" + name, "--conf", confFile.toString(),
                "--master", "local[1]", "--window-seconds", "1", "--min-last-window-seconds", "0.5"));
        Path out = dir.resolve(name + ".stdout");
        Path err = dir.resolve(name + ".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), name + ": finished within 4 minutes");
        String stderr = Files.readString(err);
        assertEquals(0, p.exitValue(), stderr);
        assertTrue(stderr.contains("INFO"), name + ": the log was captured");
        assertNoSecrets(name + ": stdout", Files.readString(out));
        assertNoSecrets(name + ": the log (stderr)", stderr);
        String summary = new String(s3.get("tables/" + name + "/_summary.json"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"files_ok\" : 2"), summary);
        assertNoSecrets(name + ": _summary.json", summary);
        assertNoSecrets(name + ": the table", TableRows.read(spark, localCopy(name)).rows().toString());
    }

    /** The table the child wrote, read through this JVM's own s3a settings. */
    private static String localCopy(String name) {
        s3.configure(spark.sparkContext().hadoopConfiguration());
        return "s3a://music/tables/" + name;
    }

    private static ExtractOptions options(String input, String output) {
        return new ExtractOptions().inputs(List.of(input)).output(output).windowSeconds(1).minLastWindowSeconds(0.5);
    }
}
