package io.genrelake.jobs;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.spark.SparkConf;
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

    /** Sets every property of the file on {@code conf} (values stripped of trailing blanks); returns it. */
    public SparkConf applyTo(SparkConf conf) throws IOException {
        Properties props = read();
        for (String key : props.stringPropertyNames()) {
            conf.set(key, props.getProperty(key).strip());
        }
        return conf;
    }
}
