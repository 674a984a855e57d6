package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import io.genrelake.jobs.SparkConfFile;
import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.jobs.TrainJob;
import io.genrelake.tables.Table;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake show}: prints any of our tables (features, genres, current, the nightly state) without Spark
 * code: the latest version of a Delta table, an earlier one ({@code --as-of-version}), its commits ({@code --history}),
 * or a plain Parquet folder.
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
            "Example: genrelake show out/current --where \"genre = 'rock' AND confidence > 0.8\" --limit 5"
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  printed", "  1  the table cannot be read, or the filter is not valid SQL", "  2  usage error"})
public final class ShowCommand implements Callable<Integer> {

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
            description = "A Spark SQL filter, e.g. \"status = 'error'\" or \"run_date = '2026-01-31'\". Default: none.")
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
        try (TrainJob.Session session = TrainJob.Session.open("genrelake show", master, conf)) {
            SparkSession spark = session.spark();
            Dataset<Row> table;
            try {
                Table delta = new Table(spark, uri);
                if ((version != null || history) && !delta.exists()) {
                    CommandErrors.print(spec.commandLine().getErr(), "show", uri + " is not a Delta table: "
                            + "--as-of-version and --history need one");
                    return GenreLake.EXIT_FAILURE;
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
            List<Row> rows = fmt.equals("json") ? List.of() : shown.collectAsList();
            String text = switch (fmt) {
                case "csv" -> TableText.csv(shown.schema(), rows);
                case "json" -> String.join("\n", shown.toJSON().collectAsList()) + (limit > 0 ? "\n" : "");
                default -> TableText.table(shown.schema(), rows);
            };
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            if (fmt.equals("table") && rows.isEmpty() && limit > 0) { // a header alone reads like a failure
                spec.commandLine().getErr().println("show: no rows" + (where == null ? "" : " where " + where));
                spec.commandLine().getErr().flush();
            }
            return 0;
        }
    }
}
