package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committer settings a session gets, and the conf files that spell them out (S3ModelFolderTest runs them). */
class S3CommittersTest {

    @Test
    void unsetKeysGetTheMagicCommitterAndTheUsersChoiceIsKept() throws Exception {
        SparkConf fresh = S3Committers.configure(new SparkConf(false));
        S3Committers.SETTINGS.forEach((key, value) -> assertEquals(value, fresh.get(key), key));
        SparkConf chosen = S3Committers.configure(new SparkConf(false).set(S3Committers.COMMITTER_NAME, "directory"));
        assertEquals("directory", chosen.get(S3Committers.COMMITTER_NAME));
        assertEquals(S3Committers.SETTINGS.get(S3Committers.COMMIT_PROTOCOL), chosen.get(S3Committers.COMMIT_PROTOCOL));
        for (String key : new String[] {S3Committers.S3A_FACTORY, S3Committers.COMMIT_PROTOCOL,
            S3Committers.PARQUET_COMMITTER}) {
            Class.forName(S3Committers.SETTINGS.get(key)); // hadoop-aws and spark-hadoop-cloud, in the job jar
        }
    }

    /** The cluster settings and the nightly's name the same committer as the code, so the two cannot drift. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"conf/nightly.conf", "conf/standalone.properties", "conf/yarn.properties",
        "conf/kubernetes.properties"})
    void confFilesSpellOutTheSameSettings(String file) throws Exception {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of(file))) {
            p.load(in);
        }
        S3Committers.SETTINGS.forEach((key, value) -> assertEquals(value, p.getProperty(key), file + " " + key));
    }
}
