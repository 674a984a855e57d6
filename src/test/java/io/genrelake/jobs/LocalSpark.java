package io.genrelake.jobs;

import io.genrelake.tables.DeltaSession;
import org.apache.spark.sql.SparkSession;

/** The SparkSession of a test class: local[2], no UI, quiet logs. Start once per class, stop after it. */
public final class LocalSpark {

    private LocalSpark() {}

    public static SparkSession start() {
        SparkSession spark = DeltaSession.configure(SparkSession.builder(), "local[2]")
                .appName("genrelake-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        SparkLogLevels.quietSpark();
        return spark;
    }
}
