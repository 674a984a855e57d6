package io.genrelake.tables;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.types.DataTypes;

/**
 * Delta Kernel's column values as the Java objects a Spark {@link org.apache.spark.sql.Row} holds for the same
 * column ({@code Dataset.collectAsList}), and Kernel's types as Spark's: so that rows read without Spark print as
 * rows read with it. Conversions are Spark's own where it has one ({@link DateTimeUtils} for dates and timestamps,
 * {@link ArrayBasedMapData#toScalaMap} for maps, whose iteration order then matches), arrays a Scala sequence, structs
 * a {@link GenericRowWithSchema}.
 */
final class KernelValues {

    /** A struct column's Spark type, converted once rather than for every row that holds a struct. */
    private static final Map<StructType, org.apache.spark.sql.types.StructType> STRUCTS = new ConcurrentHashMap<>();

    private KernelValues() {}

    /** Spark's type for Kernel's {@code type}; an {@link UnsupportedOperationException} for one Spark lacks. */
    static org.apache.spark.sql.types.DataType spark(DataType type) {
        if (type instanceof StringType) {
            return DataTypes.StringType;
        } else if (type instanceof LongType) {
            return DataTypes.LongType;
        } else if (type instanceof IntegerType) {
            return DataTypes.IntegerType;
        } else if (type instanceof ShortType) {
            return DataTypes.ShortType;
        } else if (type instanceof ByteType) {
            return DataTypes.ByteType;
        } else if (type instanceof DoubleType) {
            return DataTypes.DoubleType;
        } else if (type instanceof FloatType) {
            return DataTypes.FloatType;
        } else if (type instanceof BooleanType) {
            return DataTypes.BooleanType;
        } else if (type instanceof BinaryType) {
            return DataTypes.BinaryType;
        } else if (type instanceof DateType) {
            return DataTypes.DateType;
        } else if (type instanceof TimestampType) {
            return DataTypes.TimestampType;
        } else if (type instanceof TimestampNTZType) {
            return DataTypes.TimestampNTZType;
        } else if (type instanceof DecimalType d) {
            return DataTypes.createDecimalType(d.getPrecision(), d.getScale());
        } else if (type instanceof ArrayType a) {
            return DataTypes.createArrayType(spark(a.getElementType()), a.containsNull());
        } else if (type instanceof MapType m) {
            return DataTypes.createMapType(spark(m.getKeyType()), spark(m.getValueType()), m.isValueContainsNull());
        } else if (type instanceof StructType s) {
            return spark(s);
        }
        throw new UnsupportedOperationException("no Spark type for Delta Kernel's " + type);
    }

    static org.apache.spark.sql.types.StructType spark(StructType struct) {
        org.apache.spark.sql.types.StructType result = new org.apache.spark.sql.types.StructType();
        for (StructField f : struct.fields()) {
            result = result.add(f.getName(), spark(f.getDataType()), f.isNullable());
        }
        return result;
    }

    /** The value at {@code row} of {@code vector}, as Spark's Row holds it; null for a null. */
    static Object value(ColumnVector vector, int row) {
        if (vector.isNullAt(row)) {
            return null;
        }
        DataType type = vector.getDataType();
        if (type instanceof StringType) {
            return vector.getString(row);
        } else if (type instanceof LongType) {
            return vector.getLong(row);
        } else if (type instanceof IntegerType) {
            return vector.getInt(row);
        } else if (type instanceof ShortType) {
            return vector.getShort(row);
        } else if (type instanceof ByteType) {
            return vector.getByte(row);
        } else if (type instanceof DoubleType) {
            return vector.getDouble(row);
        } else if (type instanceof FloatType) {
            return vector.getFloat(row);
        } else if (type instanceof BooleanType) {
            return vector.getBoolean(row);
        } else if (type instanceof BinaryType) {
            return vector.getBinary(row);
        } else if (type instanceof DateType) {
            return DateTimeUtils.toJavaDate(vector.getInt(row)); // days since the epoch
        } else if (type instanceof TimestampType) {
            return DateTimeUtils.toJavaTimestamp(vector.getLong(row)); // microseconds since the epoch, UTC
        } else if (type instanceof TimestampNTZType) {
            return DateTimeUtils.microsToLocalDateTime(vector.getLong(row));
        } else if (type instanceof DecimalType) {
            return vector.getDecimal(row);
        } else if (type instanceof ArrayType) {
            ArrayValue array = vector.getArray(row);
            return scala.collection.mutable.ArraySeq.make(values(array.getElements(), array.getSize()));
        } else if (type instanceof MapType) {
            MapValue map = vector.getMap(row);
            return ArrayBasedMapData.toScalaMap(values(map.getKeys(), map.getSize()),
                    values(map.getValues(), map.getSize()));
        } else if (type instanceof StructType struct) {
            Object[] fields = new Object[struct.length()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = value(vector.getChild(i), row);
            }
            return new GenericRowWithSchema(fields, STRUCTS.computeIfAbsent(struct, KernelValues::spark));
        }
        throw new UnsupportedOperationException("no Spark value for Delta Kernel's " + type);
    }

    private static Object[] values(ColumnVector vector, int size) {
        Object[] values = new Object[size];
        for (int i = 0; i < size; i++) {
            values[i] = value(vector, i);
        }
        return values;
    }
}
