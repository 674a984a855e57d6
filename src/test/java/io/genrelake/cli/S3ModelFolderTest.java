package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.SparkConfFile;
import io.genrelake.jobs.TrainJob;
import io.genrelake.ml.EvaluationResult;
import io.genrelake.ml.ModelEvaluation;
import io.genrelake.ml.SyntheticFeatures;
import io.genrelake.tables.S3Committers;
import io.genrelake.testing.InProcessHdfs;
import io.genrelake.testing.InProcessS3;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake train --output s3a://...} (S3Proxy in this JVM) writes the model folder through S3A's magic
 * committer, with only the endpoint and credentials in {@code --conf}: every {@code _SUCCESS} of the folder (MLlib's
 * metadata, written as text, and each stage's Parquet data) is S3A's JSON manifest naming the committer; the classic
 * committer writes an empty one. The model then loads back from S3 and classifies (what {@code genrelake evaluate}
 * runs).
 * The same settings leave {@code file:} and {@code hdfs://} outputs to the classic committer.
 */
class S3ModelFolderTest {

    private static final String BUCKET = "models";
    /** S3A's manifest names its committer: {@code "committer" : "magic"}. */
    private static final Pattern COMMITTER = Pattern.compile("\"committer\"\\s*:\\s*\"([a-z]+)\"");

    @TempDir
    static Path dir;
    static InProcessS3 s3;
    static Path conf;
    static Path csv;
    static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        // a session left running would be joined, and the --conf file's settings ignored
        SparkSession.getDefaultSession().foreach(s -> {
            s.stop();
            return null;
        });
        s3 = InProcessS3.start(BUCKET);
        Properties p = s3.sparkProperties(); // the endpoint and its credential: nothing about committers
        // Hadoop caches one s3a://models file system per JVM: an earlier class's would point at its stopped S3Proxy
        p.setProperty("spark.hadoop.fs.s3a.impl.disable.cache", "true");
        p.setProperty("spark.ui.enabled", "false");
        p.setProperty("spark.driver.host", "127.0.0.1");
        p.setProperty("spark.driver.bindAddress", "127.0.0.1");
        conf = dir.resolve("s3.properties");
        try (var w = Files.newBufferedWriter(conf)) {
            p.store(w, null);
        }
        csv = new SyntheticFeatures(List.of("blues", "jazz", "rock"), 8, 2, 3).writeCsv(dir.resolve("segments.csv"));
        // train's own session, started once: the commands below join it (one Spark start, not three)
        spark = TrainJob.session("S3ModelFolderTest", "local[2]", new SparkConfFile().file(conf));
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void trainWritesTheModelFolderThroughTheMagicCommitterAndItClassifies() throws Exception {
        String model = "s3a://" + BUCKET + "/genre/v1";
        CliRun train = CliRun.of("train", "--features", csv.toString(), "--output", model, "--models", "knn",
                "--folds", "2", "--grid", "quick", "--test-fraction", "0", "--track-comparison", "off",
                "--conf", conf.toString());
        assertEquals(0, train.exitCode(), train.transcript());

        List<String> keys = s3.list("genre/v1/");
        List<String> successes = keys.stream().filter(k -> k.endsWith("/_SUCCESS")).toList();
        assertTrue(successes.contains("genre/v1/metadata/_SUCCESS"), keys.toString());
        assertTrue(successes.stream().anyMatch(k -> k.matches("genre/v1/stages/[^/]+/data/_SUCCESS")), keys.toString());
        for (String key : successes) {
            String manifest = new String(s3.get(key), StandardCharsets.UTF_8);
            Matcher m = COMMITTER.matcher(manifest);
            assertTrue(m.find(), key + " is not S3A's manifest (the classic committer's is empty): '" + manifest + "'");
            assertEquals("magic", m.group(1), key);
            String folder = key.substring(0, key.length() - "_SUCCESS".length());
            assertTrue(keys.stream().anyMatch(k -> k.startsWith(folder + "part-") && manifest.contains(k)),
                    key + " names the part file it committed: " + manifest);
        }
        assertTrue(keys.stream().noneMatch(k -> k.contains("__magic") || k.contains("_temporary")),
                "nothing left of the uploads in progress: " + keys);
        assertTrue(keys.contains("genre/v1/model-card.json"), keys.toString());

        // what genrelake evaluate runs: the model loaded back from S3 classifies every track of the table
        EvaluationResult result = new ModelEvaluation(spark).evaluate(model, csv.toString(), null);
        assertEquals(24, result.confusion().total());
        assertTrue(result.metrics().accuracy() > 0.5, "better than chance (1/3): " + result.metrics().accuracy());
    }

    @Test
    void localAndHdfsOutputsKeepTheClassicCommitter() throws Exception {
        MiniDFSCluster hdfs = InProcessHdfs.start(dir.resolve("hdfs"));
        try {
            assertEquals(S3Committers.SETTINGS.get(S3Committers.COMMIT_PROTOCOL),
                    spark.conf().get(S3Committers.COMMIT_PROTOCOL), "the same session settings as train's");
            var rows = spark.createDataset(List.of("a", "b", "c"), Encoders.STRING()).toDF("value");
            for (String root : List.of(dir.resolve("local").toUri().toString(), hdfs.getURI() + "/classic")) {
                // MLlib's two formats: text (metadata) and Parquet (model numbers)
                rows.write().text(root + "/text");
                rows.write().parquet(root + "/parquet");
                for (String format : List.of("text", "parquet")) {
                    org.apache.hadoop.fs.Path success = new org.apache.hadoop.fs.Path(root + "/" + format + "/_SUCCESS");
                    FileSystem fs = success.getFileSystem(spark.sparkContext().hadoopConfiguration());
                    assertTrue(fs.exists(success), success.toString());
                    assertEquals(0, fs.getFileStatus(success).getLen(), success + ": FileOutputCommitter's empty marker");
                }
                assertEquals(List.of("a", "b", "c"),
                        spark.read().text(root + "/text").orderBy("value").as(Encoders.STRING()).collectAsList());
                assertEquals(3, spark.read().parquet(root + "/parquet").count());
            }
        } finally {
            hdfs.shutdown();
        }
    }
}
