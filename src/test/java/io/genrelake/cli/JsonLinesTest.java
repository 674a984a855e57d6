package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@link JsonLines} against Spark's own {@code toJSON} of the same rows: every type our tables hold and more, with the
 * values JSON writers disagree on (NaN, infinities, -0.0, tiny and huge doubles, escapes, non-ASCII text, nulls at
 * the top, in a struct, an array and a map, timestamps before 1970 and with microseconds).
 */
class JsonLinesTest {

    static SparkSession spark;

    static final StructType SCHEMA = new StructType()
            .add("track_id", DataTypes.StringType)
            .add("windows", DataTypes.IntegerType)
            .add("size", DataTypes.LongType)
            .add("confidence", DataTypes.DoubleType)
            .add("gain", DataTypes.FloatType)
            .add("level", DataTypes.ShortType)
            .add("flag", DataTypes.ByteType)
            .add("tag_disagrees", DataTypes.BooleanType)
            .add("price", DataTypes.createDecimalType(12, 3))
            .add("logmel", DataTypes.BinaryType)
            .add("classified_at", DataTypes.TimestampType)
            .add("top_genres", DataTypes.createArrayType(DataTypes.StringType))
            .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("window", new StructType().add("start_s", DataTypes.DoubleType).add("label", DataTypes.StringType))
            .add("spans", DataTypes.createArrayType(new StructType().add("a", DataTypes.IntegerType)))
            .add("run_date", DataTypes.DateType);

    static final double[] DOUBLES = {0.5, 1.0, -0.0, 1e-7, 123456789.125, 1e21, 0.1 + 0.2, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -2.5e-300};

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < DOUBLES.length; i++) {
            double d = DOUBLES[i];
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("rock", d);
            p.put("jazz \"cool\"", i % 3 == 0 ? null : 0.25);
            boolean nulls = i % 4 == 3;
            rows.add(RowFactory.create(i % 5 == 0 ? "t" + i + " é ✓ \"q\" \\ \n\t\u0001" : "t" + i,
                    nulls ? null : i - 5, (long) i << 40, d, nulls ? null : (float) d, (short) -i, (byte) i,
                    i % 2 == 0, new BigDecimal((i - 6) + ".125"), nulls ? null : new byte[] {(byte) i, -1, 0, 7},
                    Timestamp.valueOf((i % 2 == 0 ? "2026-" : "1969-") + "03-0" + (1 + i % 9) + " 0" + (i % 10)
                            + ":05:09." + String.format("%06d", i * 100_003)),
                    nulls ? null : scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList("rock", null, "g" + i))
                            .toSeq(),
                    nulls ? null : scala.jdk.javaapi.CollectionConverters.asScala(p),
                    RowFactory.create(i * 30.0, i % 2 == 0 ? null : "w" + i),
                    scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(RowFactory.create(i), null)).toSeq(),
                    i == 4 ? null : Date.valueOf("19" + (60 + i) + "-12-31")));
        }
        return rows;
    }

    @Test
    void linesAreSparksToJson() {
        Dataset<Row> data = spark.createDataFrame(rows(), SCHEMA);
        List<Row> collected = data.collectAsList();
        List<String> expected = data.toJSON().collectAsList();
        assertEquals(expected, JsonLines.of(data.schema(), collected));
        assertTrue(expected.get(0).contains("\\u0001") && expected.get(7).contains("\"NaN\""), expected.get(0));
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
