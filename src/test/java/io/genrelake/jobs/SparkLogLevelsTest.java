package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationFactory;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class SparkLogLevelsTest {

    @Test
    void theHarmlessWarningsAreKeptToErrors() {
        SparkLogLevels.quietSpark();
        assertEquals(Level.ERROR, LogManager.getLogger("org.apache.hadoop.util.NativeCodeLoader").getLevel());
        assertEquals(Level.ERROR, LogManager.getLogger("org.apache.spark.util.SparkStringUtils").getLevel());
        assertEquals(Level.WARN, LogManager.getLogger("org.apache.hadoop.fs.FileSystem").getLevel());
    }

    /** spark-submit runs read conf/log4j2.properties instead: it must quiet the same loggers. */
    @Test
    void theClusterConfigurationQuietsTheSameWarnings() throws IOException {
        Properties conf = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("conf/log4j2.properties"))) {
            conf.load(in);
        }
        Map<String, Level> levels = new HashMap<>();
        for (String key : conf.stringPropertyNames()) {
            if (key.startsWith("logger.") && key.endsWith(".name")) {
                String prefix = key.substring(0, key.length() - ".name".length());
                levels.put(conf.getProperty(key), Level.toLevel(conf.getProperty(prefix + ".level")));
            }
        }
        SparkLogLevels.HARMLESS_WARNINGS.forEach((name, level) ->
                assertEquals(level, levels.get(name), name + " in conf/log4j2.properties"));
    }

    /**
     * Spark's large-task-binary warning and Delta Kernel's missing-checkpoint warning are dropped by their message,
     * their loggers' other warnings kept.
     */
    @Test
    void theLargeTaskBinaryWarningIsDroppedOnTheCommandLineAndUnderSparkSubmit() {
        assertDropsOnlyTheHarmlessMessages(SparkLogLevels.commandLineConfiguration());
        Configuration cluster = ConfigurationFactory.getInstance().getConfiguration(new LoggerContext("cluster"),
                "cluster", Path.of("conf/log4j2.properties").toUri());
        cluster.initialize();
        assertDropsOnlyTheHarmlessMessages(cluster);
    }

    private static void assertDropsOnlyTheHarmlessMessages(Configuration config) {
        Map<String, List<String>> droppedAndKept = Map.of(
                "org.apache.spark.scheduler.DAGScheduler",
                List.of("Broadcasting large task binary with size 1101.5 KiB", "Job 3 failed: count at Trainer.java:120"),
                "io.delta.kernel.internal.snapshot.SnapshotManager",
                List.of("Cannot find a complete checkpoint. Listing from version 0.",
                        "Checkpoint file 00000000000000000010.checkpoint.parquet is missing"));
        assertEquals(droppedAndKept.keySet(), SparkLogLevels.HARMLESS_MESSAGES.keySet());
        SparkLogLevels.HARMLESS_MESSAGES.forEach((name, regex) -> {
            LoggerConfig logger = config.getLoggerConfig(name);
            assertEquals(name, logger.getName());
            assertEquals(Level.WARN, logger.getLevel());
            Filter filter = logger.getFilter();
            assertEquals(Filter.Result.DENY, filter.filter(null, Level.WARN, null,
                    new SimpleMessage(droppedAndKept.get(name).get(0)), null), name);
            assertEquals(Filter.Result.NEUTRAL, filter.filter(null, Level.WARN, null,
                    new SimpleMessage(droppedAndKept.get(name).get(1)), null), name);
        });
    }
}
