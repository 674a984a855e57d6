package io.genrelake.tables;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.genrelake.catalogue.UriCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * The rows of a Delta table read in this JVM through Delta Kernel (Delta's own library for reading a table's log and
 * data files without Spark), for {@code genrelake show}: a few rows of a table print in 3–4 s (local, HDFS) or 4–6 s
 * (S3) instead of the 13–21 s a SparkSession and Delta's first query take (docs/benchmarks.md "show: start-up").
 * The rows come as Spark's {@code collectAsList} would give them ({@link KernelValues}), columns named as asked, so
 * {@code show} prints a row the same either way. Which rows a limit takes is unspecified, as in Spark (whose choice
 * depends on file sizes and Delta's limit push-down); here it is the files in the order Kernel lists them, the same on
 * every read of a version, whether the files are read one after another or several at once ({@link #READ_THREADS},
 * {@link InOrderReads}).
 *
 * <p>A {@code --where} filter is Spark SQL: the filters {@link WhereFilter} evaluates as Spark does are applied here,
 * any other is refused ({@link UnsupportedOperationException}) for Spark to evaluate. The commits:
 * {@link KernelTableHistory}.
 */
public final class KernelTableReader {

    /** Rows with their schema, as Spark's {@code collectAsList} gives them. */
    public record Rows(org.apache.spark.sql.types.StructType schema, List<org.apache.spark.sql.Row> rows) {}

    /**
     * Data files read at once: decoding Parquet and filtering rows is CPU-bound (~1 M rows a second a thread), so a
     * read of a whole large table takes the cores a Spark session in {@code local[*]} would.
     */
    static final int READ_THREADS = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));

    private KernelTableReader() {}

    /**
     * The Delta table at {@code uri}, qualified ({@code s3a://bucket/out/current}, {@code file:/…}); empty when the
     * folder holds no Delta table (no commit in its log: plain Parquet). Touches only the file system, not Kernel,
     * so a failure here is the store's (unreachable, access denied), which Spark would meet as well.
     *
     * @throws IllegalArgumentException when {@code uri} carries credentials (they belong in settings)
     * @throws java.io.FileNotFoundException when nothing is at {@code uri}
     * @throws IOException when the store cannot be listed ({@link java.io.UncheckedIOException} when its log cannot)
     */
    public static Optional<Path> locate(Configuration hadoop, String uri) throws IOException {
        if (UriCredentials.present(uri)) {
            throw new IllegalArgumentException(UriCredentials.refusal(uri));
        }
        Path path = new Path(uri);
        org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(hadoop);
        path = fs.makeQualified(path);
        if (!fs.exists(path)) {
            throw new java.io.FileNotFoundException("no table at " + path + ": nothing is there");
        }
        return Table.exists(path, hadoop) ? Optional.of(path) : Optional.empty();
    }

    /**
     * At most {@code limit} rows of the Delta table at {@code table} (as {@link #locate} gives it) — its latest
     * version, or {@code version} — with {@code columns} in that order (every column when empty; names matched as
     * Spark matches them, ignoring case), and only those for which {@code where} holds (every row when null).
     *
     * @throws IllegalArgumentException naming a column the table lacks, with the ones it has
     * @throws io.delta.kernel.exceptions.KernelException when Kernel cannot read the table (a version it does not
     *     have, a table feature Kernel does not support); {@link io.delta.kernel.exceptions.KernelEngineException}
     *     when a file of it cannot be read
     * @throws UnsupportedOperationException when {@code where} is a filter only Spark evaluates ({@link WhereFilter})
     * @throws IOException when a file cannot be read
     */
    public static Rows read(Configuration hadoop, Path table, Long version, List<String> columns, String where,
            int limit) throws IOException {
        return read(hadoop, table, version, columns, where, limit, READ_THREADS);
    }

    /** {@link #read}, its data files read on up to {@code threads} threads. */
    static Rows read(Configuration hadoop, Path table, Long version, List<String> columns, String where, int limit,
            int threads) throws IOException {
        Engine engine = DefaultEngine.create(hadoop);
        io.delta.kernel.Table delta = io.delta.kernel.Table.forPath(engine, table.toString());
        Snapshot snapshot = version == null ? delta.getLatestSnapshot(engine)
                : delta.getSnapshotAsOfVersion(engine, version);
        Optional<WhereFilter> filter = where == null ? Optional.empty() : WhereFilter.of(where, snapshot.getSchema());
        if (where != null && filter.isEmpty()) {
            throw new UnsupportedOperationException("the filter is one Spark evaluates: " + where);
        }
        Selection selection = Selection.of(snapshot.getSchema(), columns,
                filter.map(WhereFilter::columns).orElse(List.of()));
        org.apache.spark.sql.types.StructType sparkSchema = KernelValues.spark(selection.shown());
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        if (limit > 0) {
            ScanBuilder builder = snapshot.getScanBuilder().withReadSchema(selection.read());
            Optional<io.delta.kernel.expressions.Predicate> pruning = filter
                    .flatMap(f -> f.partitionPruning(snapshot.getPartitionColumnNames()));
            if (pruning.isPresent()) { // only the files of the partitions the filter allows
                builder = builder.withFilter(pruning.get());
            }
            Scan scan = builder.build();
            Row state = scan.getScanState(engine);
            InOrderReads.run(threads, scanFiles(engine, scan), file -> {
                List<org.apache.spark.sql.Row> read = new ArrayList<>();
                readFile(engine, state, file, selection, filter, sparkSchema, limit, read);
                return read;
            }, read -> {
                rows.addAll(read.subList(0, Math.min(read.size(), limit - rows.size())));
                return rows.size() < limit;
            });
        }
        return new Rows(sparkSchema, rows);
    }

    /**
     * The columns asked for: the table's fields to read (each once), which of them each shown column is, the shown
     * columns named as asked (any case), as Spark names them, and which of them each filtered column is.
     */
    record Selection(StructType read, int[] projection, StructType shown, int[] filtered) {

        /** Every column when {@code columns} is empty; a name may repeat. {@code filtered}: the filter's fields. */
        static Selection of(StructType schema, List<String> columns, List<StructField> filtered) {
            boolean all = columns == null || columns.isEmpty();
            List<StructField> fields = all ? schema.fields() : fields(schema, columns);
            List<StructField> read = new ArrayList<>();
            StructType shown = new StructType();
            int[] projection = new int[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                StructField f = fields.get(i);
                projection[i] = readIndex(read, f);
                shown = shown.add(all ? f.getName() : columns.get(i).strip(), f.getDataType(), f.isNullable());
            }
            int[] filter = new int[filtered.size()];
            for (int i = 0; i < filtered.size(); i++) { // a filtered column not shown is read too
                filter[i] = readIndex(read, filtered.get(i));
            }
            return new Selection(new StructType(read), projection, shown, filter);
        }

        /** {@code f}'s index among the fields to read, added to them the first time. */
        private static int readIndex(List<StructField> read, StructField f) {
            for (int i = 0; i < read.size(); i++) {
                if (read.get(i).getName().equals(f.getName())) {
                    return i;
                }
            }
            read.add(f);
            return read.size() - 1;
        }
    }

    /** The table's fields named by {@code columns}, in their order, matched as Spark matches names. */
    private static List<StructField> fields(StructType schema, List<String> columns) {
        List<StructField> fields = new ArrayList<>();
        for (String column : columns) {
            String name = column.strip();
            StructField match = null;
            for (StructField f : schema.fields()) {
                if (f.getName().equals(name)) {
                    match = f;
                    break;
                }
                if (match == null && f.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    match = f;
                }
            }
            if (match == null) {
                throw new IllegalArgumentException("no column '" + name + "' in the table; its columns: "
                        + String.join(", ", schema.fieldNames()));
            }
            fields.add(match);
        }
        return fields;
    }

    /** The table's data files, as Kernel lists them. */
    private static List<Row> scanFiles(Engine engine, Scan scan) throws IOException {
        List<Row> files = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        files.add(rows.next());
                    }
                }
            }
        }
        return files;
    }

    /**
     * Adds the rows of one data file (deleted rows and those the filter drops left out, partition values filled in)
     * until {@code limit}.
     */
    private static void readFile(Engine engine, Row state, Row scanFile, Selection selection,
            Optional<WhereFilter> filter, org.apache.spark.sql.types.StructType sparkSchema, int limit,
            List<org.apache.spark.sql.Row> into) throws IOException {
        int[] projection = selection.projection();
        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(file),
                        ScanStateRow.getPhysicalDataReadSchema(state), Optional.empty())
                .map(FileReadResult::getData);
        try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine, state, scanFile,
                physical)) {
            while (logical.hasNext() && into.size() < limit) {
                FilteredColumnarBatch batch = logical.next();
                ColumnarBatch data = batch.getData();
                Optional<ColumnVector> selected = batch.getSelectionVector();
                ColumnVector[] filtered = new ColumnVector[selection.filtered().length];
                for (int c = 0; c < filtered.length; c++) {
                    filtered[c] = data.getColumnVector(selection.filtered()[c]);
                }
                for (int r = 0; r < data.getSize() && into.size() < limit; r++) {
                    if (selected.isPresent() && (selected.get().isNullAt(r) || !selected.get().getBoolean(r))) {
                        continue; // deleted by a deletion vector
                    }
                    if (filter.isPresent() && !filter.get().keeps(filtered, r)) {
                        continue;
                    }
                    Object[] values = new Object[projection.length];
                    for (int c = 0; c < projection.length; c++) {
                        values[c] = KernelValues.value(data.getColumnVector(projection[c]), r);
                    }
                    into.add(new GenericRowWithSchema(values, sparkSchema));
                }
            }
        }
    }
}
