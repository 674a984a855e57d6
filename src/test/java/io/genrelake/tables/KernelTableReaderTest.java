package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import io.genrelake.testing.EveryTypeRows;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Kernel's reading of a table against Spark's: the same schema and the same rows as the same Java objects, for
 * every type our tables hold (and a few more), across partitions, versions and deleted rows.
 */
class KernelTableReaderTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String table;

    static final StructType SCHEMA = EveryTypeRows.SCHEMA;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
        table = dir.resolve("genres").toString();
        // three files of different sizes in two partitions, then a second commit
        write(rows(0, 40, "2026-01-01"), 1, SaveMode.Overwrite);
        write(rows(40, 10, "2026-01-02"), 1, SaveMode.Append);
        write(rows(50, 25, "2026-01-02"), 1, SaveMode.Append);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static void write(List<Row> rows, int files, SaveMode mode) {
        spark.createDataFrame(rows, SCHEMA).repartition(files).write().format("delta").mode(mode)
                .partitionBy("run_date").save(table);
    }

    private static List<Row> rows(int from, int n, String date) {
        return EveryTypeRows.rows(from, n, date);
    }

    private static KernelTableReader.Rows kernel(Long version, List<String> columns, int limit) throws Exception {
        return read(table, version, columns, limit);
    }

    private static KernelTableReader.Rows read(String uri, Long version, List<String> columns, int limit)
            throws Exception {
        Configuration hadoop = new Configuration();
        return KernelTableReader.read(hadoop, KernelTableReader.locate(hadoop, uri).orElseThrow(), version, columns,
                null, limit);
    }

    /** What {@code show} printed before: Spark's rows of the same read, as ShowCommand selects and limits them. */
    private static Dataset<Row> spark(Long version, List<String> columns, int limit) {
        Table t = new Table(spark, table);
        Dataset<Row> d = version == null ? t.read() : t.readVersion(version);
        if (!columns.isEmpty()) {
            d = d.selectExpr(columns.stream().map(c -> "`" + c + "`").toArray(String[]::new));
        }
        return d.limit(limit);
    }

    @Test
    void everyRowAndValueAsSparkReadsThem() throws Exception {
        Dataset<Row> expected = spark(null, List.of(), 1000);
        KernelTableReader.Rows got = kernel(null, List.of(), 1000);
        assertEquals(expected.schema(), got.schema());
        assertEquals(75, got.rows().size());
        assertEquals(byTrack(expected.collectAsList()), byTrack(got.rows()));
    }

    @Test
    void aLimitTakesThatManyOfTheRowsInTheSameOrderEveryTime() throws Exception {
        List<Row> all = kernel(null, List.of(), 1000).rows();
        for (int limit : new int[] {30, 3, 0}) {
            List<Row> some = kernel(null, List.of(), limit).rows();
            assertEquals(all.subList(0, limit), some, "limit " + limit); // which rows is unspecified, as in Spark
        }
    }

    /** Rows in track order: without a filter and an order, which rows come first is no part of a read. */
    private static List<Row> byTrack(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing((Row r) -> r.getString(r.fieldIndex("track_id"))));
        return sorted;
    }

    @Test
    void anEarlierVersionAndChosenColumns() throws Exception {
        List<String> columns = List.of("probabilities", "track_id", "run_date", "track_id");
        Dataset<Row> expected = spark(0L, columns, 100);
        KernelTableReader.Rows got = kernel(0L, columns, 100);
        assertEquals(40, got.rows().size()); // version 0: the first write only
        assertEquals(expected.schema(), got.schema());
        assertEquals(byTrack(expected.collectAsList()), byTrack(got.rows()));
    }

    @Test
    void columnNamesIgnoreCaseAsSparksDoAndAMissingOneIsNamed() throws Exception {
        List<String> columns = List.of("Track_ID", "CONFIDENCE");
        Dataset<Row> expected = spark(null, columns, 100);
        KernelTableReader.Rows got = kernel(null, columns, 100);
        assertEquals(expected.schema(), got.schema()); // named as asked, as Spark names them
        assertEquals(sorted(expected.collectAsList()), sorted(got.rows()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernel(null, List.of("track_id", "genre"), 5));
        assertTrue(e.getMessage().contains("'genre'") && e.getMessage().contains("probabilities"), e.getMessage());
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    @Test
    void rowsADeletionVectorRemovedAreNotRead(@TempDir Path other) throws Exception {
        String dv = other.resolve("dv").toString();
        spark.createDataFrame(rows(0, 30, "2026-01-01"), SCHEMA).coalesce(1).write().format("delta")
                .option("delta.enableDeletionVectors", "true").save(dv);
        spark.sql("DELETE FROM delta.`" + dv + "` WHERE windows = 3");
        List<Row> expected = new Table(spark, dv).read().limit(100).collectAsList();
        KernelTableReader.Rows got = read(dv, null, List.of(), 100);
        assertEquals(25, expected.size()); // windows 3: 5 of the 30 rows (t13's is null), marked in a deletion vector
        assertTrue(spark.read().format("delta").load(dv).inputFiles().length == 1, "the file was not rewritten");
        assertEquals(byTrack(expected), byTrack(got.rows()));
    }

    @Test
    void awkwardValuesAsSparkReadsThem(@TempDir Path other) throws Exception {
        String awkward = other.resolve("awkward").toString();
        spark.createDataFrame(EveryTypeRows.awkwardRows(), SCHEMA).coalesce(1).write().format("delta").save(awkward);
        List<Row> expected = new Table(spark, awkward).read().collectAsList();
        assertEquals(12, expected.size());
        assertEquals(byTrack(expected), byTrack(read(awkward, null, List.of(), 100).rows()));
    }

    @Test
    void filesReadInParallelGiveTheRowsAndOrderOfOneThread(@TempDir Path other) throws Exception {
        String many = other.resolve("many").toString();
        spark.createDataFrame(rows(0, 120, "2026-01-01"), SCHEMA).repartition(12).write().format("delta").save(many);
        Configuration hadoop = new Configuration();
        org.apache.hadoop.fs.Path path = KernelTableReader.locate(hadoop, many).orElseThrow();
        for (String where : new String[] {null, "windows > 2 OR tag_disagrees"}) {
            for (int limit : new int[] {1000, 25, 3}) { // every file; a limit reached within a later file; the first
                List<Row> one = KernelTableReader.read(hadoop, path, null, List.of(), where, limit, 1).rows();
                for (int threads : new int[] {2, 5}) {
                    assertEquals(one, KernelTableReader.read(hadoop, path, null, List.of(), where, limit, threads)
                            .rows(), where + " limit " + limit + " threads " + threads);
                }
            }
        }
        assertEquals(120, KernelTableReader.read(hadoop, path, null, List.of(), null, 1000, 4).rows().size());
        String[] parquet = new java.io.File(many).list((d, n) -> n.endsWith(".parquet"));
        java.util.Arrays.sort(parquet);
        java.nio.file.Files.delete(other.resolve("many").resolve(parquet[parquet.length / 2]));
        Exception alone = assertThrows(Exception.class,
                () -> KernelTableReader.read(hadoop, path, null, List.of(), null, 1000, 1));
        Exception parallel = assertThrows(Exception.class,
                () -> KernelTableReader.read(hadoop, path, null, List.of(), null, 1000, 4));
        assertEquals(alone.getClass(), parallel.getClass(), parallel.toString()); // what show falls back on
    }

    @Test
    void aParquetFolderIsNoDeltaTableAndNothingIsNoTable(@TempDir Path other) throws Exception {
        String parquet = other.resolve("plain").toString();
        spark.createDataFrame(rows(0, 3, "2026-01-01"), SCHEMA).write().parquet(parquet);
        assertTrue(KernelTableReader.locate(new Configuration(), parquet).isEmpty());
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> KernelTableReader.locate(
                new Configuration(), other.resolve("nothing").toString()));
        assertTrue(e.getMessage().contains("nothing"), e.getMessage());
    }
}
