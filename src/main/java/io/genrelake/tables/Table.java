package io.genrelake.tables;

import io.genrelake.catalogue.UriCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.DataFrameWriter;

/**
 * One path-based Delta table: each write is one atomic commit (a new version in {@code _delta_log}), readers
 * see the previous version until it lands, and every version stays readable ({@link #readVersion}) until
 * {@code VACUUM}. Writes merge new columns into the schema (other issues add genre columns), and carry a
 * {@code userMetadata} naming the run, shown by {@code DESCRIBE HISTORY}.
 */
public final class Table {

    /** The folder of Delta's transaction log inside a table. */
    public static final String LOG_DIR = "_delta_log";

    private final SparkSession spark;
    private final Path path;

    public Table(SparkSession spark, String uri) {
        if (UriCredentials.present(uri)) { // they would end up in the Delta log, the history and every message
            throw new IllegalArgumentException(UriCredentials.refusal(uri));
        }
        this.spark = spark;
        try {
            Path p = new Path(uri);
            this.path = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("no file system for " + uri, e);
        }
    }

    public String uri() {
        return path.toString();
    }

    /**
     * Whether a Delta table exists here: its log holds a commit (or a checkpoint). The log folder alone is not
     * enough: a driver killed during a table's first commit leaves {@code _delta_log} without a commit (on S3 a
     * folder marker), and Delta then answers "table doesn't exist" (found by NightlyCrashTest).
     */
    public boolean exists() {
        return exists(path, spark.sparkContext().hadoopConfiguration());
    }

    /** {@link #exists()} for the table at {@code path}, with no SparkSession (a reader without Spark). */
    static boolean exists(Path path, org.apache.hadoop.conf.Configuration hadoop) {
        Path log = new Path(path, LOG_DIR);
        try {
            FileSystem fs = log.getFileSystem(hadoop);
            for (FileStatus f : fs.listStatus(log)) {
                if (COMMIT_OR_CHECKPOINT.matcher(f.getPath().getName()).matches()) {
                    return true;
                }
            }
            return false;
        } catch (java.io.FileNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + log, e);
        }
    }

    /** A commit ({@code 00000000000000000000.json}) or a checkpoint file of Delta's log. */
    private static final java.util.regex.Pattern COMMIT_OR_CHECKPOINT =
            java.util.regex.Pattern.compile("\\d{20}\\.(json|checkpoint(\\..+)?\\.parquet)");

    /** Whether anything (a Delta table or a folder of the earlier Parquet layout) is here. */
    public boolean folderExists() {
        return exists(path);
    }

    private boolean exists(Path p) {
        try {
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + p, e);
        }
    }

    /** The latest version. */
    public Dataset<Row> read() {
        return spark.read().format("delta").load(uri());
    }

    /** Version {@code version} (time travel; SQL: {@code SELECT * FROM delta.`uri` VERSION AS OF n}). */
    public Dataset<Row> readVersion(long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(uri());
    }

    /** The latest committed version, or -1 when there is no table. */
    public long version() {
        if (!exists()) {
            return -1;
        }
        return io.delta.tables.DeltaTable.forPath(spark, uri()).history(1).select("version").first().getLong(0);
    }

    /** The commits, newest first: version, timestamp, operation, userMetadata, … ({@code DESCRIBE HISTORY}). */
    public Dataset<Row> history() {
        return io.delta.tables.DeltaTable.forPath(spark, uri()).history();
    }

    /** Appends {@code rows}; returns the new version. */
    public long append(Dataset<Row> rows, String note, String... partitionBy) {
        writer(rows, note, partitionBy).mode(SaveMode.Append).save(uri());
        return version();
    }

    /**
     * Replaces the rows matching {@code condition} (SQL) with {@code rows}, all of which must match it, in one
     * commit: a rerun of the same run replaces its own rows instead of adding to them.
     */
    public long replaceWhere(Dataset<Row> rows, String condition, String note, String... partitionBy) {
        writer(rows, note, partitionBy).mode(SaveMode.Overwrite).option("replaceWhere", condition).save(uri());
        return version();
    }

    /** Replaces every row, and the schema, with {@code rows} in one commit (earlier versions stay readable). */
    public long overwrite(Dataset<Row> rows, String note, String... partitionBy) {
        DataFrameWriter<Row> w = rows.write().format("delta").option("overwriteSchema", "true")
                .option("userMetadata", note);
        (partitionBy.length == 0 ? w : w.partitionBy(partitionBy)).mode(SaveMode.Overwrite).save(uri());
        return version();
    }

    /**
     * A feature or genre table at {@code uri} whatever its format: the latest version of a Delta table, or the
     * files of a plain Parquet folder (the earlier layout, or a table copied out of Delta).
     */
    public static Dataset<Row> readAny(SparkSession spark, String uri) {
        Table t = new Table(spark, uri);
        return t.exists() ? t.read() : spark.read().parquet(uri);
    }

    /**
     * Upserts {@code rows} on {@code key}: a matching row is replaced by the source's, others are inserted; one
     * commit, which rewrites only the files holding matched rows.
     */
    public long merge(Dataset<Row> rows, String key, String note) {
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", note);
        try {
            io.delta.tables.DeltaTable.forPath(spark, uri()).as("t")
                    .merge(rows.as("s"), new Column("t." + key).equalTo(new Column("s." + key)))
                    .whenMatched().updateAll()
                    .whenNotMatched().insertAll()
                    .withSchemaEvolution()
                    .execute();
        } finally {
            spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
        }
        return version();
    }

    /** Deletes the rows matching {@code condition} (SQL) in one commit. */
    public long delete(String condition, String note) {
        spark.conf().set("spark.databricks.delta.commitInfo.userMetadata", note);
        try {
            io.delta.tables.DeltaTable.forPath(spark, uri()).delete(condition);
        } finally {
            spark.conf().unset("spark.databricks.delta.commitInfo.userMetadata");
        }
        return version();
    }

    private DataFrameWriter<Row> writer(Dataset<Row> rows, String note, String... partitionBy) {
        DataFrameWriter<Row> w = rows.write().format("delta").options(Map.of("mergeSchema", "true",
                "userMetadata", note));
        return partitionBy.length == 0 ? w : w.partitionBy(partitionBy);
    }

    @Override
    public String toString() {
        return uri();
    }
}
