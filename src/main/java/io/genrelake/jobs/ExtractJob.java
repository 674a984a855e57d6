package io.genrelake.jobs;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.CatalogueLister;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.ml.TagGenres;
import io.genrelake.catalogue.KaggleTables;
import io.genrelake.catalogue.Labels;
import io.genrelake.catalogue.Listing;
import io.genrelake.catalogue.RunStamp;
import io.genrelake.catalogue.SizeBalancedPartitioner;
import io.genrelake.catalogue.UriCredentials;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.ExtractorVersion;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.ml.ModelStore;
import io.genrelake.tables.ParquetUpgrade;
import io.genrelake.tables.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The extract job: an audio catalogue on local disk, HDFS or S3 → the feature table, a Delta table (see
 * docs/feature-table.md). The driver lists the inputs and spreads the files over partitions balanced by
 * size; each task decodes and extracts its files ({@link PartitionExtraction}); the table is written to
 * one commit of a Delta table ({@link Table}), counted, and described by {@code _summary.json} beside its log.
 *
 * <p>Run it with {@code genrelake extract ...} or
 * {@code spark-submit --class io.genrelake.jobs.ExtractJob genrelake.jar --input ... --output ...}.
 * Exit codes: 0 done (also when some files were unusable: they have error rows), 1 nothing to extract
 * or the run failed, 2 usage error.
 */
@Command(name = "ExtractJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Extracts the GTZAN features of an audio catalogue into a Delta feature table.")
public final class ExtractJob implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractJob.class);
    static final String APP_NAME = "genrelake extract";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ExtractOptions options;

    public static void main(String[] args) {
        System.exit(CommandErrors.jobCommandLine(new ExtractJob(), "extract").execute(args));
    }

    @Override
    public Integer call() throws IOException {
        try {
            options.validate();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (JobSession session = JobSession.open(APP_NAME, options)) {
            ExtractSummary summary = run(session.spark(), options);
            PrintWriter out = new PrintWriter(System.out, true);
            out.print(summary.toText());
            out.flush();
            return 0;
        } catch (NoInputException e) {
            CommandErrors.print(new PrintWriter(System.err, true), "extract", e.getMessage());
            return 1;
        }
    }

    /** Runs the job in {@code spark}; the options must be {@linkplain ExtractOptions#validate valid}. */
    public static ExtractSummary run(SparkSession spark, ExtractOptions options) throws IOException, NoInputException {
        return run(spark, options, listing -> { });
    }

    /**
     * As {@link #run(SparkSession, ExtractOptions)}, calling {@code afterListing} between the listing and
     * the extraction (tests use it to delete a listed file).
     */
    static ExtractSummary run(SparkSession spark, ExtractOptions options, Consumer<Listing> afterListing)
            throws IOException, NoInputException {
        try {
            return extract(spark, options, afterListing);
        } finally {
            spark.sparkContext().setJobDescription(null); // later jobs of the session are not ours
        }
    }

    private static ExtractSummary extract(SparkSession spark, ExtractOptions options, Consumer<Listing> afterListing)
            throws IOException, NoInputException {
        long startNanos = System.nanoTime();
        Instant started = Instant.now();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        WindowPlan plan = options.windowPlan();
        RunStamp run = new RunStamp(ExtractorVersion.CURRENT, started.toEpochMilli(), options.featureSet());

        // Driver: listing, labels, Kaggle tables (small), partitions balanced by bytes.
        jsc.setJobDescription("genrelake extract: listing " + String.join(", ", options.inputs()));
        Labels labels = options.labels() == null ? Labels.parentFolder() : Labels.readCsv(options.labels(), hadoop);
        Listing listing = new CatalogueLister(hadoop).list(options.inputs());
        afterListing.accept(listing);
        List<Listing.Problem> problems = new ArrayList<>(listing.problems());
        for (Listing.Problem p : problems) {
            LOG.warn("input {}: {}", p.input(), p.reason());
        }
        List<Row> kaggleRows = new ArrayList<>();
        for (String table : listing.kaggleTables()) {
            if (run.featureSet() != FeatureSetKind.GTZAN) {
                problems.add(new Listing.Problem(table, "a Kaggle feature table has only the gtzan columns, not the "
                        + run.featureSet() + " set asked for"));
                LOG.warn("input {}: skipped, a Kaggle table cannot be part of a {} table", table, run.featureSet());
                continue;
            }
            try {
                kaggleRows.addAll(KaggleTables.rows(table, hadoop, run));
            } catch (IOException e) {
                problems.add(new Listing.Problem(table, "not a Kaggle feature table: " + e.getMessage()));
                LOG.warn("input {}: {}", table, e.getMessage());
            }
        }
        List<CatalogueFile> files = labels.apply(listing.audioFiles());
        if (files.isEmpty() && kaggleRows.isEmpty()) {
            throw new NoInputException("no audio files or Kaggle tables found in "
                    + options.inputs().stream().map(UriCredentials::redact).toList()
                    + (problems.isEmpty() ? "" : " (" + problems.get(0).input() + ": " + problems.get(0).reason() + ")"));
        }
        int requested = options.partitions() != null ? options.partitions()
                : SizeBalancedPartitioner.defaultCount(files.size(), jsc.defaultParallelism());
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(files, requested);
        LOG.info("extract: {} audio files ({} MB) in {} partitions, {} Kaggle rows, {} files skipped",
                files.size(), listing.audioBytes() >> 20, bins.size(), kaggleRows.size(), listing.skipped());

        // Executors: one task per bin, one row per window (or per unusable file).
        Broadcast<SerializableHadoopConf> conf = jsc.broadcast(new SerializableHadoopConf(hadoop));
        ExtractionTimers timers = new ExtractionTimers(jsc.sc());
        JavaRDD<CatalogueFile> fileRdd = jsc.parallelize(bins, bins.size()).flatMap(List::iterator);
        JavaRDD<Row> rows = fileRdd.mapPartitions(new PartitionExtraction(conf, plan, run, timers,
                options.neuralInputs(), TaskAttempts.max(jsc.sc())));
        if (!kaggleRows.isEmpty()) {
            List<Row> kaggle = options.neuralInputs()
                    ? kaggleRows.stream().map(r -> FeatureTable.withNeuralInputs(r, null)).toList() : kaggleRows;
            rows = rows.union(jsc.parallelize(kaggle, 1));
        }
        StructType schema = FeatureTable.schema(run.featureSet());
        Dataset<Row> table = spark.createDataFrame(rows, options.neuralInputs() ? FeatureTable.withNeuralInputs(schema)
                : schema);

        // A Delta table: the new rows replace the old in one commit (the old stay readable as an earlier
        // version); a table of the earlier plain-Parquet layout is converted first, so nothing is orphaned.
        new ParquetUpgrade(spark).upgradeTable(options.output());
        Table output = new Table(spark, options.output());
        jsc.setJobDescription(String.format(Locale.ROOT,
                "genrelake extract: %d audio files (%d MB) in %d partitions, %s-s windows → %s",
                files.size(), listing.audioBytes() >> 20, bins.size(), options.windowSeconds(), output));
        long version = output.overwrite(table, "genrelake extract " + started);

        jsc.setJobDescription("genrelake extract: counting rows of " + output);
        TableCounts counts = TableCounts.of(output.readVersion(version));
        ExtractSummary summary = new ExtractSummary(output.uri(), started.toString(),
                (System.nanoTime() - startNanos) / 1e9, run.extractorVersion(), options.windowSeconds(),
                options.minLastWindowSeconds(), bins.size(), files.size(), listing.skipped(), problems, counts,
                timers.times(), TagCounts.of(output.readVersion(version), TagGenres.defaults()));
        ModelStore.writeText(hadoop, new org.apache.hadoop.fs.Path(output.uri(), "_summary.json"), summary.toJson());
        LOG.info(String.format(Locale.ROOT, "extract: wrote %s (version %d): %d windows of %d files, %d files with "
                + "errors, %.1f s, %.1f clips per minute", output, version, summary.windowsOk(), summary.filesOk(),
                summary.filesError(), summary.wallSeconds(), summary.clipsPerMinute()));
        return summary;
    }
}
