package io.genrelake.ml;

import org.apache.spark.sql.SparkSession;

/** The small local SparkSession each Spark test class starts once (two cores, few shuffle partitions, no UI). */
public final class SparkTestSession {

    private SparkTestSession() {}

    public static SparkSession start(String name) {
        return io.genrelake.tables.DeltaSession.configure(SparkSession.builder(), "local[2]").appName(name)
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }
}
