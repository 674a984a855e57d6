package io.genrelake.tables;

import io.genrelake.genres.CatalogueState;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.Publication;
import io.genrelake.genres.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the tables of the earlier plain-Parquet layout to Delta in place, on first use, with nothing lost:
 * Delta's {@code CONVERT TO DELTA} writes a log naming the Parquet files already there (no data is copied or
 * moved), so each table keeps every row and gains a version 0. An interrupted publication of that layout
 * ({@code _publish.json}) is finished first, by the layout's own {@link Publication}; its leftover staging
 * folders are deleted. The state's snapshots had their settings in {@code _run.json} files: those become the
 * rows of {@code runs}. A conversion killed midway is finished by the next start (each step is skipped when
 * its table is Delta already, and {@code runs} is written last).
 */
public final class ParquetUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(ParquetUpgrade.class);

    private final SparkSession spark;
    private final Configuration conf;

    public ParquetUpgrade(SparkSession spark) {
        this.spark = spark;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    /** Converts a nightly run's output and state; returns how many tables were converted. */
    public int upgradeNightly(String output, String state) throws IOException {
        finishJournal(new Path(state, "_publish.json"));
        deleteFolder(new Path(state, "_staging"));
        int converted = upgradeOutput(output);
        NightlyState s = new NightlyState(spark, state);
        List<Row> runs = s.runs().exists() ? List.of() : runRows(new Path(state, CatalogueState.CATALOGUE_DIR));
        converted += convert(s.features(), true) + convert(s.catalogue(), true);
        if (!runs.isEmpty()) {
            s.runs().overwrite(spark.createDataFrame(runs, NightlyState.RUNS_SCHEMA), "genrelake: converted from the "
                    + "Parquet layout's _run.json files");
            converted++;
            LOG.warn("converted the nightly state {} to Delta tables: {} runs", state, runs.size());
        }
        return converted;
    }

    /** Converts a classify output ({@code genres}, {@code current}); returns how many tables were converted. */
    public int upgradeOutput(String output) throws IOException {
        finishJournal(new Path(output, "_publish.json"));
        deleteFolder(new Path(output, "_staging"));
        GenreTables t = new GenreTables(spark, output);
        return convert(t.genres(), true) + convert(t.current(), false);
    }

    /** Converts a plain Parquet table (an extract output) in place; returns 1 when it did. */
    public int upgradeTable(String uri) {
        return convert(new Table(spark, uri), false);
    }

    private int convert(Table table, boolean byRunDate) {
        if (table.exists() || !table.folderExists() || !wasWrittenAsParquet(new Path(table.uri()))) {
            return 0;
        }
        LOG.warn("converting {} from plain Parquet to a Delta table (in place, no data copied)", table);
        spark.sql("CONVERT TO DELTA parquet.`" + table.uri() + "`"
                + (byRunDate ? " PARTITIONED BY (" + GenreTable.RUN_DATE + " DATE)" : ""));
        return 1;
    }

    /**
     * Whether {@code dir} holds a table of the Parquet layout: Parquet files and the {@code _SUCCESS} marker of a
     * finished Spark write. Parquet files without a marker are what a driver killed during a table's first Delta
     * commit leaves (Delta writes its files in place, then the log, and never a marker): those were never
     * committed, so converting them would publish rows no run finished; the next Delta commit ignores them.
     */
    private boolean wasWrittenAsParquet(Path dir) {
        try {
            FileSystem fs = dir.getFileSystem(conf);
            boolean parquet = false;
            boolean finished = false;
            var it = fs.listFiles(dir, true);
            while (it.hasNext() && !(parquet && finished)) {
                String name = it.next().getPath().getName();
                parquet |= name.endsWith(".parquet");
                finished |= name.equals("_SUCCESS");
            }
            return parquet && finished;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The {@code runs} rows of the snapshots' {@code _run.json} files (table versions unknown: null). */
    private List<Row> runRows(Path catalogue) throws IOException {
        List<Row> rows = new ArrayList<>();
        FileSystem fs = catalogue.getFileSystem(conf);
        if (!fs.exists(catalogue)) {
            return rows;
        }
        for (FileStatus st : fs.listStatus(catalogue)) {
            Path run = new Path(st.getPath(), CatalogueState.RUN_FILE);
            if (st.isDirectory() && fs.exists(run)) {
                String json;
                try (InputStream in = fs.open(run)) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                RunRecord r = RunRecord.parse(json);
                rows.add(RowFactory.create(Date.valueOf(r.runDate()), r.modelId(), r.extractorVersion(), json,
                        null, null, null, null));
            }
        }
        return rows;
    }

    private void finishJournal(Path journal) throws IOException {
        new Publication(conf, journal.toString()).recover();
    }

    private void deleteFolder(Path p) throws IOException {
        p.getFileSystem(conf).delete(p, true);
    }
}
