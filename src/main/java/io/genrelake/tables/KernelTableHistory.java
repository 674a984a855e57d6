package io.genrelake.tables;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;

/**
 * A Delta table's commits read in this JVM through Delta Kernel, for {@code genrelake show --history}: the columns
 * {@code show} prints of Spark's {@code DeltaTable.history()} — version, timestamp, operation, operationParameters,
 * userMetadata — newest first, with Spark's values, in 2–3 s instead of a SparkSession's 10–13 s
 * (docs/benchmarks.md "show: start-up").
 *
 * <p>Kernel has no public history reader, so this one follows Delta Spark's ({@code DeltaHistoryManager.getHistory}):
 * every commit file from the earliest the log still holds to the table's latest version; each commit's time is its
 * file's modification time (the file's own status, not the listing's), raised to one millisecond after the previous
 * commit's where it is not later (Delta's "monotonized" times); operation, parameters and note come from the commit's
 * {@code commitInfo} (null, no parameters and null for a commit without one). Kernel lists the log and parses the
 * commit files. A table with in-commit timestamps (whose times Spark takes from the commits), or a log whose commit
 * files are not consecutive, is refused ({@link UnsupportedOperationException}) for Spark to read.
 */
public final class KernelTableHistory {

    /** The columns of {@code show --history}, as Spark's history names and types them. */
    static final StructType SCHEMA = new StructType().add("version", LongType.LONG)
            .add("timestamp", TimestampType.TIMESTAMP).add("operation", StringType.STRING)
            .add("operationParameters", new MapType(StringType.STRING, StringType.STRING, true))
            .add("userMetadata", StringType.STRING);

    /** What is read of each line of a commit file: its {@code commitInfo} action, when the line is one. */
    private static final StructType COMMIT_INFO = new StructType().add("commitInfo", new StructType()
            .add("operation", StringType.STRING)
            .add("operationParameters", new MapType(StringType.STRING, StringType.STRING, true))
            .add("userMetadata", StringType.STRING));

    /** The parameters Delta Spark's history gives a commit that records none: an empty map. */
    private static final Object NO_PARAMETERS = ArrayBasedMapData.toScalaMap(new Object[0], new Object[0]);

    /** A commit file's name: the version, 20 digits (Delta's protocol, "Delta Log Entries"). */
    private static final Pattern COMMIT_FILE = Pattern.compile("(\\d{20})\\.json");

    /** Requests for the commit files' times at once: a log of months of nightly runs holds a few hundred. */
    private static final int STATUS_THREADS = 8;

    /** One commit file: its version, its path and its time in milliseconds once monotonized. */
    private record Commit(long version, FileStatus file, long millis) {}

    private KernelTableHistory() {}

    /**
     * The newest {@code limit} commits of the Delta table at {@code table} (as {@link KernelTableReader#locate}
     * gives it), newest first, with {@code columns} in that order (every column when empty; names matched as Spark
     * matches them).
     *
     * @throws IllegalArgumentException naming a column the history lacks, with the ones it has
     * @throws UnsupportedOperationException for a table whose history Spark reads (see the class comment)
     * @throws io.delta.kernel.exceptions.KernelException when Kernel cannot read the table
     * @throws IOException when the log cannot be listed or read
     */
    public static KernelTableReader.Rows read(Configuration hadoop, Path table, List<String> columns, int limit)
            throws IOException {
        KernelTableReader.Selection selection = KernelTableReader.Selection.of(SCHEMA, columns, List.of());
        org.apache.spark.sql.types.StructType sparkSchema = KernelValues.spark(selection.shown());
        Engine engine = DefaultEngine.create(hadoop);
        Snapshot latest = io.delta.kernel.Table.forPath(engine, table.toString()).getLatestSnapshot(engine);
        if (Boolean.parseBoolean(latest.getTableProperties().getOrDefault("delta.enableInCommitTimestamps", "")
                .strip())) {
            throw new UnsupportedOperationException("the table has in-commit timestamps");
        }
        List<Commit> commits = commits(engine, new Path(table, "_delta_log"), latest.getVersion());
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        for (int i = commits.size() - 1; i >= 0 && rows.size() < limit; i--) {
            Object[] all = row(engine, commits.get(i));
            Object[] values = new Object[selection.projection().length];
            for (int c = 0; c < values.length; c++) {
                values[c] = all[SCHEMA.indexOf(selection.read().at(selection.projection()[c]).getName())];
            }
            rows.add(new GenericRowWithSchema(values, sparkSchema));
        }
        return new KernelTableReader.Rows(sparkSchema, rows);
    }

    /** The log's commit files up to {@code latest}, oldest first, their times monotonized as Delta Spark's. */
    private static List<Commit> commits(Engine engine, Path log, long latest) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        long first = -1;
        try (CloseableIterator<FileStatus> listed = engine.getFileSystemClient()
                .listFrom(new Path(log, "%020d".formatted(0)).toString())) {
            while (listed.hasNext()) {
                FileStatus file = listed.next();
                Matcher name = COMMIT_FILE.matcher(new Path(file.getPath()).getName());
                if (!name.matches()) {
                    continue; // checkpoints, checksums, _last_checkpoint
                }
                long version = Long.parseLong(name.group(1));
                if (version > latest) {
                    break; // committed after the snapshot was read
                }
                first = files.isEmpty() ? version : first;
                if (version != first + files.size()) {
                    throw new UnsupportedOperationException("the log has no commit file for version "
                            + (first + files.size()));
                }
                files.add(file);
            }
        }
        if (files.isEmpty() || first + files.size() - 1 != latest) {
            throw new UnsupportedOperationException("the log has no commit file for version " + latest);
        }
        long[] millis = modificationTimes(engine, files);
        List<Commit> commits = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (i > 0 && millis[i] <= millis[i - 1]) {
                millis[i] = millis[i - 1] + 1; // Delta Spark's monotonizeCommitTimestamps
            }
            commits.add(new Commit(first + i, files.get(i), millis[i]));
        }
        return commits;
    }

    /**
     * Each commit file's modification time as the store reports it for that file, as Delta Spark takes it: on an object
     * store a listing may give milliseconds where a file's own status (S3's HEAD) gives seconds. One request per file,
     * a few at a time.
     */
    private static long[] modificationTimes(Engine engine, List<FileStatus> files) throws IOException {
        List<Long> millis = new ArrayList<>();
        InOrderReads.run(STATUS_THREADS, files, f -> engine.getFileSystemClient().getFileStatus(f.getPath())
                .getModificationTime(), millis::add); // add: true, so every file's time
        return millis.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * One commit as the five columns of {@link #SCHEMA}, as Spark's rows hold them: no parameters (no commitInfo, or
     * one without them) are an empty map, as Delta Spark's history gives them.
     */
    private static Object[] row(Engine engine, Commit commit) throws IOException {
        Object[] row = {commit.version(), new Timestamp(commit.millis()), null, NO_PARAMETERS, null};
        try (CloseableIterator<ColumnarBatch> batches = engine.getJsonHandler()
                .readJsonFiles(Utils.singletonCloseableIterator(commit.file()), COMMIT_INFO, Optional.empty())) {
            while (batches.hasNext()) {
                ColumnarBatch batch = batches.next();
                ColumnVector info = batch.getColumnVector(0);
                for (int r = 0; r < batch.getSize(); r++) {
                    if (!info.isNullAt(r)) { // one commitInfo per commit (Delta's protocol)
                        for (int c = 0; c < 3; c++) {
                            row[2 + c] = KernelValues.value(info.getChild(c), r);
                        }
                        row[3] = row[3] == null ? NO_PARAMETERS : row[3];
                        return row;
                    }
                }
            }
        }
        return row;
    }
}
