package io.genrelake.testing;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Rows of every column type our tables hold, and a few more, for the tests that check a reader or a writer of ours
 * against Spark's (Delta Kernel's rows, JSON lines): strings, every integer width, doubles, floats, booleans,
 * decimals, binary, timestamps with microseconds, arrays, maps, structs, arrays of structs, dates.
 */
public final class EveryTypeRows {

    public static final StructType SCHEMA = new StructType()
            .add("track_id", DataTypes.StringType, false)
            .add("windows", DataTypes.IntegerType)
            .add("size", DataTypes.LongType)
            .add("confidence", DataTypes.DoubleType)
            .add("gain", DataTypes.FloatType)
            .add("level", DataTypes.ShortType)
            .add("flag", DataTypes.ByteType)
            .add("tag_disagrees", DataTypes.BooleanType)
            .add("price", DataTypes.createDecimalType(10, 3))
            .add("logmel", DataTypes.BinaryType)
            .add("classified_at", DataTypes.TimestampType)
            .add("top_genres", DataTypes.createArrayType(DataTypes.StringType))
            .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
            .add("window", new StructType().add("start_s", DataTypes.DoubleType).add("end_s", DataTypes.DoubleType))
            .add("spans", DataTypes.createArrayType(new StructType().add("a", DataTypes.IntegerType)))
            .add("run_date", DataTypes.DateType);

    /** Doubles text writers disagree on. */
    private static final double[] AWKWARD = {0.5, 1.0, -0.0, 1e-7, 123456789.125, 1e21, 0.1 + 0.2, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -2.5e-300};

    private EveryTypeRows() {}

    /**
     * Tracks {@code t<from>}… of run {@code date}: every ninth with nulls in its nullable top-level columns, maps of
     * six keys (Scala's hash map, not Map1–Map4).
     */
    public static List<Row> rows(int from, int n, String date) {
        List<Row> rows = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            Map<String, Double> p = new LinkedHashMap<>();
            for (String g : List.of("rock", "jazz", "pop", "metal", "blues", "disco")) {
                p.put(g, (i * 7 + g.length()) % 10 / 10.0);
            }
            boolean nulls = i % 9 == 4;
            rows.add(RowFactory.create("t" + i, nulls ? null : i % 5, (long) i << 33, i / 7.0, nulls ? null : i / 3f,
                    (short) i, (byte) (i % 100), i % 2 == 0, new BigDecimal(i + ".125"),
                    nulls ? null : new byte[] {(byte) i, 1, 2},
                    Timestamp.valueOf("2026-01-01 03:00:00." + String.format("%06d", i * 1001)),
                    nulls ? null : CollectionConverters.asScala(List.of("rock", "g" + i)).toSeq(),
                    nulls ? null : CollectionConverters.asScala(p),
                    RowFactory.create(i * 30.0, i * 30.0 + 30),
                    CollectionConverters.asScala(List.of(RowFactory.create(i))).toSeq(),
                    Date.valueOf(date)));
        }
        return rows;
    }

    /**
     * Rows of awkward values: NaN, infinities, -0.0, tiny and huge doubles, escapes and non-ASCII text, negative
     * numbers, nulls inside a struct, an array and a map, timestamps before 1970, dates of the 1960s.
     */
    public static List<Row> awkwardRows() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < AWKWARD.length; i++) {
            double d = AWKWARD[i];
            Map<String, Double> p = new LinkedHashMap<>();
            p.put("rock", d);
            p.put("jazz \"cool\"", i % 3 == 0 ? null : 0.25);
            boolean nulls = i % 4 == 3;
            rows.add(RowFactory.create(i % 5 == 0 ? "a" + i + " é ✓ \"q\" \\ \n\t\u0001" : "a" + i,
                    nulls ? null : i - 5, (long) i << 40, d, nulls ? null : (float) d, (short) -i, (byte) i,
                    i % 2 == 0, new BigDecimal((i - 6) + ".125"), nulls ? null : new byte[] {(byte) i, -1, 0, 7},
                    Timestamp.valueOf((i % 2 == 0 ? "2026-" : "1969-") + "03-0" + (1 + i % 9) + " 0" + (i % 10)
                            + ":05:09." + String.format("%06d", i * 100_003)),
                    nulls ? null : CollectionConverters.asScala(Arrays.asList("rock", null, "g" + i)).toSeq(),
                    nulls ? null : CollectionConverters.asScala(p),
                    RowFactory.create(i * 30.0, i % 2 == 0 ? null : d),
                    CollectionConverters.asScala(Arrays.asList(RowFactory.create(i), null)).toSeq(),
                    i == 4 ? null : Date.valueOf("19" + (60 + i) + "-12-31")));
        }
        return rows;
    }
}
