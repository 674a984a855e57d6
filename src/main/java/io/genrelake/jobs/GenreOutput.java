package io.genrelake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.genrelake.genres.CurrentView;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.Publication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The output side shared by classify and nightly: {@code <output>/genres/run_date=D} (this run's rows)
 * and {@code <output>/current} (the latest row per track), both first written to
 * {@code <output>/_staging/<run id>/} and published by the caller's {@link Publication}.
 *
 * <p>The run's partition is written as plain Parquet into the partition's own folder, never through
 * Spark's dynamic partition overwrite: a run replaces exactly its date, and publishing is one rename.
 * {@code current} is the previous {@code current} plus this run's rows, latest per track; when the
 * previous one already holds rows of this date or later (a rerun, or a backfill) it is rebuilt from
 * the whole genre table instead, so a rerun replaces its rows rather than stacking on them.
 */
final class GenreOutput {

    private final SparkSession spark;
    private final Path output;
    private final String runDate;
    private final Path staging;

    GenreOutput(SparkSession spark, String output, String runDate, String runId) throws IOException {
        this.spark = spark;
        Path out = new Path(output);
        this.output = out.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(out);
        this.runDate = runDate;
        this.staging = new Path(this.output, "_staging/" + runDate + "-" + runId);
    }

    Path genres() {
        return new Path(output, "genres");
    }

    Path current() {
        return new Path(output, "current");
    }

    private Path stagedGenres() {
        return new Path(staging, "genres");
    }

    private Path stagedCurrent() {
        return new Path(staging, "current");
    }

    /** The key of {@link #stageGenres}' count of rows whose tags have a genre of the taxonomy. */
    static final String TAGGED = GenreTable.TAG_GENRE;
    /** The key of {@link #stageGenres}' count of rows whose tag genre the model disputes. */
    static final String DISAGREEING = GenreTable.TAG_DISAGREES;

    /**
     * Writes this run's rows (genre-table rows of this date) to staging; returns the row count by status, and of rows
     * with a tag genre ({@link #TAGGED}) and with {@code tag_disagrees} ({@link #DISAGREEING}).
     */
    Map<String, Long> stageGenres(Dataset<Row> rows) {
        Dataset<Row> file = rows.drop(GenreTable.RUN_DATE);
        file.write().mode(SaveMode.Overwrite).parquet(stagedGenres().toString());
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of(GenreTable.STATUS_OK, GenreTable.STATUS_UNCERTAIN, GenreTable.STATUS_ERROR,
                GenreTable.STATUS_DELETED)) {
            counts.put(s, 0L);
        }
        long tagged = 0;
        long disagreeing = 0;
        for (Row r : staged().groupBy(col(GenreTable.STATUS), col(GenreTable.TAG_GENRE).isNotNull(),
                col(GenreTable.TAG_DISAGREES).eqNullSafe(true)).count().collectAsList()) {
            counts.merge(r.getString(0), r.getLong(3), Long::sum);
            tagged += r.getBoolean(1) ? r.getLong(3) : 0;
            disagreeing += r.getBoolean(2) ? r.getLong(3) : 0;
        }
        counts.put(TAGGED, tagged);
        counts.put(DISAGREEING, disagreeing);
        return counts;
    }

    /** The staged rows, read back with their run date. */
    Dataset<Row> staged() {
        return CurrentView.conform(spark.read().parquet(stagedGenres().toString())
                .withColumn(GenreTable.RUN_DATE, lit(Date.valueOf(runDate))));
    }

    /** Writes the new {@code current} to staging; returns whether it was rebuilt from the whole table. */
    boolean stageCurrent() throws IOException {
        FileSystem fs = fs();
        boolean rebuild = false;
        Dataset<Row> base = null;
        if (fs.exists(current())) {
            Dataset<Row> previous = CurrentView.conform(spark.read().parquet(current().toString()));
            Row newest = previous.agg(max(col(GenreTable.RUN_DATE))).first();
            rebuild = !newest.isNullAt(0) && !newest.getDate(0).toLocalDate().isBefore(Date.valueOf(runDate).toLocalDate());
            base = previous;
        }
        if (rebuild || (base == null && fs.exists(genres()))) {
            base = CurrentView.conform(spark.read().parquet(genres().toString()))
                    .filter(col(GenreTable.RUN_DATE).notEqual(lit(Date.valueOf(runDate))));
        }
        Dataset<Row> rows = base == null ? staged() : base.unionByName(staged());
        CurrentView.latest(rows).write().mode(SaveMode.Overwrite).parquet(stagedCurrent().toString());
        return rebuild;
    }

    /** A small file (the run summary) inside the staged partition; Spark skips names starting with _. */
    void writeSummary(String json) throws IOException {
        try (OutputStream out = fs().create(new Path(stagedGenres(), "_summary.json"), true)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The moves that publish the staged tables: the partition first, then current. */
    List<Publication.Move> moves() {
        return List.of(
                new Publication.Move(stagedGenres().toString(),
                        new Path(genres(), GenreTable.partitionName(runDate)).toString()),
                new Publication.Move(stagedCurrent().toString(), current().toString()));
    }

    /** Deletes what is left of the staging folder (after publishing, or after a failure). */
    void cleanUp() {
        try {
            fs().delete(staging, true);
        } catch (IOException e) {
            // Left behind, it is only garbage under _staging; the next run does not read it.
        }
    }

    /** Deletes every run's staging folder under the output (for a caller that knows no other run is going). */
    void deleteAllStaging() throws IOException {
        fs().delete(staging.getParent(), true);
    }

    Path staging() {
        return staging;
    }

    private FileSystem fs() throws IOException {
        return output.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}
