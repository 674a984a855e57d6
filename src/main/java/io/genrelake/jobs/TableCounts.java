package io.genrelake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.genrelake.catalogue.FeatureTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a written feature table holds, counted from the table itself (not from counters kept during the
 * run, which a retried task would count twice), in one small aggregation.
 *
 * @param windowsOk     rows of usable audio files (clips)
 * @param filesOk       audio files with rows
 * @param filesError    audio files with an error row
 * @param kaggleRows    rows ingested from Kaggle tables
 * @param audioSeconds  total duration of the usable audio files
 * @param errorsByKind  error rows by {@linkplain io.genrelake.catalogue.ErrorReason#kindOf kind}, most first
 */
public record TableCounts(long windowsOk, long filesOk, long filesError, long kaggleRows, double audioSeconds,
        Map<String, Long> errorsByKind) {

    public static TableCounts of(Dataset<Row> table) {
        Column firstWindow = col(FeatureTable.WINDOW).equalTo(0);
        // One row per (status, Kaggle or not, error kind): a handful of rows, whatever the table's size.
        List<Row> groups = table
                .groupBy(col(FeatureTable.STATUS).as("status"),
                        col(FeatureTable.CODEC).eqNullSafe(FeatureTable.KAGGLE_CODEC).as("kaggle"),
                        trim(substring_index(col(FeatureTable.ERROR), ":", 1)).as("kind"))
                .agg(count(lit(1)).as("rows"),
                        count(when(firstWindow, lit(1))).as("tracks"),
                        sum(when(firstWindow, col(FeatureTable.DURATION_S)).otherwise(0.0)).as("seconds"))
                .orderBy(col("rows").desc(), col("kind"))
                .collectAsList();
        long windows = 0;
        long filesOk = 0;
        long filesError = 0;
        long kaggle = 0;
        double seconds = 0;
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (Row g : groups) {
            long rows = g.getLong(3);
            if (g.getBoolean(1)) {
                kaggle += rows;
            } else if (FeatureTable.STATUS_OK.equals(g.getString(0))) {
                windows += rows;
                filesOk += g.getLong(4); // every usable file has exactly one window 0
                seconds += g.isNullAt(5) ? 0 : g.getDouble(5);
            } else {
                filesError += rows;
                byKind.merge(g.getString(2), rows, Long::sum);
            }
        }
        return new TableCounts(windows, filesOk, filesError, kaggle, seconds, byKind);
    }
}
