package io.genrelake.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows as JSON lines, written as Spark's {@code Dataset.toJSON} writes them with its default options, for {@code show
 * --format json} of rows read without Spark: one object per row, fields in the schema's order, a null field left out
 * (Spark's {@code ignoreNullFields}) but a null in an array or a map's value written; timestamps as
 * {@value #TIMESTAMP_PATTERN} in the JVM's time zone (Spark's session time zone by default), dates as ISO dates,
 * binary as base64, numbers as Jackson writes them (the same generator Spark uses; NaN quoted). Takes the Java objects
 * Spark's {@code collectAsList} gives (java.sql dates and timestamps, Scala maps and sequences, rows for structs).
 */
final class JsonLines {

    /** Spark's default {@code timestampFormat} for JSON (JSONOptions). */
    static final String TIMESTAMP_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLines() {}

    /** One line per row, no line break after the last. */
    static List<String> of(StructType schema, List<Row> rows) {
        DateTimeFormatter timestamps = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN, Locale.US)
                .withZone(ZoneId.systemDefault());
        List<String> lines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            StringWriter out = new StringWriter();
            try (JsonGenerator gen = FACTORY.createGenerator(out)) {
                writeStruct(gen, schema, row, timestamps);
            } catch (IOException e) { // a StringWriter does not fail
                throw new UncheckedIOException(e);
            }
            lines.add(out.toString());
        }
        return lines;
    }

    private static void writeStruct(JsonGenerator gen, StructType type, Row row, DateTimeFormatter timestamps)
            throws IOException {
        gen.writeStartObject();
        StructField[] fields = type.fields();
        for (int i = 0; i < fields.length; i++) {
            if (!row.isNullAt(i)) {
                gen.writeFieldName(fields[i].name());
                write(gen, fields[i].dataType(), row.get(i), timestamps);
            }
        }
        gen.writeEndObject();
    }

    /** {@code v} of Spark's type {@code type}: the type names a struct's fields and the values' types inside. */
    private static void write(JsonGenerator gen, DataType type, Object v, DateTimeFormatter timestamps)
            throws IOException {
        if (v == null) {
            gen.writeNull();
        } else if (v instanceof String s) {
            gen.writeString(s);
        } else if (v instanceof Double d) {
            gen.writeNumber(d);
        } else if (v instanceof Float f) {
            gen.writeNumber(f);
        } else if (v instanceof Long n) {
            gen.writeNumber(n);
        } else if (v instanceof Integer n) {
            gen.writeNumber(n);
        } else if (v instanceof Short n) {
            gen.writeNumber(n);
        } else if (v instanceof Byte n) {
            gen.writeNumber(n);
        } else if (v instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (v instanceof BigDecimal d) {
            gen.writeNumber(d);
        } else if (v instanceof byte[] bytes) {
            gen.writeBinary(bytes);
        } else if (v instanceof Timestamp t) {
            gen.writeString(timestamps.format(t.toInstant()));
        } else if (v instanceof Date d) {
            gen.writeString(d.toLocalDate().toString());
        } else if (v instanceof Row struct && type instanceof StructType structType) {
            writeStruct(gen, structType, struct, timestamps);
        } else if (v instanceof scala.collection.Map<?, ?> map && type instanceof MapType mapType) {
            gen.writeStartObject();
            var entries = map.iterator();
            while (entries.hasNext()) {
                var e = entries.next();
                gen.writeFieldName(e._1().toString());
                write(gen, mapType.valueType(), e._2(), timestamps);
            }
            gen.writeEndObject();
        } else if (v instanceof scala.collection.Iterable<?> seq && type instanceof ArrayType arrayType) {
            gen.writeStartArray();
            var items = seq.iterator();
            while (items.hasNext()) {
                write(gen, arrayType.elementType(), items.next(), timestamps);
            }
            gen.writeEndArray();
        } else { // a type none of our tables holds (an interval, a variant): Spark's reading handles it
            throw new UnsupportedOperationException("no JSON form here for a " + v.getClass().getName());
        }
    }
}
