package io.genrelake.genres;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The {@code current} table: the latest row of each track over the genre table's partitions — the newest
 * run date, then the latest classification time, then the path (only to make ties deterministic). A
 * track deleted from the catalogue keeps its {@code deleted} row; one that comes back gets a new row.
 */
public final class CurrentView {

    private CurrentView() {}

    /** The latest row per track of {@code rows} (genre-table rows, any number of runs). */
    public static Dataset<Row> latest(Dataset<Row> rows) {
        var byTrack = Window.partitionBy(GenreTable.TRACK_ID).orderBy(col(GenreTable.RUN_DATE).desc(),
                col(GenreTable.CLASSIFIED_AT).desc(), col(GenreTable.PATH));
        return rows.withColumn("_rank", row_number().over(byTrack)).filter(col("_rank").equalTo(1)).drop("_rank");
    }

    /** {@code rows} with the genre table's columns in its order and types (as read back from Parquet). */
    public static Dataset<Row> conform(Dataset<Row> rows) {
        java.util.Set<String> present = java.util.Set.of(rows.columns());
        // Columns added since a table was written (tag_genre, tag_disagrees) read as null there.
        Column[] columns = Arrays.stream(GenreTable.SCHEMA.fields())
                .map(f -> (present.contains(f.name()) ? col(f.name()) : org.apache.spark.sql.functions.lit(null))
                        .cast(f.dataType()).as(f.name())).toArray(Column[]::new);
        return rows.select(columns);
    }
}
