package io.genrelake.ml;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.genrelake.tables.Table;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * {@code train --labels-from tags}: a feature table's labels taken from its files' tags instead of a labels CSV. The
 * label is the {@link TagGenres} verdict on {@code tag_genres} (tracks with no, unmapped or conflicting genres get
 * none and are left out like unlabelled ones), the artist and album those of the tags ({@code tag_artist},
 * {@code tag_album}; a labels CSV's when the tag has none), so folds grouped by artist group by the tagged artist.
 */
public final class TagLabels {

    private static final String TAG_GENRES = "tag_genres";
    private static final String TAG_ARTIST = "tag_artist";
    private static final String TAG_ALBUM = "tag_album";

    private TagLabels() {}

    /** The table with label, artist and album from its tags; refuses a table without tag columns. */
    static Dataset<Row> label(Dataset<Row> table, String uri, TagGenres map) {
        List<String> columns = Arrays.asList(table.columns());
        if (!columns.contains(TAG_GENRES)) {
            throw new TrainingDataException(uri + ": no tag columns (tag_genres, tag_artist …): extract the audio "
                    + "again with this version to read its tags, or train on the label column (--labels-from labels)");
        }
        UserDefinedFunction genre = functions.udf((UDF1<Seq<String>, String>) values -> map.judge(
                values == null ? List.of() : CollectionConverters.asJava(values)).genre(), DataTypes.StringType);
        Dataset<Row> out = table.withColumn(TrainingTable.LABEL, genre.apply(col(TAG_GENRES)));
        out = out.withColumn(TrainingTable.ARTIST, preferTag(columns, TAG_ARTIST, TrainingTable.ARTIST));
        return out.withColumn(TrainingTable.ALBUM, preferTag(columns, TAG_ALBUM, TrainingTable.ALBUM));
    }

    private static Column preferTag(List<String> columns, String tag, String fallback) {
        Column tagged = when(trim(col(tag)).notEqual(""), col(tag));
        return columns.contains(fallback) ? coalesce(tagged, col(fallback).cast("string")) : tagged;
    }

    /** {@link #tally(Dataset, TagGenres)} of the feature table at {@code uri}: its current version, if Delta. */
    public static GenreTally tally(SparkSession spark, String uri, TagGenres map) {
        return tally(Table.readAny(spark, uri), map);
    }

    /** The usable tracks (status ok) of a table by their tag genres, before and after the map. */
    public static GenreTally tally(Dataset<Row> table, TagGenres map) {
        GenreTally tally = new GenreTally(map);
        if (!Arrays.asList(table.columns()).contains(TAG_GENRES)) {
            return tally;
        }
        Dataset<Row> tracks = table.filter(col("status").equalTo("ok").and(col("window").equalTo(0)));
        for (Row r : tracks.groupBy(col(TAG_GENRES)).agg(count(lit(1))).collectAsList()) {
            tally.add(r.isNullAt(0) ? List.of() : r.getList(0), r.getLong(1));
        }
        return tally;
    }
}
