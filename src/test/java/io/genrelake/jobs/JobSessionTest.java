package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which settings a job's session gets, without starting one. */
class JobSessionTest {

    @Test
    void localModeWithEveryCoreWhenNothingNamesAMaster() throws IOException {
        SparkConf conf = JobSession.sparkConf("app", new ExtractOptions());
        assertEquals("local[*]", conf.get("spark.master"));
        assertEquals("app", conf.get("spark.app.name"));
    }

    @Test
    void theConfFileAppliesAndMasterOverridesIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("spark.properties"), """
                # comments and blank lines are fine

                spark.master = local[3]
                spark.hadoop.fs.s3a.path.style.access = true
                spark.app.name = nightly
                """);
        SparkConf fromFile = JobSession.sparkConf("app", new ExtractOptions().confFile(file));
        assertEquals("local[3]", fromFile.get("spark.master"));
        assertEquals("true", fromFile.get("spark.hadoop.fs.s3a.path.style.access"));
        assertEquals("nightly", fromFile.get("spark.app.name"));

        SparkConf overridden = JobSession.sparkConf("app", new ExtractOptions().confFile(file).master("local[1]"));
        assertEquals("local[1]", overridden.get("spark.master"));
    }

    @Test
    void theShippedLocalConfLoads() throws IOException {
        Path shipped = Path.of("conf/local.properties");
        SparkConf conf = JobSession.sparkConf("app", new ExtractOptions().confFile(shipped));
        assertEquals("local[*]", conf.get("spark.master"));
    }
}
