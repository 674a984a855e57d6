package io.genrelake.cli;

import io.delta.kernel.exceptions.KernelEngineException;
import io.delta.kernel.exceptions.KernelException;
import io.genrelake.jobs.CommandErrors;
import io.genrelake.jobs.SparkConfFile;
import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.jobs.TrainJob;
import io.genrelake.tables.KernelTableHistory;
import io.genrelake.tables.KernelTableReader;
import io.genrelake.tables.Table;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake show}: prints any of our tables (features, genres, current, the nightly state): the latest version
 * of a Delta table, an earlier one ({@code --as-of-version}), its commits ({@code --history}), or a plain Parquet
 * folder. A Delta table printed without a filter, or with one {@link io.genrelake.tables.WhereFilter} evaluates as
 * Spark does, and its commits without a filter, are read in this JVM by Delta Kernel ({@link KernelTableReader},
 * {@link KernelTableHistory}: 3–6 s instead of 13–21 s with a SparkSession), on any Hadoop file system with the
 * settings Spark would have; everything else, and any table Kernel cannot read, through Spark.
 */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Prints the rows of a table written by genrelake (the feature table, <output>/genres, "
                    + "<output>/current, <state>/catalogue, <state>/runs: Delta tables, or plain Parquet) on any "
                    + "Hadoop file system; --as-of-version N reads an earlier version, --history lists the commits.",
            "A Delta table and its --history are read without starting Spark (Delta Kernel, with the Hadoop "
                    + "settings of spark-submit and --conf), and so is a --where of column-and-literal comparisons, "
                    + "IN, IS NULL, AND/OR/NOT (not with --history); --master local[*] reads through Spark.",
            "Example: genrelake show out/current --where \"genre = 'rock' AND confidence > 0.8\" --limit 5"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  1  the table cannot be read, or the filter is not valid SQL", "  2  usage error"})
public final class ShowCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ShowCommand.class);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URI", description = "The table (a Parquet folder, partitioned or not).")
    private String uri;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Rows printed at most. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (aligned columns, long cells cut), csv (a header, then RFC-4180 rows) or json "
                    + "(one object per line). Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--where", paramLabel = "EXPR",
            description = "A Spark SQL filter, e.g. \"status = 'error'\" or \"run_date = '2026-01-31'\" (comparisons "
                    + "with literals, IN, IS NULL, AND/OR/NOT: evaluated without Spark). Default: none.")
    private String where;

    @Option(names = "--columns", paramLabel = "LIST", split = ",",
            description = "Comma-separated columns to print, in order. Default: every column.")
    private List<String> columns;

    @Option(names = "--as-of-version", paramLabel = "N",
            description = "The Delta table's version N instead of the latest (time travel; see --history). "
                    + "Default: the latest.")
    private Long version;

    @Option(names = "--history",
            description = "Prints the Delta table's commits (version, time, operation, the run that made it) "
                    + "instead of its rows, newest first.")
    private boolean history;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master. Default: local[*].")
    private String master;

    @Mixin
    private SparkConfFile conf;

    @Override
    public Integer call() {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "csv", "json").contains(fmt)) {
            throw new ParameterException(spec.commandLine(), "--format must be table, csv or json, got " + format);
        }
        if (limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must be 0 or more, got " + limit);
        }
        SparkLogLevels.forCommandLine(); // as every command that starts Spark: our progress at INFO, Spark at WARN
        if (readsWithoutSpark()) {
            Optional<Integer> exit = readWithKernel(fmt);
            if (exit.isPresent()) {
                return exit.get();
            }
        }
        try (TrainJob.Session session = TrainJob.Session.open("genrelake show", master, conf)) {
            SparkSession spark = session.spark();
            Dataset<Row> table;
            try {
                Table delta = new Table(spark, uri);
                if ((version != null || history) && !delta.exists()) {
                    return fail(notDelta());
                }
                table = history ? delta.history().select("version", "timestamp", "operation", "operationParameters",
                                "userMetadata")
                        : version != null ? delta.readVersion(version) : Table.readAny(spark, uri);
                if (where != null) {
                    table = table.where(where);
                }
                if (columns != null && !columns.isEmpty()) {
                    table = table.selectExpr(columns.stream().map(c -> "`" + c.strip() + "`").toArray(String[]::new));
                }
            } catch (Exception e) {
                // Scala does not declare AnalysisException (a missing table, a filter that does not parse or
                // names no column): those are the user's to fix; anything else is a bug.
                if (e instanceof AnalysisException) {
                    CommandErrors.print(spec.commandLine().getErr(), "show", e.getMessage());
                    return GenreLake.EXIT_FAILURE;
                }
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            Dataset<Row> shown = table.limit(limit);
            if (fmt.equals("json")) {
                printJson(shown.toJSON().collectAsList());
            } else {
                print(fmt, shown.schema(), shown.collectAsList());
            }
            return 0;
        }
    }

    /**
     * Whether Delta Kernel may read the table or its history in this JVM instead of Spark: no master asked for
     * ({@code --master local[*]} reads through Spark), no filter of the history; a filter it cannot evaluate as Spark
     * does ({@link io.genrelake.tables.WhereFilter}) sends the read to Spark later.
     */
    private boolean readsWithoutSpark() {
        return master == null && !(history && where != null);
    }

    /**
     * Spark settings that change what a plain read gives back (names matched with case, {@code java.time} objects
     * instead of {@code java.sql} ones); given any of them, whatever its value, Spark reads, so that the rows print as
     * it gives them.
     */
    static final List<String> SETTINGS_SHAPING_ROWS = List.of("spark.sql.caseSensitive",
            "spark.sql.datetime.java8API.enabled");

    /**
     * With {@code --where}, a setting under one of these names sends the read to Spark: they change how Spark parses a
     * filter, resolves its names or converts and compares its values (ANSI mode, legacy literal types, escapes, variable
     * substitution, a session's collation, a parser injected by an extension, decimal widening). Settings of reading
     * and writing (shuffle partitions, committers: the shipped conf files' {@code spark.sql.*}) do not.
     */
    static final List<String> SETTINGS_SHAPING_FILTERS = List.of("spark.sql.ansi.", "spark.sql.legacy.",
            "spark.sql.parser.", "spark.sql.variable.substitute", "spark.sql.session.", "spark.sql.extensions",
            "spark.sql.decimalOperations.", "spark.sql.collation"); // spark.sql.caseSensitive: SETTINGS_SHAPING_ROWS

    /** Spark settings that change how its {@code toJSON} writes rows: with {@code --format json}, Spark reads. */
    static final List<String> SETTINGS_SHAPING_JSON = List.of("spark.sql.session.timeZone",
            "spark.sql.jsonGenerator.ignoreNullFields");

    /**
     * Reads and prints the table through Delta Kernel, with the Hadoop settings a SparkSession would get
     * (spark-submit's and the {@code --conf} file's {@code spark.hadoop.*}, AWS's environment variables): the exit
     * code, or empty when Spark should read it (not a Delta table, a setting of {@link #SETTINGS_SHAPING_ROWS} or, for
     * JSON, {@link #SETTINGS_SHAPING_JSON}, something Kernel cannot read). A store that cannot be listed is an error
     * here: Spark would meet it again, after its own retries.
     */
    private Optional<Integer> readWithKernel(String fmt) {
        Map<String, String> settings;
        try {
            settings = conf.settings();
        } catch (IOException e) { // reported as every command reports an unreadable --conf
            throw new UncheckedIOException(e);
        }
        List<String> shaping = new ArrayList<>(SETTINGS_SHAPING_ROWS);
        if (fmt.equals("json")) {
            shaping.addAll(SETTINGS_SHAPING_JSON);
        }
        for (String key : shaping) {
            if (settings.containsKey(key)) {
                LOG.info("show: reading {} through Spark ({} is set)", uri, key);
                return Optional.empty();
            }
        }
        if (where != null) {
            Optional<String> sql = settings.keySet().stream()
                    .filter(k -> SETTINGS_SHAPING_FILTERS.stream().anyMatch(k::startsWith)).sorted().findFirst();
            if (sql.isPresent()) {
                LOG.info("show: filtering {} through Spark ({} is set)", uri, sql.get());
                return Optional.empty();
            }
        }
        Configuration hadoop = SparkConfFile.hadoopConfiguration(settings); // only once Kernel is to read
        Optional<org.apache.hadoop.fs.Path> table;
        try {
            table = KernelTableReader.locate(hadoop, uri);
        } catch (IllegalArgumentException | FileNotFoundException e) { // credentials in the URI, no table
            return Optional.of(fail(e.getMessage()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.of(fail("cannot read " + uri + ": " + e.getMessage()));
        }
        if (table.isEmpty()) {
            return version != null || history ? Optional.of(fail(notDelta())) : Optional.empty(); // Parquet: Spark's
        }
        try {
            KernelTableReader.Rows read = history ? KernelTableHistory.read(hadoop, table.get(), columns, limit)
                    : KernelTableReader.read(hadoop, table.get(), version, columns, where, limit);
            print(fmt, read.schema(), read.rows());
            return Optional.of(0);
        } catch (IllegalArgumentException e) { // a column the table lacks
            return Optional.of(fail(e.getMessage()));
        } catch (KernelException | KernelEngineException | UnsupportedOperationException | IOException
                | UncheckedIOException e) {
            // a version the table lacks, a table feature or file Kernel does not read, a filter only Spark evaluates:
            // Spark reads it, or says why not
            LOG.info("show: reading {} through Spark ({})", uri, e.getMessage());
            return Optional.empty();
        }
    }

    private String notDelta() {
        return uri + " is not a Delta table: --as-of-version and --history need one";
    }

    private int fail(String message) {
        CommandErrors.print(spec.commandLine().getErr(), "show", message);
        return GenreLake.EXIT_FAILURE;
    }

    /** Prints JSON lines, a line break after the last when some could be asked for. */
    private void printJson(List<String> lines) {
        spec.commandLine().getOut().print(String.join("\n", lines) + (limit > 0 ? "\n" : ""));
        spec.commandLine().getOut().flush();
    }

    /** Prints {@code rows} as a table, CSV or JSON lines; says so on stderr when a table has no rows. */
    private void print(String fmt, StructType schema, List<Row> rows) {
        if (fmt.equals("json")) {
            printJson(JsonLines.of(schema, rows));
            return;
        }
        spec.commandLine().getOut().print(fmt.equals("csv") ? TableText.csv(schema, rows) : TableText.table(schema, rows));
        spec.commandLine().getOut().flush();
        if (fmt.equals("table") && rows.isEmpty() && limit > 0) { // a header alone reads like a failure
            spec.commandLine().getErr().println("show: no rows" + (where == null ? "" : " where " + where));
            spec.commandLine().getErr().flush();
        }
    }
}
