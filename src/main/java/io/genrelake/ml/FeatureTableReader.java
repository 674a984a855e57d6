package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import io.genrelake.catalogue.TableWindowLength;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a labelled feature table: the extract job's Parquet table (rows with {@code status = 'ok'};
 * columns {@code track_id}, optional {@code window}, {@code label}, the 57 features,
 * optional {@code extractor_version}) or a Kaggle-layout CSV (a path ending in {@code .csv}; track ids
 * from file names, see {@link TrackIds}). Rows without a label are left out and counted. Refuses, with
 * a message that names the problem: missing columns, a missing or non-finite feature value, fewer than
 * two genres, a track labelled with two genres, no rows.
 */
public final class FeatureTableReader {

    /** Extractor version recorded for rows of a Kaggle CSV, which carries none. */
    public static final String KAGGLE_CSV_VERSION = "kaggle-csv";

    private final SparkSession spark;
    private final TagGenres tagGenres; // null: labels from the label column

    public FeatureTableReader(SparkSession spark) {
        this(spark, null);
    }

    /** A reader whose labels, artists and albums come from the tables' tags ({@link TagLabels}); null: the label column. */
    public FeatureTableReader(SparkSession spark, TagGenres tagGenres) {
        this.spark = spark;
        this.tagGenres = tagGenres;
    }

    /** The schema of {@link TrainingTable#rows()}. */
    public static StructType schema() {
        StructType schema = new StructType()
                .add(TrainingTable.TRACK_ID, DataTypes.StringType, false)
                .add(TrainingTable.WINDOW, DataTypes.IntegerType, false)
                .add(TrainingTable.LABEL, DataTypes.StringType, true)
                .add(TrainingTable.ARTIST, DataTypes.StringType, true)
                .add(TrainingTable.ALBUM, DataTypes.StringType, true)
                .add(TrainingTable.NAME, DataTypes.StringType, false);
        for (String name : FeatureSet.NAMES) {
            schema = schema.add(name, DataTypes.DoubleType, true);
        }
        return schema;
    }

    /** Whether {@code uri} is read as a Kaggle-layout CSV (by its name), not as a feature table. */
    public static boolean isKaggleCsv(String uri) {
        return uri.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Reads a table to train on: at least two genres. */
    public TrainingTable read(String uri) {
        return read(uri, 2);
    }

    /** Reads a labelled table with at least {@code minGenres} genres (evaluation may use one). */
    public TrainingTable read(String uri, int minGenres) {
        return read(uri, minGenres, GenreMap.identity());
    }

    /**
     * Reads a labelled table with at least {@code minGenres} genres after renaming them with {@code genres}
     * (rows of a genre it drops are left out like unlabelled ones).
     */
    public TrainingTable read(String uri, int minGenres, GenreMap genres) {
        boolean csv = isKaggleCsv(uri);
        if (csv && tagGenres != null) {
            throw new TrainingDataException(uri + ": a Kaggle-layout CSV has no tags; --labels-from tags needs the "
                    + "extract job's Parquet table");
        }
        Raw raw = csv ? readCsv(uri) : readParquet(uri);
        Dataset<Row> rows = raw.rows;
        if (!genres.entries().isEmpty()) {
            List<Column> pairs = new ArrayList<>();
            genres.entries().forEach((from, to) -> {
                pairs.add(lit(from));
                pairs.add(lit(to));
            });
            Column mapped = org.apache.spark.sql.functions.element_at(
                    org.apache.spark.sql.functions.map(pairs.toArray(new Column[0])), col(TrainingTable.LABEL));
            rows = rows.withColumn(TrainingTable.LABEL,
                    org.apache.spark.sql.functions.coalesce(mapped, col(TrainingTable.LABEL)));
        }
        Dataset<Row> labelled = rows.filter(col(TrainingTable.LABEL).isNotNull()
                .and(trim(col(TrainingTable.LABEL)).notEqual(lit(""))));
        long total = raw.rows.count();
        long kept = labelled.count();
        if (kept == 0) {
            throw new TrainingDataException(uri + ": no labelled rows" + (raw.skipped + total > 0
                    ? " (" + (raw.skipped + total) + " rows, none with status ok and a label)" : " (empty table)"));
        }
        requireFinite(uri, labelled);
        requireGenres(uri, labelled, minGenres);
        String sha = InputFingerprint.sha256(uri, spark.sparkContext().hadoopConfiguration());
        return new TrainingTable(labelled, uri, csv ? "csv" : "parquet", raw.segmented, raw.windowSeconds,
                raw.versions, sha, raw.skipped + (total - kept));
    }

    private record Raw(Dataset<Row> rows, boolean segmented, Double windowSeconds, List<String> versions,
            long skipped) {}

    private Raw readCsv(String uri) {
        List<KaggleRow> kaggle;
        try {
            Path path = new Path(uri);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (Reader in = new InputStreamReader(fs.open(path), StandardCharsets.UTF_8)) {
                kaggle = KaggleCsv.read(in, uri);
            }
        } catch (KaggleCsv.FormatException e) {
            throw new TrainingDataException(e.getMessage() + " (expected the Kaggle layout: filename, length, "
                    + "the 57 GTZAN features, label)", e);
        } catch (IOException e) {
            throw new TrainingDataException("cannot read features table " + uri + ": " + e.getMessage(), e);
        }
        boolean segmented = TrackIds.isSegmentTable(kaggle.stream().map(KaggleRow::filename).toList());
        List<Row> rows = new ArrayList<>(kaggle.size());
        for (KaggleRow r : kaggle) {
            TrackIds.TrackWindow tw = TrackIds.of(r.filename(), segmented);
            Object[] fields = new Object[6 + FeatureSet.SIZE];
            fields[0] = tw.trackId();
            fields[1] = tw.window();
            fields[2] = r.label();
            fields[5] = tw.trackId(); // a Kaggle table has no artist or album; its track id is the file's stem
            for (int f = 0; f < FeatureSet.SIZE; f++) {
                fields[6 + f] = r.values()[f];
            }
            rows.add(RowFactory.create(fields));
        }
        Double windowSeconds = segmented
                ? TableWindowLength.ofSegmentLengths(kaggle.stream().map(KaggleRow::length).toList()) : null;
        return new Raw(spark.createDataFrame(rows, schema()), segmented, windowSeconds, List.of(KAGGLE_CSV_VERSION),
                0);
    }

    private Raw readParquet(String uri) {
        Dataset<Row> table;
        try {
            table = io.genrelake.tables.Table.readAny(spark, uri);
        } catch (RuntimeException e) {
            throw new TrainingDataException("cannot read features table " + uri
                    + " as Parquet (a path ending in .csv is read as a Kaggle-layout CSV): " + e.getMessage(), e);
        }
        if (tagGenres != null) {
            table = TagLabels.label(table, uri, tagGenres);
        }
        List<String> columns = Arrays.asList(table.columns());
        List<String> missing = new ArrayList<>();
        for (String required : requiredParquetColumns()) {
            if (!columns.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new TrainingDataException(uri + ": features table lacks column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (expected track_id, label and the 57 GTZAN feature columns)");
        }
        Double windowSeconds = TableWindowLength.of(table);
        long skipped = 0;
        if (columns.contains("status")) {
            Dataset<Row> ok = table.filter(col("status").equalTo("ok"));
            skipped = table.count() - ok.count();
            table = ok;
        }
        List<Column> select = new ArrayList<>();
        select.add(col(TrainingTable.TRACK_ID).cast("string").as(TrainingTable.TRACK_ID));
        select.add((columns.contains(TrainingTable.WINDOW) ? col(TrainingTable.WINDOW).cast("int") : lit(0))
                .as(TrainingTable.WINDOW));
        select.add(col(TrainingTable.LABEL).cast("string").as(TrainingTable.LABEL));
        for (String tag : List.of(TrainingTable.ARTIST, TrainingTable.ALBUM)) {
            Column value = columns.contains(tag) ? col(tag).cast("string") : lit(null).cast("string");
            select.add(org.apache.spark.sql.functions.when(trim(value).equalTo(""), lit(null).cast("string"))
                    .otherwise(value).as(tag)); // a blank artist is no artist
        }
        // The file name without folders and extension (a Kaggle row's path is table#filename).
        Column fileName = columns.contains("path")
                ? org.apache.spark.sql.functions.regexp_replace(
                        org.apache.spark.sql.functions.regexp_extract(col("path"), "([^/#\\\\]*)$", 1),
                        "\\.[^.]*[A-Za-z][^.]*$", "")
                : col(TrainingTable.TRACK_ID).cast("string");
        select.add(fileName.as(TrainingTable.NAME));
        // a rich table (docs/feature-table.md) trains on all its columns
        for (String name : FeatureSetKind.containedIn(columns).columns()) {
            select.add(col(name).cast("double").as(name));
        }
        // the neural models' stored inputs (extract --neural-inputs), when the table has them
        for (io.genrelake.neural.NeuralInput input : io.genrelake.neural.NeuralInput.values()) {
            if (columns.contains(input.column())) {
                select.add(col(input.column()));
            }
        }
        List<String> versions = List.of();
        if (columns.contains("extractor_version")) {
            versions = table.select(col("extractor_version").cast("string")).distinct().na().drop()
                    .collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
        }
        Dataset<Row> rows = table.select(select.toArray(new Column[0]));
        boolean segmented = rows.groupBy(TrainingTable.TRACK_ID).count().filter(col("count").gt(1)).limit(1)
                .count() > 0;
        return new Raw(rows, segmented, windowSeconds, versions, skipped);
    }

    static List<String> requiredParquetColumns() {
        List<String> required = new ArrayList<>();
        required.add(TrainingTable.TRACK_ID);
        required.add(TrainingTable.LABEL);
        required.addAll(FeatureSet.NAMES);
        return required;
    }

    /** Every feature value must be a finite number: MLlib's scaler and solvers would silently turn NaN into NaN models. */
    private static void requireFinite(String uri, Dataset<Row> rows) {
        List<String> features = FeatureSetKind.containedIn(Arrays.asList(rows.columns())).columns();
        Dataset<Row> badRows = rows.filter(anyNotFinite(features, 0, features.size()));
        long count = badRows.count();
        if (count == 0) {
            return;
        }
        Row example = badRows.first();
        List<String> badColumns = new ArrayList<>();
        for (String name : features) {
            Object v = example.getAs(name);
            if (v == null || !Double.isFinite((Double) v)) {
                badColumns.add(name + "=" + v);
            }
        }
        throw new TrainingDataException(uri + ": " + count + " row" + (count > 1 ? "s have" : " has")
                + " a missing or non-finite feature value (NaN or infinite), e.g. track "
                + example.getAs(TrainingTable.TRACK_ID) + " window " + example.getAs(TrainingTable.WINDOW) + ": "
                + String.join(", ", badColumns) + "; drop or re-extract those rows before training");
    }

    /**
     * Whether any of {@code names[from, to)} is missing or not finite, as a balanced tree of ORs: a chain of 298
     * (the rich set) overflows the stack of Spark's expression conversion.
     */
    private static Column anyNotFinite(List<String> names, int from, int to) {
        if (to - from == 1) {
            return notFinite(names.get(from));
        }
        int mid = (from + to) >>> 1;
        return anyNotFinite(names, from, mid).or(anyNotFinite(names, mid, to));
    }

    private static Column notFinite(String name) {
        Column c = col(name);
        return c.isNull().or(isnan(c)).or(c.equalTo(Double.POSITIVE_INFINITY)).or(c.equalTo(Double.NEGATIVE_INFINITY));
    }

    private static void requireGenres(String uri, Dataset<Row> rows, int minGenres) {
        List<String> genres = rows.select(TrainingTable.LABEL).distinct().orderBy(TrainingTable.LABEL)
                .collectAsList().stream().map(r -> r.getString(0)).toList();
        if (genres.size() < minGenres) {
            throw new TrainingDataException(uri + ": a genre model needs at least two genres; the labelled rows "
                    + "have only " + genres);
        }
        List<Row> mixed = rows.groupBy(TrainingTable.TRACK_ID).agg(countDistinct(TrainingTable.LABEL).as("n"))
                .filter(col("n").gt(1)).limit(3).collectAsList();
        if (!mixed.isEmpty()) {
            throw new TrainingDataException(uri + ": tracks labelled with more than one genre across their windows, "
                    + "e.g. " + mixed.stream().map(r -> r.getString(0)).toList());
        }
    }
}
