package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import io.genrelake.testing.EveryTypeRows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonLines} against Spark's own {@code toJSON} of the same rows: every type our tables hold and more
 * ({@link EveryTypeRows}), with the values JSON writers disagree on (NaN, infinities, -0.0, tiny and huge doubles,
 * escapes, non-ASCII text, nulls at the top, in a struct, an array and a map, timestamps before 1970 and with
 * microseconds).
 */
class JsonLinesTest {

    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void linesAreSparksToJson() {
        List<Row> rows = new ArrayList<>(EveryTypeRows.rows(0, 20, "2026-01-01"));
        rows.addAll(EveryTypeRows.awkwardRows());
        Dataset<Row> data = spark.createDataFrame(rows, EveryTypeRows.SCHEMA);
        List<Row> collected = data.collectAsList();
        List<String> expected = data.toJSON().collectAsList();
        assertEquals(expected, JsonLines.of(data.schema(), collected));
        assertTrue(expected.get(20).contains("\\u0001") && expected.get(27).contains("\"NaN\""), expected.get(20));
    }

    @Test
    void namesComeFromTheSchemaGiven() { // show --columns GENRE names the column as asked
        StructType asked = new StructType().add("GENRE", DataTypes.StringType).add("n", DataTypes.IntegerType);
        assertEquals(List.of("{\"GENRE\":\"rock\"}"), JsonLines.of(asked, List.of(RowFactory.create("rock", null))));
    }

    @Test
    void aTypeWithoutAJsonFormHereIsRefused() {
        StructType odd = new StructType().add("span", DataTypes.CalendarIntervalType);
        assertThrows(UnsupportedOperationException.class, () -> JsonLines.of(odd,
                List.of(RowFactory.create(new org.apache.spark.unsafe.types.CalendarInterval(1, 2, 3)))));
    }
}
