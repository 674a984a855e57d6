package io.genrelake.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil$;
import picocli.CommandLine.Option;

/**
 * The {@code --conf FILE} option, one definition mixed into every command that starts Spark (extract, classify,
 * nightly, train, evaluate, show), so its name, help text and meaning cannot differ between them.
 */
public final class SparkConfFile {

    @Option(names = "--conf", paramLabel = "FILE",
            description = "A properties file of Spark settings (spark.*; Hadoop's as spark.hadoop.*, e.g. "
                    + "spark.hadoop.fs.s3a.endpoint), applied over spark-submit's; --master wins over it. "
                    + "See conf/local.properties; nightly also reads its own options from it as "
                    + "genrelake.<option> keys (conf/nightly.conf). Default: none.")
    private Path file;

    /** The file given, or null. */
    public Path file() {
        return file;
    }

    public SparkConfFile file(Path value) {
        this.file = value;
        return this;
    }

    /** The file's properties, empty when no file was given. */
    public Properties read() throws IOException {
        Properties props = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(file)) {
                props.load(in);
            } catch (IOException e) { // the JDK's message is the bare path: say which option named it
                throw new IOException("cannot read --conf " + file + " (" + e.getClass().getSimpleName() + ")", e);
            }
        }
        return props;
    }

    /**
     * The Spark settings a session started now would get: spark-submit's (the {@code spark.*} system properties),
     * then this file's over them, as {@link #applyTo} sets them on a new {@code SparkConf}. Built without a
     * {@code SparkConf}, whose first use looks up the host's address (a warning on a machine whose name resolves to
     * loopback): for a command that may not start Spark at all.
     */
    public Map<String, String> settings() throws IOException {
        Map<String, String> settings = new TreeMap<>();
        Properties system = System.getProperties();
        for (String key : system.stringPropertyNames()) {
            if (key.startsWith("spark.")) {
                settings.put(key, system.getProperty(key));
            }
        }
        Properties props = read();
        for (String key : props.stringPropertyNames()) {
            settings.put(key, props.getProperty(key).strip());
        }
        return settings;
    }

    /**
     * The Hadoop configuration a SparkSession started with {@code settings} ({@link #settings()}) would have, without
     * starting one: Hadoop's defaults and site files, the AWS credentials and endpoint of the environment
     * ({@code AWS_ACCESS_KEY_ID}, … through Spark's own code for them), every {@code spark.hadoop.*} setting without
     * its prefix, and Spark's {@code io.file.buffer.size}.
     */
    public static Configuration hadoopConfiguration(Map<String, String> settings) {
        Configuration hadoop = new Configuration();
        SparkHadoopUtil$.MODULE$.appendS3CredentialsFromEnvironment(hadoop, System.getenv("AWS_ENDPOINT_URL"),
                System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"),
                System.getenv("AWS_SESSION_TOKEN"));
        settings.forEach((key, value) -> {
            if (key.startsWith(HADOOP_PREFIX)) {
                hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
            }
        });
        hadoop.set("io.file.buffer.size", settings.getOrDefault("spark.buffer.size", SPARK_BUFFER_SIZE));
        return hadoop;
    }

    private static final String HADOOP_PREFIX = "spark.hadoop.";

    /** Spark's default {@code spark.buffer.size}, which it gives Hadoop as {@code io.file.buffer.size}. */
    private static final String SPARK_BUFFER_SIZE = "65536";

    /** Sets every property of the file on {@code conf} (values stripped of trailing blanks); returns it. */
    public SparkConf applyTo(SparkConf conf) throws IOException {
        Properties props = read();
        for (String key : props.stringPropertyNames()) {
            conf.set(key, props.getProperty(key).strip());
        }
        return conf;
    }
}
