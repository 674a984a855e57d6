package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --conf} file's settings, over spark-submit's, and the Hadoop configuration Spark would make of them. */
class SparkConfFileTest {

    @TempDir
    Path dir;

    private static final List<String> SYSTEM = List.of("spark.hadoop.fs.s3a.endpoint",
            "spark.hadoop.fs.s3a.path.style.access", "spark.buffer.size");

    @AfterEach
    void clear() {
        SYSTEM.forEach(System::clearProperty);
    }

    private SparkConfFile file(String text) throws IOException {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, text);
        return new SparkConfFile().file(f);
    }

    @Test
    void theFilesSettingsWinOverSparkSubmitsAndAreStripped() throws IOException {
        System.setProperty("spark.hadoop.fs.s3a.endpoint", "http://submit:9000");
        System.setProperty("spark.hadoop.fs.s3a.path.style.access", "true");
        Map<String, String> settings = file(
                "spark.hadoop.fs.s3a.endpoint = http://file:9000  \nspark.executor.cores=2\n").settings();
        assertEquals("http://file:9000", settings.get("spark.hadoop.fs.s3a.endpoint"));
        assertEquals("true", settings.get("spark.hadoop.fs.s3a.path.style.access"));
        assertEquals("2", settings.get("spark.executor.cores"));
        assertFalse(settings.containsKey("java.home"), "only spark.* system properties");
    }

    @Test
    void theHadoopConfigurationIsTheOneSparkMakesOfTheSameSettings() throws IOException {
        System.setProperty("spark.hadoop.fs.s3a.path.style.access", "true");
        System.setProperty("spark.buffer.size", "131072");
        SparkConfFile conf = file("spark.hadoop.fs.s3a.endpoint=http://file:9000\n"
                + "spark.hadoop.ipc.client.connect.max.retries=0\nspark.executor.cores=2\n");
        Configuration ours = SparkConfFile.hadoopConfiguration(conf.settings());
        Configuration sparks = SparkHadoopUtil.get().newConfiguration(conf.applyTo(new SparkConf()));
        for (String key : List.of("fs.s3a.endpoint", "fs.s3a.path.style.access", "ipc.client.connect.max.retries",
                "io.file.buffer.size", "fs.s3a.access.key", "fs.defaultFS")) {
            assertEquals(sparks.get(key), ours.get(key), key);
        }
        assertEquals("http://file:9000", ours.get("fs.s3a.endpoint"));
        assertEquals("131072", ours.get("io.file.buffer.size"));
        assertTrue(ours.get("executor.cores") == null, "only spark.hadoop.* reaches Hadoop");
        System.clearProperty("spark.buffer.size");
        assertEquals(SparkHadoopUtil.get().newConfiguration(new SparkConf()).get("io.file.buffer.size"),
                SparkConfFile.hadoopConfiguration(new SparkConfFile().settings()).get("io.file.buffer.size"));
    }

    @Test
    void anUnreadableFileIsNamed() {
        IOException e = assertThrows(IOException.class,
                () -> new SparkConfFile().file(dir.resolve("missing.properties")).settings());
        assertTrue(e.getMessage().contains("--conf") && e.getMessage().contains("missing.properties"), e.getMessage());
    }
}
