package io.genrelake.tables;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.BinaryComparison;
import org.apache.spark.sql.catalyst.expressions.EqualNullSafe;
import org.apache.spark.sql.catalyst.expressions.EqualTo;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GreaterThan;
import org.apache.spark.sql.catalyst.expressions.GreaterThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.LessThan;
import org.apache.spark.sql.catalyst.expressions.LessThanOrEqual;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.expressions.UnaryMinus;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import org.apache.spark.sql.catalyst.util.SQLOrderingUtil;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A {@code show --where} filter evaluated on the column vectors Delta Kernel reads, giving the rows Spark's
 * {@code Dataset.where} gives, for the filters people type at a table: a column compared with a literal
 * ({@code = != <> < <= > >= <=>}), {@code IN (…)}, {@code IS [NOT] NULL}, a boolean column alone, joined with
 * {@code AND}, {@code OR}, {@code NOT} — over string, integral, double, boolean and date columns. The text is parsed
 * by Spark's own SQL parser (which needs no session); anything else (functions, {@code LIKE}, arithmetic, two
 * columns, nested fields, timestamps, a literal Spark would convert in a way not copied here, a name Spark would find
 * ambiguous or missing, text that does not parse) is not translated: {@link #of} is empty and Spark reads, and says
 * what is wrong.
 *
 * <p>Evaluated here rather than by Kernel's own predicate evaluator because Spark's rules are what must hold and they
 * are few: its implicit casts (a decimal literal against a double column is compared as a double, against an
 * integral one exactly; a {@code 'yyyy-MM-dd'} string against a date is that date), three-valued logic with
 * {@code WHERE} keeping only true, NaN equal to itself and above every number, -0.0 equal to 0.0
 * ({@link SQLOrderingUtil#compareDoubles}), strings ordered by their UTF-8 bytes ({@link UTF8String}).
 * {@code WhereFilterTest} holds each against Spark.
 */
public final class WhereFilter {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Decimal literals up to this precision widen against a long without Spark losing digits (decimal(38) at most). */
    private static final int EXACT_DECIMAL_PRECISION = 18;

    /** A node's value for one row: TRUE, FALSE or null (SQL's NULL). */
    private interface Node {
        Boolean eval(ColumnVector[] columns, int row);
    }

    private final Node root;
    private final List<StructField> columns;
    private final Expression parsed;
    private final StructType schema;

    private WhereFilter(Node root, List<StructField> columns, Expression parsed, StructType schema) {
        this.root = root;
        this.columns = List.copyOf(columns);
        this.parsed = parsed;
        this.schema = schema;
    }

    /** The table's fields the filter reads: {@link #keeps} takes their vectors in this order. */
    public List<StructField> columns() {
        return columns;
    }

    /** Whether row {@code row} is kept: the filter is true for it (false and NULL drop it, as in SQL). */
    public boolean keeps(ColumnVector[] vectors, int row) {
        return Boolean.TRUE.equals(root.eval(vectors, row));
    }

    /** {@code where} as a filter on a table of {@code schema}; empty when Spark must evaluate it (above). */
    public static Optional<WhereFilter> of(String where, StructType schema) {
        if (where.contains("${")) {
            return Optional.empty(); // Spark's parser substitutes variables first
        }
        Expression parsed;
        try {
            parsed = CatalystSqlParser$.MODULE$.parseExpression(where);
        } catch (Exception unparsable) { // ParseException, undeclared by Scala
            return Optional.empty(); // Spark says what is wrong with it
        }
        Translation t = new Translation(schema);
        Node root = t.node(parsed);
        return root == null ? Optional.empty() : Optional.of(new WhereFilter(root, t.columns, parsed, schema));
    }

    /**
     * The filter's top-level {@code AND} terms that compare a partition column (date or integral; string with
     * {@code =}) with a literal, as a Kernel predicate, so that Kernel reads only the files of partitions they allow
     * (Spark prunes partitions as well); empty when there is none. A row of a skipped file fails one of those terms,
     * so it fails the filter: {@link #keeps} still decides every row read.
     */
    public Optional<io.delta.kernel.expressions.Predicate> partitionPruning(List<String> partitionColumns) {
        io.delta.kernel.expressions.Predicate pruning = null;
        for (Expression term : terms(parsed, new ArrayList<>())) {
            io.delta.kernel.expressions.Predicate p = partitionTerm(term, partitionColumns);
            if (p != null) {
                pruning = pruning == null ? p : new io.delta.kernel.expressions.And(pruning, p);
            }
        }
        return Optional.ofNullable(pruning);
    }

    private static List<Expression> terms(Expression e, List<Expression> into) {
        if (e instanceof And and) {
            terms(and.left(), into);
            terms(and.right(), into);
        } else {
            into.add(e);
        }
        return into;
    }

    private io.delta.kernel.expressions.Predicate partitionTerm(Expression term, List<String> partitionColumns) {
        if (!(term instanceof BinaryComparison comparison) || term instanceof EqualNullSafe) {
            return null;
        }
        boolean columnLeft = comparison.left() instanceof UnresolvedAttribute;
        StructField field = field(schema, columnLeft ? comparison.left() : comparison.right());
        Operator op = Operator.of(comparison);
        if (field == null || op == null || !partitionColumns.contains(field.getName())) {
            return null;
        }
        Expression literalSide = columnLeft ? comparison.right() : comparison.left();
        DataType type = field.getDataType();
        io.delta.kernel.expressions.Literal literal = null;
        if (type instanceof DateType && literalSide instanceof Literal l && l.value() != null) {
            Integer days = days(l.value(), l.dataType());
            literal = days == null ? null : io.delta.kernel.expressions.Literal.ofDate(days);
        } else if (type.equals(StringType.STRING) && op == Operator.EQUAL && literalSide instanceof Literal l
                && l.value() instanceof UTF8String text) {
            literal = io.delta.kernel.expressions.Literal.ofString(text.toString());
        } else if ((type instanceof LongType || type instanceof IntegerType)) {
            BigDecimal n = literalSide instanceof UnaryMinus m && m.child() instanceof Literal l ? number(l.value(), true)
                    : literalSide instanceof Literal l ? number(l.value(), false) : null;
            if (n != null && n.scale() <= 0 && !(literalSide instanceof Literal l && l.value() instanceof Double)) {
                long max = type instanceof LongType ? Long.MAX_VALUE : Integer.MAX_VALUE;
                long min = type instanceof LongType ? Long.MIN_VALUE : Integer.MIN_VALUE;
                if (n.compareTo(BigDecimal.valueOf(min)) >= 0 && n.compareTo(BigDecimal.valueOf(max)) <= 0) {
                    literal = type instanceof LongType ? io.delta.kernel.expressions.Literal.ofLong(n.longValueExact())
                            : io.delta.kernel.expressions.Literal.ofInt(n.intValueExact());
                }
            }
        }
        if (literal == null) {
            return null;
        }
        String name = switch (columnLeft ? op : op.flipped()) {
            case EQUAL -> "=";
            case LESS -> "<";
            case LESS_OR_EQUAL -> "<=";
            case GREATER -> ">";
            case GREATER_OR_EQUAL -> ">=";
            default -> null;
        };
        return name == null ? null
                : new io.delta.kernel.expressions.Predicate(name, new io.delta.kernel.expressions.Column(field.getName()),
                        literal);
    }

    /** The table field {@code e} names, as Spark resolves a name (case ignored; two matches are ambiguous), or null. */
    private static StructField field(StructType schema, Expression e) {
        if (!(e instanceof UnresolvedAttribute attribute) || attribute.nameParts().size() != 1) {
            return null;
        }
        String name = attribute.nameParts().head();
        StructField match = null;
        for (StructField f : schema.fields()) {
            if (f.getName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                if (match != null) {
                    return null;
                }
                match = f;
            }
        }
        return match;
    }

    /** Spark's expression tree to nodes; null for anything beyond the subset. */
    private static final class Translation {
        private final StructType schema;
        private final List<StructField> columns = new ArrayList<>();

        Translation(StructType schema) {
            this.schema = schema;
        }

        Node node(Expression e) {
            if (e instanceof And and) {
                Node l = node(and.left());
                Node r = node(and.right());
                return l == null || r == null ? null : (c, row) -> and(l.eval(c, row), r.eval(c, row));
            }
            if (e instanceof Or or) {
                Node l = node(or.left());
                Node r = node(or.right());
                return l == null || r == null ? null : (c, row) -> or(l.eval(c, row), r.eval(c, row));
            }
            if (e instanceof Not not) {
                Node n = node(not.child());
                return n == null ? null : (c, row) -> {
                    Boolean v = n.eval(c, row);
                    return v == null ? null : !v;
                };
            }
            if (e instanceof IsNull isNull) {
                int col = column(isNull.child(), true);
                return col < 0 ? null : (c, row) -> c[col].isNullAt(row);
            }
            if (e instanceof IsNotNull isNotNull) {
                int col = column(isNotNull.child(), true);
                return col < 0 ? null : (c, row) -> !c[col].isNullAt(row);
            }
            if (e instanceof Literal literal && literal.value() instanceof Boolean constant) {
                return (c, row) -> constant; // WHERE NULL alone is left to Spark, which refuses it
            }
            if (e instanceof UnresolvedAttribute) {
                int col = column(e);
                return col < 0 || !(type(col) instanceof BooleanType) ? null
                        : (c, row) -> c[col].isNullAt(row) ? null : c[col].getBoolean(row);
            }
            if (e instanceof BinaryComparison comparison) {
                return comparison(comparison);
            }
            if (e instanceof In in) {
                return in(in);
            }
            return null;
        }

        private Node comparison(BinaryComparison comparison) {
            boolean columnLeft = comparison.left() instanceof UnresolvedAttribute;
            Expression columnSide = columnLeft ? comparison.left() : comparison.right();
            Expression literalSide = columnLeft ? comparison.right() : comparison.left();
            int col = column(columnSide);
            if (col < 0) {
                return null;
            }
            Value literal = literal(literalSide, type(col));
            if (literal == null) {
                return null;
            }
            Operator op = Operator.of(comparison);
            if (op == null) {
                return null;
            }
            Operator asked = columnLeft ? op : op.flipped();
            return (c, row) -> {
                boolean columnNull = c[col].isNullAt(row);
                if (asked == Operator.NULL_SAFE_EQUAL) {
                    return columnNull || literal.isNull() ? columnNull && literal.isNull()
                            : literal.compareTo(c[col], row) == 0;
                }
                if (columnNull || literal.isNull()) {
                    return null;
                }
                return asked.holds(-Integer.signum(literal.compareTo(c[col], row))); // column against literal
            };
        }

        private Node in(In in) {
            int col = column(in.value());
            if (col < 0) {
                return null;
            }
            List<Value> values = new ArrayList<>();
            List<Expression> items = CollectionConverters.asJava(in.list());
            if (integral(type(col)) && items.stream().anyMatch(i -> literalOf(i, Double.class))
                    && items.stream().anyMatch(i -> literalOf(i, Decimal.class))) {
                return null; // Spark widens the whole list to double then, not to an exact decimal
            }
            for (Expression item : items) {
                Value v = literal(item, type(col));
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return (c, row) -> {
                if (c[col].isNullAt(row)) {
                    return null;
                }
                boolean sawNull = false;
                for (Value v : values) {
                    if (v.isNull()) {
                        sawNull = true;
                    } else if (v.compareTo(c[col], row) == 0) {
                        return true;
                    }
                }
                return sawNull ? null : false; // SQL: x IN (…, NULL) is NULL, not false, when nothing matches
            };
        }

        private static boolean literalOf(Expression e, Class<?> type) {
            Expression value = e instanceof UnaryMinus minus ? minus.child() : e;
            return value instanceof Literal l && type.isInstance(l.value());
        }

        /** {@link #column(Expression, boolean)} of a column whose values are compared. */
        private int column(Expression e) {
            return column(e, false);
        }

        /**
         * The index in {@link #columns} of the table column {@code e} names, or -1: not a single name of the table, or
         * (unless {@code anyType}: only asked whether it is null) of a type whose comparisons are not copied here.
         */
        private int column(Expression e, boolean anyType) {
            StructField match = field(schema, e);
            if (match == null || !(anyType || supported(match.getDataType()))) {
                return -1;
            }
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).getName().equals(match.getName())) {
                    return i;
                }
            }
            columns.add(match);
            return columns.size() - 1;
        }

        private DataType type(int col) {
            return columns.get(col).getDataType();
        }

        private static boolean supported(DataType t) {
            return t.equals(StringType.STRING) || integral(t) || t instanceof DoubleType || t instanceof BooleanType
                    || t instanceof DateType;
        }
    }

    private static boolean integral(DataType t) {
        return t instanceof LongType || t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType;
    }

    /** Spark's AND and OR on TRUE, FALSE and NULL. */
    private static Boolean and(Boolean l, Boolean r) {
        if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
            return false;
        }
        return l == null || r == null ? null : true;
    }

    private static Boolean or(Boolean l, Boolean r) {
        if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
            return true;
        }
        return l == null || r == null ? null : false;
    }

    private enum Operator {
        EQUAL, NULL_SAFE_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL;

        static Operator of(BinaryComparison c) {
            if (c instanceof EqualTo) {
                return EQUAL;
            } else if (c instanceof EqualNullSafe) {
                return NULL_SAFE_EQUAL;
            } else if (c instanceof LessThan) {
                return LESS;
            } else if (c instanceof LessThanOrEqual) {
                return LESS_OR_EQUAL;
            } else if (c instanceof GreaterThan) {
                return GREATER;
            } else if (c instanceof GreaterThanOrEqual) {
                return GREATER_OR_EQUAL;
            }
            return null;
        }

        /** The operator with its sides swapped: {@code 0.8 < x} is {@code x > 0.8}. */
        Operator flipped() {
            return switch (this) {
                case LESS -> GREATER;
                case LESS_OR_EQUAL -> GREATER_OR_EQUAL;
                case GREATER -> LESS;
                case GREATER_OR_EQUAL -> LESS_OR_EQUAL;
                default -> this;
            };
        }

        boolean holds(int order) {
            return switch (this) {
                case EQUAL, NULL_SAFE_EQUAL -> order == 0;
                case LESS -> order < 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER -> order > 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    /** A literal as Spark compares it with a column of one type. */
    private interface Value {
        /** The literal against the column's value at {@code row} (not null): negative when the literal is less. */
        int compareTo(ColumnVector column, int row);

        default boolean isNull() {
            return false;
        }
    }

    private static final Value NULL = new Value() {
        @Override
        public int compareTo(ColumnVector column, int row) {
            throw new IllegalStateException("NULL is compared with nothing");
        }

        @Override
        public boolean isNull() {
            return true;
        }
    };

    /**
     * {@code e}, a literal (a negated number too), converted as Spark's type coercion converts it for a comparison with
     * a column of {@code type}; null when that conversion is not one copied here.
     */
    private static Value literal(Expression e, DataType type) {
        boolean negated = false;
        if (e instanceof UnaryMinus minus) {
            negated = true;
            e = minus.child();
        }
        if (!(e instanceof Literal literal)) {
            return null;
        }
        Object v = literal.value();
        if (v == null) {
            return negated ? null : NULL;
        }
        if (type.equals(StringType.STRING)) {
            return v instanceof UTF8String s && !negated ? (c, row) -> s.compareTo(UTF8String.fromString(c.getString(row)))
                    : null;
        }
        if (type instanceof BooleanType) {
            return v instanceof Boolean b && !negated ? (c, row) -> Boolean.compare(b, c.getBoolean(row)) : null;
        }
        if (type instanceof DateType) {
            Integer days = negated ? null : days(v, literal.dataType());
            return days == null ? null : (c, row) -> Integer.compare(days, c.getInt(row));
        }
        BigDecimal number = number(v, negated);
        if (number == null) {
            return null;
        }
        if (type instanceof DoubleType) { // a number against a double: both as doubles, converted as Spark's cast does
            double asDouble = v instanceof Double x ? x : v instanceof Decimal dec ? dec.toDouble() : number.doubleValue();
            double d = negated ? -asDouble : asDouble;
            return (c, row) -> SQLOrderingUtil.compareDoubles(d, c.getDouble(row));
        }
        if (v instanceof Double x) { // an integral column against a double literal: both as doubles
            double d = negated ? -x : x;
            return (c, row) -> SQLOrderingUtil.compareDoubles(d, (double) integral(c, type, row));
        }
        if (v instanceof Decimal dec && dec.precision() > EXACT_DECIMAL_PRECISION) {
            return null;
        }
        // an integral column against an integer or a decimal: exactly, as Spark's widened decimal compares them
        return (c, row) -> number.compareTo(BigDecimal.valueOf(integral(c, type, row)));
    }

    /** The literal's number (integers, decimals, doubles); null for anything else. */
    private static BigDecimal number(Object v, boolean negated) {
        BigDecimal n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Decimal d) {
            n = d.toJavaBigDecimal();
        } else if (v instanceof Double d && Double.isFinite(d)) {
            n = BigDecimal.valueOf(d);
        } else {
            return null;
        }
        return negated ? n.negate() : n;
    }

    private static long integral(ColumnVector c, DataType type, int row) {
        if (type instanceof LongType) {
            return c.getLong(row);
        } else if (type instanceof IntegerType) {
            return c.getInt(row);
        } else if (type instanceof ShortType) {
            return c.getShort(row);
        }
        return c.getByte(row);
    }

    /** A date literal's days since the epoch, or a {@code 'yyyy-MM-dd'} string's (Spark casts it to a date). */
    private static Integer days(Object v, org.apache.spark.sql.types.DataType literalType) {
        if (literalType instanceof org.apache.spark.sql.types.DateType && v instanceof Integer d) {
            return d;
        }
        if (v instanceof UTF8String s && ISO_DATE.matcher(s.toString()).matches()) {
            try {
                return Math.toIntExact(LocalDate.parse(s.toString()).toEpochDay());
            } catch (DateTimeParseException | ArithmeticException notADate) {
                return null; // Spark's cast decides what that is
            }
        }
        return null;
    }
}
