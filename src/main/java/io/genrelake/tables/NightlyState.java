package io.genrelake.tables;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.genres.CatalogueState;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.RunRecord;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The nightly state ({@code --state}), three Delta tables:
 * <pre>
 *   &lt;state&gt;/features    the feature store: features extracted by each run, partitioned by run_date
 *                        ({@link #FEATURES_SCHEMA}: with the neural inputs, and the rich set's columns once a
 *                        rich model's run stored them; null where a run had no use for them)
 *   &lt;state&gt;/catalogue   snapshots of the catalogue after each run ({@link CatalogueState}), by run_date
 *   &lt;state&gt;/runs        one row per finished run: its settings ({@link RunRecord}), its summary, and the
 *                        versions of the five tables it committed
 * </pre>
 * A run commits features, genres, current and its snapshot, each replacing its own date, and last its row
 * in {@code runs}: a run is done when that row exists. One killed before has changed nothing a later run
 * relies on (the previous run's row still names the snapshot to compare with); its retry replaces what it
 * had committed. That row is the retry's idempotence record, in place of Delta's {@code txnAppId}: a
 * replaced date needs no transaction id to be written once.
 */
public final class NightlyState {

    public static final String FEATURES_DIR = CatalogueState.FEATURES_DIR;
    public static final String CATALOGUE_DIR = CatalogueState.CATALOGUE_DIR;
    public static final String RUNS_DIR = "runs";

    /** Columns of {@code runs} beyond the run date. */
    public static final String MODEL_ID = "model_id";
    public static final String EXTRACTOR_VERSION = "extractor_version";
    public static final String RECORD = "record";
    public static final String FEATURES_VERSION = "features_version";
    public static final String GENRES_VERSION = "genres_version";
    public static final String CURRENT_VERSION = "current_version";
    public static final String CATALOGUE_VERSION = "catalogue_version";

    public static final StructType RUNS_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField(GenreTable.RUN_DATE, DataTypes.DateType, false),
            DataTypes.createStructField(MODEL_ID, DataTypes.StringType, false),
            DataTypes.createStructField(EXTRACTOR_VERSION, DataTypes.StringType, false),
            DataTypes.createStructField(RECORD, DataTypes.StringType, false),
            DataTypes.createStructField(FEATURES_VERSION, DataTypes.LongType, true),
            DataTypes.createStructField(GENRES_VERSION, DataTypes.LongType, true),
            DataTypes.createStructField(CURRENT_VERSION, DataTypes.LongType, true),
            DataTypes.createStructField(CATALOGUE_VERSION, DataTypes.LongType, true)));

    /**
     * The feature store's schema: a gtzan feature table with the neural models' inputs ({@code logmel},
     * {@code mfcc_seq}), null in the rows of runs whose model held no network (and in rows stored before the
     * columns existed, which Delta reads as null); plus {@link #RICH_COLUMNS} once a run of a rich model has
     * stored them.
     */
    public static final StructType FEATURES_SCHEMA = FeatureTable.withNeuralInputs(FeatureTable.SCHEMA);

    /**
     * The rich set's columns beyond the 57: added to the store by the first run of a rich model (Delta's schema
     * merge, in that run's one commit), null in the rows of gtzan runs. A store that never served a rich model never
     * has them: 241 more columns in every night's files cost a gtzan night of 10,000 new files ~50 % more wall time
     * (docs/benchmarks.md, "Nightly and classify").
     */
    public static final List<StructField> RICH_COLUMNS = Arrays.stream(
            FeatureTable.schema(FeatureSetKind.RICH).fields())
            .filter(f -> !Arrays.asList(FEATURES_SCHEMA.fieldNames()).contains(f.name())).toList();

    /** The versions one run committed, recorded with it. */
    public record Versions(long features, long genres, long current, long catalogue) {}

    private static final String STORED_RUN_DATE = "_features_run_date";

    private final SparkSession spark;
    private final Table features;
    private final Table catalogue;
    private final Table runs;

    public NightlyState(SparkSession spark, String state) {
        this.spark = spark;
        this.features = new Table(spark, new Path(state, FEATURES_DIR).toString());
        this.catalogue = new Table(spark, new Path(state, CATALOGUE_DIR).toString());
        this.runs = new Table(spark, new Path(state, RUNS_DIR).toString());
    }

    public Table features() {
        return features;
    }

    public Table catalogue() {
        return catalogue;
    }

    public Table runs() {
        return runs;
    }

    /** Dates of the finished runs, oldest first. */
    public List<String> runDates() {
        List<String> dates = new ArrayList<>();
        if (!runs.exists()) {
            return dates;
        }
        for (Row r : runs.read().select(GenreTable.RUN_DATE).distinct().orderBy(GenreTable.RUN_DATE).collectAsList()) {
            dates.add(r.getDate(0).toLocalDate().toString());
        }
        return dates;
    }

    /** The settings of the finished run of {@code runDate}. */
    public RunRecord record(String runDate) {
        Row r = runs.read().where(onDate(runDate)).select(RECORD).first();
        return RunRecord.parse(r.getString(0));
    }

    /** The catalogue snapshot after run {@code runDate} ({@link CatalogueState#SCHEMA}). */
    public Dataset<Row> snapshot(String runDate) {
        return catalogue.read().where(onDate(runDate)).drop(GenreTable.RUN_DATE);
    }

    /**
     * The stored features ({@link #FEATURES_SCHEMA}) of the tracks of {@code snapshotRows} (catalogue snapshot
     * rows), each from the run its row names, as of feature-store version {@code featuresVersion}.
     */
    public Dataset<Row> storedFeatures(Dataset<Row> snapshotRows, long featuresVersion) {
        Dataset<Row> store = features.readVersion(featuresVersion)
                .withColumn(STORED_RUN_DATE, date_format(col(GenreTable.RUN_DATE), "yyyy-MM-dd"));
        Dataset<Row> wanted = snapshotRows.select(col(CatalogueState.TRACK_ID),
                col(CatalogueState.FEATURES_RUN_DATE).as(STORED_RUN_DATE));
        Dataset<Row> joined = store.join(wanted, scala.jdk.javaapi.CollectionConverters.asScala(
                List.of(CatalogueState.TRACK_ID, STORED_RUN_DATE)).toList(), "left_semi");
        // Columns added since a run's features were written (decoder, logmel, …) read as null there.
        return conform(joined);
    }

    /**
     * Replaces {@code runDate}'s features with {@code rows} (feature-table rows, with or without the neural
     * inputs: null when absent); returns the version.
     */
    public long commitFeatures(Dataset<Row> rows, String runDate, String note) {
        return features.replaceWhere(conform(rows).withColumn(GenreTable.RUN_DATE, lit(Date.valueOf(runDate))),
                onDate(runDate), note, GenreTable.RUN_DATE);
    }

    /**
     * {@code rows}' columns of {@link #FEATURES_SCHEMA}, in its order, the ones it lacks as null; then the
     * {@link #RICH_COLUMNS} it has (a rich run's rows, or the store's once one has written them).
     */
    private static Dataset<Row> conform(Dataset<Row> rows) {
        Set<String> present = Set.of(rows.columns());
        List<Column> columns = new ArrayList<>();
        for (StructField f : FEATURES_SCHEMA.fields()) {
            columns.add(present.contains(f.name()) ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()));
        }
        RICH_COLUMNS.stream().filter(f -> present.contains(f.name())).forEach(f -> columns.add(col(f.name())));
        return rows.select(columns.toArray(Column[]::new));
    }

    /** Replaces {@code runDate}'s snapshot with {@code rows} ({@link CatalogueState#SCHEMA}); returns the version. */
    public long commitSnapshot(Dataset<Row> rows, String runDate, String note) {
        return catalogue.replaceWhere(rows.selectExpr(CatalogueState.SCHEMA.fieldNames())
                        .withColumn(GenreTable.RUN_DATE, lit(Date.valueOf(runDate))),
                onDate(runDate), note, GenreTable.RUN_DATE);
    }

    /** Records the run as finished, last: its settings and summary as JSON, and the versions it committed. */
    public long commitRun(RunRecord record, String json, Versions v, String note) {
        Row row = RowFactory.create(Date.valueOf(record.runDate()), record.modelId(), record.extractorVersion(), json,
                v.features(), v.genres(), v.current(), v.catalogue());
        return runs.replaceWhere(spark.createDataFrame(List.of(row), RUNS_SCHEMA), onDate(record.runDate()), note);
    }

    /** Drops the snapshots of {@code dates} (older than the ones kept); the feature store keeps every run. */
    public void expireSnapshots(List<String> dates, String note) {
        if (!dates.isEmpty()) {
            catalogue.delete(GenreTable.RUN_DATE + " IN (" + String.join(", ",
                    dates.stream().map(d -> "DATE'" + d + "'").toList()) + ")", note);
        }
    }

    private static String onDate(String runDate) {
        return GenreTable.RUN_DATE + " = DATE'" + runDate + "'";
    }
}
