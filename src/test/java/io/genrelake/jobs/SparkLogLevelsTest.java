package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
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
}
