package io.genrelake.tables;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The settings a SparkSession needs for Delta tables: Delta's SQL extension (MERGE, {@code DESCRIBE HISTORY},
 * {@code VERSION AS OF}) and its catalog for {@code spark_catalog}. Path-based tables need nothing else. Set
 * before the session starts (both are static settings); a value given by the user is kept.
 *
 * <p>On a local master Delta's snapshot is rebuilt in as many partitions as the master has cores rather than
 * Delta's 50 ({@value #SNAPSHOT_PARTITIONS}): each commit and read of a small table re-reads the log that way, and
 * on local[2] the 50 tasks cost half of an unchanged night's time (bench-nightly: 16.3 s → 8.4 s;
 * docs/benchmarks.md). A cluster keeps Delta's default, which suits the large logs of a large catalogue.
 */
public final class DeltaSession {

    public static final String EXTENSIONS = "spark.sql.extensions";
    public static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    public static final String CATALOG = "spark.sql.catalog.spark_catalog";
    public static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

    public static final String SNAPSHOT_PARTITIONS = "spark.databricks.delta.snapshotPartitions";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[([0-9]+|\\*)(?:\\s*,\\s*[0-9]+)?\\])?");

    private DeltaSession() {}

    /** The cores of a local master ({@code local}, {@code local[N]}, {@code local[*]}, {@code local[N,F]}); 0 otherwise. */
    static int localCores(String master) {
        Matcher m = LOCAL.matcher(master == null ? "" : master.strip());
        if (!m.matches()) {
            return 0;
        }
        if (m.group(1) == null) {
            return 1;
        }
        return m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1));
    }

    /** {@code conf} with Delta's extension added to any the user set, and Delta's catalog unless one is set. */
    public static SparkConf configure(SparkConf conf) {
        String ext = conf.get(EXTENSIONS, "");
        if (!ext.contains(EXTENSION)) {
            conf.set(EXTENSIONS, ext.isBlank() ? EXTENSION : ext + "," + EXTENSION);
        }
        conf.setIfMissing(CATALOG, DELTA_CATALOG);
        int cores = localCores(conf.get("spark.master", ""));
        if (cores > 0) {
            conf.setIfMissing(SNAPSHOT_PARTITIONS, String.valueOf(cores));
        }
        return conf;
    }

    /**
     * A builder with the same settings for a session on {@code master} (tests and tools that build their own
     * session).
     */
    public static SparkSession.Builder configure(SparkSession.Builder builder, String master) {
        builder.master(master).config(EXTENSIONS, EXTENSION).config(CATALOG, DELTA_CATALOG);
        int cores = localCores(master);
        return cores > 0 ? builder.config(SNAPSHOT_PARTITIONS, cores) : builder;
    }
}
