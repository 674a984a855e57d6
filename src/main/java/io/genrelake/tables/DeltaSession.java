package io.genrelake.tables;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The settings a SparkSession needs for Delta tables: Delta's SQL extension (MERGE, {@code DESCRIBE HISTORY},
 * {@code VERSION AS OF}) and its catalog for {@code spark_catalog}. Path-based tables need nothing else. Set
 * before the session starts (both are static settings); a value given by the user is kept.
 */
public final class DeltaSession {

    public static final String EXTENSIONS = "spark.sql.extensions";
    public static final String EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
    public static final String CATALOG = "spark.sql.catalog.spark_catalog";
    public static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

    private DeltaSession() {}

    /** {@code conf} with Delta's extension added to any the user set, and Delta's catalog unless one is set. */
    public static SparkConf configure(SparkConf conf) {
        String ext = conf.get(EXTENSIONS, "");
        if (!ext.contains(EXTENSION)) {
            conf.set(EXTENSIONS, ext.isBlank() ? EXTENSION : ext + "," + EXTENSION);
        }
        conf.setIfMissing(CATALOG, DELTA_CATALOG);
        return conf;
    }

    /** A builder with the same settings (tests and tools that build their own session). */
    public static SparkSession.Builder configure(SparkSession.Builder builder) {
        return builder.config(EXTENSIONS, EXTENSION).config(CATALOG, DELTA_CATALOG);
    }
}
