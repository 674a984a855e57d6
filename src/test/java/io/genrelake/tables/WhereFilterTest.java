package io.genrelake.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WhereFilter} against Spark: for every filter it translates, the rows Kernel's read keeps are the rows Spark's
 * {@code where} keeps, on values chosen for the corners (nulls, NaN, -0.0, infinities, the largest longs, strings
 * whose UTF-8 and UTF-16 orders differ, names in another case); every filter it does not translate is refused, so
 * that Spark evaluates it.
 */
class WhereFilterTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static String table;

    static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType, false)
            .add("s", DataTypes.StringType).add("i", DataTypes.IntegerType).add("l", DataTypes.LongType)
            .add("d", DataTypes.DoubleType).add("b", DataTypes.BooleanType).add("ts", DataTypes.TimestampType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType)).add("dt", DataTypes.DateType);

    private static final String[] STRINGS = {"rock", "Rock", "a", "", "é", "\uFFFD", "\uD83D\uDE00", "rock ", null};
    private static final Double[] DOUBLES = {0.8, 0.1, 0.30000000000000004, -0.0, 0.0, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -2.5, 9.007199254740993E15, null};
    private static final Long[] LONGS = {Long.MAX_VALUE, Long.MIN_VALUE, 9007199254740993L, 9007199254740992L, 0L, -1L,
        3L, 2147483648L, null};
    private static final Integer[] INTS = {0, 2, 3, -3, Integer.MAX_VALUE, Integer.MIN_VALUE, 10, null};

    @BeforeAll
    static void write() {
        spark = LocalSpark.start();
        table = dir.resolve("t").toString();
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < 120; id++) { // every value of each list meets many of the others
            rows.add(RowFactory.create(id, STRINGS[id % STRINGS.length], INTS[id % INTS.length],
                    LONGS[(id / 2) % LONGS.length], DOUBLES[id % DOUBLES.length],
                    id % 5 == 4 ? null : id % 3 == 0,
                    id % 6 == 5 ? null : Timestamp.valueOf("2026-12-0" + (1 + id % 3) + " 03:00:00"),
                    id % 7 == 6 ? null : scala.jdk.javaapi.CollectionConverters.asScala(List.of("x")).toSeq(),
                    Date.valueOf("2026-01-0" + (1 + id % 4))));
        }
        spark.createDataFrame(rows, SCHEMA).repartition(3).write().format("delta").partitionBy("dt").save(table);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Filters translated here: each must keep Spark's rows. */
    static final List<String> TRANSLATED = List.of(
            "s = 'rock'", "S = 'rock'", "s != 'rock'", "s <> 'rock'", "'rock' = s", "s < '\uFFFD'",
            "s > '\uFFFD'", "s >= '\uD83D\uDE00'", "s > 'é'", "s <= ''", "s < 'rock '", "s <=> NULL", "s <=> 'a'",
            "NOT s <=> 'a'", "s = NULL", "s IS NULL", "s IS NOT NULL", "s IN ('rock', 'a')", "s IN ('rock', NULL)",
            "s NOT IN ('rock', NULL)", "s NOT IN ('rock')", "`s` = 'a'",
            "i > 2", "i > 2.5", "i >= -3", "i = 2.0", "i < 1e1", "i > 2147483648", "i <= -2147483648", "3 > i",
            "i > -2.5", "i IN (2, 3.0, 10)", "i = 0.000000000000000001",
            "l > 9007199254740992", "l = 9007199254740993", "l < 0.5", "l > -9223372036854775808",
            "l = 9223372036854775807", "l > 9.007199254740992E15", "l >= 3.0E0", "l IN (0, -1, 3)",
            "d > 0.8", "d = 0", "d = -0.0", "d = 0.0", "d > 1e308", "d < -1e307", "0.5 < d", "d = 0.1",
            "d > 0.30000000000000004", "d = 0.30000000000000004", "d IN (0.1, 0.8, 1)", "d >= 0.1D", "d < -2",
            "d > 9007199254740993", "d = 9007199254740993", "d > 123456789.123456789123456789", "d <=> -0.0",
            "b", "NOT b", "b = true", "b = false", "b > false", "b <=> NULL", "b AND i > 2", "b OR i > 2",
            "NOT (b OR s = 'rock')", "true", "false", "NOT false AND (s = 'a' OR d > 0.5)",
            "dt = '2026-01-02'", "dt > '2026-01-01'", "dt = DATE '2026-01-02'", "dt IN ('2026-01-01', '2026-01-04')",
            "dt <= '2026-01-03' AND s IS NOT NULL", "ts IS NULL", "tags IS NOT NULL", "TAGS is null OR ts IS NULL");

    /** Filters left to Spark (some of them Spark refuses too: it says why). */
    static final List<String> REFUSED = List.of(
            "s LIKE 'r%'", "length(s) > 2", "i + 1 > 3", "i = l", "ts > '2026-01-01'", "dt = '2026-1-2'",
            "dt = '2026-02-30'", "s = 1", "i = '2'", "mood = 1", "tags[0] = 'x'", "i BETWEEN 1 AND 3", "s = '${x}'",
            "i > 0.1234567890123456789", "NULL", "b = 1", "s = 'a' AND i + 1 > 3", "s =", "d = 1.0F",
            "dt = '2026-01-02' OR ts IS NOT NULL AND tags[0] = 'x'", "l IN (1e0, 9007199254740993.5)");

    @Test
    void everyTranslatedFilterKeepsSparksRows() throws Exception {
        // Spark's Parquet filter push-down drops -0.0 from "d = 0" (row groups pruned by statistics that tell -0.0
        // from 0.0, a known class of bug); SQL's comparison, and Spark's without push-down, keeps it: so do we.
        spark.conf().set("spark.sql.parquet.filterPushdown", "false");
        // One query for all: each filter as a column (the expression Spark's where would evaluate; kept when true).
        List<String> columns = new ArrayList<>(List.of("id"));
        for (int k = 0; k < TRANSLATED.size(); k++) {
            columns.add("(" + TRANSLATED.get(k) + ") AS f" + k);
        }
        List<Row> evaluated = spark.read().format("delta").load(table).selectExpr(columns.toArray(new String[0]))
                .collectAsList();
        assertEquals(120, evaluated.size());
        for (int k = 0; k < TRANSLATED.size(); k++) {
            int column = k + 1;
            List<Integer> expected = evaluated.stream().filter(r -> Boolean.TRUE.equals(r.get(column)))
                    .map(r -> r.getInt(0)).sorted().toList();
            assertEquals(expected, ids(TRANSLATED.get(k)), TRANSLATED.get(k));
        }
        List<Integer> rock = spark.read().format("delta").load(table).where(TRANSLATED.get(0)).select("id")
                .collectAsList().stream().map(r -> r.getInt(0)).sorted().toList();
        assertEquals(rock, ids(TRANSLATED.get(0)), "and as a where"); // the same rows when Spark filters
    }

    @Test
    void theCornersAreMet() throws Exception { // so that the comparison above cannot pass on rows that miss them
        assertEquals(20, ids("d = 0").size(), "-0.0 and 0.0 (10 rows each) are equal");
        assertEquals(20, ids("d > 1e308").size(), "NaN and infinity (10 rows each) are above 1e308");
        assertEquals(13, ids("s > '\uFFFD'").size(), "the emoji's UTF-8 bytes come after U+FFFD's (UTF-16 says before)");
        assertTrue(!ids("l = 9007199254740993").isEmpty() && !ids("s IN ('rock', NULL)").isEmpty());
        assertEquals(List.of(), ids("s NOT IN ('rock', NULL)"), "NOT IN a list holding NULL keeps nothing");
    }

    @Test
    void everyOtherFilterIsLeftToSpark() throws Exception {
        for (String where : REFUSED) {
            assertThrows(UnsupportedOperationException.class, () -> ids(where), where);
        }
    }

    @Test
    void aFilteredColumnNeedNotBeShown() throws Exception {
        Configuration hadoop = new Configuration();
        KernelTableReader.Rows rows = KernelTableReader.read(hadoop,
                KernelTableReader.locate(hadoop, table).orElseThrow(), null, List.of("s"), "d = 0.8 AND dt = '2026-01-01'",
                1000);
        assertEquals(1, rows.schema().fields().length);
        assertEquals(ids("d = 0.8 AND dt = '2026-01-01'").size(), rows.rows().size());
        assertTrue(!rows.rows().isEmpty());
    }

    @Test
    void filesOfPartitionsTheFilterExcludesAreNotRead() throws Exception {
        Path copy = dir.resolve("pruned");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of(table))) {
            for (Path f : files.toList()) {
                java.nio.file.Files.copy(f, copy.resolve(Path.of(table).relativize(f).toString()));
            }
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(copy.resolve("dt=2026-01-01"))) {
            for (Path f : files.toList()) { // a read of this partition now fails
                java.nio.file.Files.delete(f);
            }
        }
        for (String where : List.of("dt = '2026-01-02' AND s = 'a'", "'2026-01-01' < dt", "dt > DATE '2026-01-01'",
                "i > 2 AND (dt >= '2026-01-03' AND NOT b)")) {
            assertEquals(ids(where), ids(copy.toString(), where), where);
        }
        assertThrows(Exception.class, () -> ids(copy.toString(), "s = 'a'"), "no partition excluded: every file read");
        assertThrows(Exception.class, () -> ids(copy.toString(), "dt > '2026-01-01' OR s = 'a'"), "OR: not pruned");
    }

    private static List<Integer> ids(String where) throws Exception {
        return ids(table, where);
    }

    private static List<Integer> ids(String uri, String where) throws Exception {
        Configuration hadoop = new Configuration();
        return KernelTableReader.read(hadoop, KernelTableReader.locate(hadoop, uri).orElseThrow(), null,
                List.of("id"), where, 1000).rows().stream().map(r -> r.getInt(0)).sorted().toList();
    }
}
