package io.genrelake.catalogue;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The window length a feature table was cut into ({@code extract --window-seconds}), read back from its rows: the
 * table stores each window's {@code start_s} and {@code end_s}, not the option. A track's first window is a whole
 * one when the track has another after it, so the length is the most common first-window length of tracks with
 * several windows, in whole samples at 22050 Hz. A table whose every track is one window says nothing (the window
 * was at least as long as the tracks): null.
 */
public final class TableWindowLength {

    private TableWindowLength() {}

    /** The window length of {@code table}'s ok rows in seconds, or null when no track has two windows. */
    public static Double of(Dataset<Row> table) {
        List<String> columns = Arrays.asList(table.columns());
        if (!columns.containsAll(List.of(FeatureTable.TRACK_ID, FeatureTable.WINDOW, FeatureTable.START_S,
                FeatureTable.END_S))) {
            return null;
        }
        Dataset<Row> rows = columns.contains(FeatureTable.STATUS)
                ? table.filter(col(FeatureTable.STATUS).equalTo(FeatureTable.STATUS_OK)) : table;
        List<Row> modal = rows.groupBy(FeatureTable.TRACK_ID)
                .agg(count(lit(1)).as("windows"), max(when(col(FeatureTable.WINDOW).equalTo(0),
                        round(col(FeatureTable.END_S).minus(col(FeatureTable.START_S))
                                .multiply(WindowPlan.SAMPLE_RATE)).cast("long"))).as("samples"))
                .filter(col("windows").gt(1).and(col("samples").isNotNull()))
                .groupBy("samples").count().orderBy(col("count").desc(), col("samples").desc()).limit(1)
                .collectAsList();
        return modal.isEmpty() ? null : modal.get(0).getLong(0) / (double) WindowPlan.SAMPLE_RATE;
    }

    /**
     * A segmented Kaggle-layout table's window length: its rows' most common {@code length}, to the hundredth of a
     * second (Kaggle's 3-s segments hold 66149 samples, not 66150); null when no row has a length.
     */
    public static Double ofSegmentLengths(List<Long> lengths) {
        return lengths.stream().filter(n -> n > 0)
                .collect(Collectors.groupingBy(n -> Math.round(n * 100.0 / WindowPlan.SAMPLE_RATE),
                        Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<Long, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() / 100.0).orElse(null);
    }
}
