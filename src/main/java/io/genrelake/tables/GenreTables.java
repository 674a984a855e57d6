package io.genrelake.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import io.genrelake.genres.CurrentView;
import io.genrelake.genres.GenreTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables of a classify or nightly output ({@code --output}), both Delta:
 * <pre>
 *   &lt;output&gt;/genres    every run's rows, partitioned by run_date (the history; {@link GenreTable#SCHEMA})
 *   &lt;output&gt;/current   the latest row per track ({@link CurrentView})
 * </pre>
 * A run replaces its own date's rows in {@code genres} (so a retry or rerun never doubles them), then
 * merges its latest row per track into {@code current} on {@code track_id}. When {@code current} already
 * holds rows of this date or later (a retry after the merge, a rerun, a backfill), a merge would keep rows
 * the rerun no longer produces, so {@code current} is rebuilt from {@code genres} instead — also one commit.
 */
public final class GenreTables {

    public static final String GENRES_DIR = "genres";
    public static final String CURRENT_DIR = "current";

    /** The key of {@link Committed#counts()}' count of rows whose tags have a genre of the taxonomy. */
    public static final String TAGGED = GenreTable.TAG_GENRE;
    /** The key of {@link Committed#counts()}' count of rows whose tag genre the model disputes. */
    public static final String DISAGREEING = GenreTable.TAG_DISAGREES;

    /**
     * What a commit produced: the two tables' versions and the run's rows by status, with the rows that have a
     * tag genre ({@link #TAGGED}) and those with {@code tag_disagrees} ({@link #DISAGREEING}).
     */
    public record Committed(long genresVersion, long currentVersion, boolean currentRebuilt, Map<String, Long> counts) {}

    private final Table genres;
    private final Table current;

    public GenreTables(SparkSession spark, String output) {
        this.genres = new Table(spark, new Path(output, GENRES_DIR).toString());
        this.current = new Table(spark, new Path(output, CURRENT_DIR).toString());
    }

    public Table genres() {
        return genres;
    }

    public Table current() {
        return current;
    }

    /** The output folder. */
    public String output() {
        return new Path(genres.uri()).getParent().toString();
    }

    /**
     * Commits one run: {@code rows} (genre-table rows, all of {@code runDate}) replace that date in
     * {@code genres}, then go into {@code current}. {@code note} names the run in the tables' history.
     */
    public Committed commit(Dataset<Row> rows, String runDate, String note) {
        return commit(rows, runDate, note, table -> { });
    }

    /** As {@link #commit(Dataset, String, String)}; {@code afterCommit} hears {@code genres}, then {@code current}. */
    public Committed commit(Dataset<Row> rows, String runDate, String note, Consumer<String> afterCommit) {
        String thisDate = GenreTable.RUN_DATE + " = DATE'" + runDate + "'";
        long gv = genres.replaceWhere(CurrentView.conform(rows), thisDate, note, GenreTable.RUN_DATE);
        afterCommit.accept(GENRES_DIR);
        Dataset<Row> committed = genres.readVersion(gv).where(thisDate);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of(GenreTable.STATUS_OK, GenreTable.STATUS_UNCERTAIN, GenreTable.STATUS_ERROR,
                GenreTable.STATUS_DELETED)) {
            counts.put(s, 0L);
        }
        long tagged = 0;
        long disagreeing = 0;
        for (Row r : committed.groupBy(col(GenreTable.STATUS), col(GenreTable.TAG_GENRE).isNotNull(),
                col(GenreTable.TAG_DISAGREES).eqNullSafe(true)).count().collectAsList()) {
            counts.merge(r.getString(0), r.getLong(3), Long::sum);
            tagged += r.getBoolean(1) ? r.getLong(3) : 0;
            disagreeing += r.getBoolean(2) ? r.getLong(3) : 0;
        }
        counts.put(TAGGED, tagged);
        counts.put(DISAGREEING, disagreeing);
        boolean rebuild = !current.exists() || newestDate(current.read()).compareTo(runDate) >= 0;
        long cv = rebuild
                ? current.overwrite(CurrentView.latest(genres.readVersion(gv)), note)
                : current.merge(CurrentView.latest(committed), GenreTable.TRACK_ID, note);
        afterCommit.accept(CURRENT_DIR);
        return new Committed(gv, cv, rebuild, counts);
    }

    /** The newest run date in genre rows, as ISO text ("" when there are none). */
    private static String newestDate(Dataset<Row> rows) {
        Row newest = rows.agg(max(col(GenreTable.RUN_DATE))).first();
        return newest.isNullAt(0) ? "" : newest.getDate(0).toLocalDate().toString();
    }
}
