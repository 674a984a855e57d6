package io.genrelake.genres;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.FeatureTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * What changed in the catalogue since the previous nightly run: the listing ⟗ the previous run's snapshot
 * ({@link CatalogueState}) on path, each path with its {@link Change}, judged from path, size and modification
 * time alone. Kept (memory and disk) while the run uses it; {@link #close()} lets it go. The join runs in Spark
 * because a snapshot has a row per catalogue file; the listing is on the driver already.
 */
public final class CatalogueChanges implements AutoCloseable {

    /** Spark's setting that lets adaptive execution size the shuffles of a plan it caches. */
    static final String CACHED_PLAN_PARTITIONING = "spark.sql.optimizer.canChangeCachedPlanOutputPartitioning";

    /** The diff's column with the {@link Change} name; listed columns are prefixed "l_", the snapshot's "p_". */
    public static final String CHANGE = "change";
    private static final String LISTED = "l_";
    private static final String PREVIOUS = "p_";

    private static final StructType IDENTITY = DataTypes.createStructType(List.of(
            DataTypes.createStructField(CatalogueState.TRACK_ID, DataTypes.StringType, false),
            DataTypes.createStructField(CatalogueState.PATH, DataTypes.StringType, false),
            DataTypes.createStructField(CatalogueState.SIZE, DataTypes.LongType, false),
            DataTypes.createStructField(CatalogueState.MODIFIED, DataTypes.LongType, false)));

    private final SparkSession spark;
    private final List<CatalogueFile> files;
    private final Dataset<Row> diff;
    private final Map<Change, Long> counts = new EnumMap<>(Change.class);

    /**
     * Compares {@code files} (the listing) with {@code previous} ({@link CatalogueState#SCHEMA}; empty before a
     * first run) and counts each change.
     */
    public CatalogueChanges(SparkSession spark, List<CatalogueFile> files, Dataset<Row> previous) {
        this.spark = spark;
        this.files = files;
        Dataset<Row> before = previous;
        for (String c : before.columns()) {
            if (!c.equals(CatalogueState.PATH)) {
                before = before.withColumnRenamed(c, PREVIOUS + c);
            }
        }
        var change = udf((UDF4<Long, Long, Long, Long, String>) (ps, pm, ls, lm) -> Change.of(ps != null,
                ps == null ? 0 : ps, pm == null ? 0 : pm, ls != null, ls == null ? 0 : ls, lm == null ? 0 : lm)
                .name(), DataTypes.StringType);
        this.diff = persistSizedToTheData(spark, identities(files, LISTED).join(before,
                columns(CatalogueState.PATH), "full_outer").withColumn(CHANGE, change.apply(
                        col(PREVIOUS + CatalogueState.SIZE), col(PREVIOUS + CatalogueState.MODIFIED),
                        col(LISTED + CatalogueState.SIZE), col(LISTED + CatalogueState.MODIFIED))));
        for (Change c : Change.values()) {
            counts.put(c, 0L);
        }
        for (Row r : diff.groupBy(CHANGE).count().collectAsList()) {
            counts.put(Change.valueOf(r.getString(0)), r.getLong(1));
        }
    }

    /**
     * {@code rows}, kept (memory and disk), its join's shuffle sized to the data by adaptive execution as an uncached
     * query's is. By default Spark keeps a cached plan's shuffle at {@code spark.sql.shuffle.partitions}: with the
     * default 200 on a local master every later use of a 16-row diff ran 200 tasks, and an unchanged night of
     * bench-nightly took 25-31 s instead of 10 (docs/benchmarks.md, "Nightly and classify"). Spark reads
     * {@value #CACHED_PLAN_PARTITIONING} when the plan is cached, so it is set for that call only and the session's
     * own value comes back after it.
     */
    static Dataset<Row> persistSizedToTheData(SparkSession spark, Dataset<Row> rows) {
        String before = spark.conf().get(CACHED_PLAN_PARTITIONING); // Spark's default when unset
        spark.conf().set(CACHED_PLAN_PARTITIONING, "true");
        try {
            return rows.persist(StorageLevel.MEMORY_AND_DISK());
        } finally {
            spark.conf().set(CACHED_PLAN_PARTITIONING, before);
        }
    }

    /** How many paths had each change (every change present, 0 when none). */
    public Map<Change, Long> counts() {
        return counts;
    }

    public long count(Change change) {
        return counts.get(change);
    }

    /** The listed files whose change is one of {@code changes}, in listing order. */
    public List<CatalogueFile> files(Change... changes) {
        Object[] names = java.util.Arrays.stream(changes).map(Change::name).toArray();
        Set<String> paths = new HashSet<>();
        for (Row r : diff.filter(col(CHANGE).isin(names)).select(CatalogueState.PATH).collectAsList()) {
            paths.add(r.getString(0));
        }
        List<CatalogueFile> out = new ArrayList<>();
        for (CatalogueFile f : files) {
            if (paths.contains(f.path())) {
                out.add(f);
            }
        }
        return out;
    }

    /** The previous snapshot's rows of the unchanged files ({@link CatalogueState#SCHEMA}). */
    public Dataset<Row> unchanged() {
        List<Column> cols = new ArrayList<>();
        for (String name : CatalogueState.SCHEMA.fieldNames()) {
            cols.add((name.equals(CatalogueState.PATH) ? col(name) : col(PREVIOUS + name)).as(name));
        }
        return diff.filter(col(CHANGE).equalTo(Change.UNCHANGED.name())).select(cols.toArray(new Column[0]));
    }

    /** A {@code deleted} genre row for every file of the previous snapshot that is not listed now. */
    public Dataset<Row> deletedRows(GenreRows rows) {
        JavaRDD<Row> deleted = diff.filter(col(CHANGE).equalTo(Change.DELETED.name()))
                .select(col(PREVIOUS + CatalogueState.TRACK_ID), col(CatalogueState.PATH)).javaRDD()
                .map(r -> rows.deleted(r.getString(0), r.getString(1)));
        return spark.createDataFrame(deleted, GenreTable.SCHEMA);
    }

    /**
     * Snapshot rows ({@link CatalogueState#SCHEMA}) of the files decoded by run {@code runDate}: their status from
     * the extraction's {@code features} (feature-table rows), their features of that run.
     */
    public static Dataset<Row> decoded(SparkSession spark, List<CatalogueFile> decoded, Dataset<Row> features,
            String runDate) {
        Dataset<Row> status = features.select(col(FeatureTable.TRACK_ID), col(FeatureTable.STATUS)).distinct();
        return identities(spark, decoded, "").join(status, CatalogueState.TRACK_ID)
                .withColumn(CatalogueState.FEATURES_RUN_DATE, lit(runDate))
                .select(CatalogueState.TRACK_ID, CatalogueState.PATH, CatalogueState.SIZE, CatalogueState.MODIFIED,
                        CatalogueState.STATUS, CatalogueState.FEATURES_RUN_DATE);
    }

    private Dataset<Row> identities(List<CatalogueFile> listed, String prefix) {
        return identities(spark, listed, prefix);
    }

    /** track id, path, size, modified of {@code listed}; all but the path prefixed with {@code prefix}. */
    private static Dataset<Row> identities(SparkSession spark, List<CatalogueFile> listed, String prefix) {
        List<Row> rows = new ArrayList<>(listed.size());
        for (CatalogueFile f : listed) {
            rows.add(RowFactory.create(f.trackId(), f.path(), f.size(), f.modified()));
        }
        Dataset<Row> df = spark.createDataFrame(rows, IDENTITY);
        for (String c : df.columns()) {
            if (!c.equals(CatalogueState.PATH)) {
                df = df.withColumnRenamed(c, prefix + c);
            }
        }
        return df;
    }

    /** Join columns, as the Scala sequence Dataset.join takes. */
    private static scala.collection.immutable.Seq<String> columns(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }

    @Override
    public void close() {
        diff.unpersist();
    }
}
