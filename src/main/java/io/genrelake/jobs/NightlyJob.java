package io.genrelake.jobs;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.CatalogueLister;
import io.genrelake.catalogue.Labels;
import io.genrelake.catalogue.Listing;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.genres.CatalogueChanges;
import io.genrelake.genres.CatalogueState;
import io.genrelake.genres.Change;
import io.genrelake.genres.GenrePredictor;
import io.genrelake.genres.GenreRows;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import io.genrelake.genres.RunDate;
import io.genrelake.genres.RunRecord;
import io.genrelake.genres.StateStore;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.TagGenres;
import io.genrelake.ml.TrainingDataException;
import io.genrelake.neural.NeuralInput;
import io.genrelake.tables.GenreTables;
import io.genrelake.tables.NightlyState;
import io.genrelake.tables.ParquetUpgrade;
import io.genrelake.tables.WriterLock;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The nightly incremental run. Lists the catalogue, compares every file's path, size and modification
 * time with the newest state snapshot before the run date ({@link CatalogueChanges}), decodes and classifies only
 * the new and changed files, writes {@code deleted} rows for files gone, and leaves unchanged tracks'
 * rows where they are ({@code current} carries them forward). When the model differs from the previous
 * run's, every unchanged track is reclassified from the feature store, without decoding. A model holding a
 * neural network has its windows' inputs extracted and stored with the features ({@link NightlyPlan}).
 *
 * <p>Every table is a Delta table ({@link io.genrelake.tables}): the run commits its features, its genre
 * rows (replacing its date), {@code current} (a MERGE on track_id) and its catalogue snapshot, and last its
 * row in the state's {@code runs} table with the versions it committed. A run killed at any point is retried
 * by starting it again: it compares with the same previous run and replaces whatever it had committed, so no
 * row is lost or doubled. One run at a time holds the output and the state ({@link WriterLock}).
 *
 * <p>{@code genrelake nightly ...} or {@code spark-submit --class io.genrelake.jobs.NightlyJob job.jar ...}.
 * Exit codes: 0 done, 1 bad input or refused (listing problems, a date before the latest run), 2 usage error.
 */
@Command(name = "NightlyJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Classifies what changed in a catalogue since the last run and keeps the genre table current.")
public final class NightlyJob implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyJob.class);
    static final String APP_NAME = "genrelake nightly";

    @Spec
    private CommandSpec spec;

    @Mixin
    private NightlyOptions options;

    public static void main(String[] args) {
        System.exit(CommandErrors.jobCommandLine(new NightlyJob(), "nightly").execute(args));
    }

    @Override
    public Integer call() throws IOException {
        return runCommand(spec, options, APP_NAME);
    }

    /** Shared by this main and {@code genrelake nightly}: resolve, run, print; returns the exit code. */
    public static int runCommand(CommandSpec spec, NightlyOptions options, String appName) throws IOException {
        try {
            options.resolve();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (JobSession session = JobSession.open(appName, options.sessionOptions())) {
            NightlySummary summary = run(session.spark(), options);
            spec.commandLine().getOut().print(summary.toText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NightlyRefusal | TrainingDataException e) {
            CommandErrors.print(spec.commandLine().getErr(), "nightly", e.getMessage());
            return 1;
        }
    }

    /** A run that must not go ahead; nothing was changed. */
    public static final class NightlyRefusal extends Exception {
        private static final long serialVersionUID = 1L;

        NightlyRefusal(String message) {
            super(message);
        }
    }

    public static NightlySummary run(SparkSession spark, NightlyOptions options) throws IOException, NightlyRefusal {
        return run(spark, options, stage -> { });
    }

    /**
     * As {@link #run(SparkSession, NightlyOptions)}; {@code checkpoint} hears each step as it starts or ends:
     * {@code locked}, {@code listed}, {@code extracted}, {@code committed:<table>} after each commit (features,
     * genres, current, catalogue, runs); the crash test kills the driver there.
     */
    static NightlySummary run(SparkSession spark, NightlyOptions options, Consumer<String> checkpoint)
            throws IOException, NightlyRefusal {
        try {
            return new Run(spark, options, checkpoint).execute();
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    /** One run's state; the steps are its methods. */
    private static final class Run {
        private final SparkSession spark;
        private final NightlyOptions options;
        private final Consumer<String> checkpoint;
        private final Configuration hadoop;
        private final String runDate;
        private final String runId = UUID.randomUUID().toString();
        private final long started = System.currentTimeMillis();
        private final long startNanos = System.nanoTime();
        private final NightlyState state;
        private final GenreTables out;

        Run(SparkSession spark, NightlyOptions options, Consumer<String> checkpoint) {
            this.spark = spark;
            this.options = options;
            this.checkpoint = checkpoint;
            this.hadoop = spark.sparkContext().hadoopConfiguration();
            this.runDate = RunDate.orToday(options.runDate());
            this.state = new NightlyState(spark, options.state());
            this.out = new GenreTables(spark, options.output());
        }

        NightlySummary execute() throws IOException, NightlyRefusal {
            try (WriterLock outputLock = lock(options.output());
                    WriterLock stateLock = sameFolder(options.output(), options.state()) ? null : lock(options.state())) {
                checkpoint.accept("locked");
                new ParquetUpgrade(spark).upgradeNightly(options.output(), options.state());
                return locked();
            }
        }

        private WriterLock lock(String folder) throws IOException, NightlyRefusal {
            try {
                return WriterLock.acquire(hadoop, folder, "nightly " + runDate, options.lockTimeoutMillis());
            } catch (WriterLock.HeldException e) {
                throw new NightlyRefusal(e.getMessage());
            }
        }

        private boolean sameFolder(String a, String b) throws IOException {
            org.apache.hadoop.fs.Path pa = new org.apache.hadoop.fs.Path(a);
            org.apache.hadoop.fs.Path pb = new org.apache.hadoop.fs.Path(b);
            return pa.getFileSystem(hadoop).makeQualified(pa).equals(pb.getFileSystem(hadoop).makeQualified(pb));
        }

        private NightlySummary locked() throws IOException, NightlyRefusal {
            NightlyPlan plan = NightlyPlan.decide(spark, options, runDate, state, out);
            ModelIdentity model = plan.model();
            spark.sparkContext().setJobDescription("genrelake nightly " + runDate + ": listing " + options.inputs());
            Listing listing = new CatalogueLister(hadoop).list(options.inputs());
            if (!listing.problems().isEmpty()) {
                // A catalogue that cannot be listed whole would look like mass deletion: refuse instead.
                Listing.Problem p = listing.problems().get(0);
                throw new NightlyRefusal("the catalogue could not be listed whole (" + p.input() + ": " + p.reason()
                        + "); nothing was changed");
            }
            List<CatalogueFile> files = Labels.parentFolder().apply(listing.audioFiles());
            checkpoint.accept("listed");

            Dataset<Row> before = plan.previous().isPresent()
                    ? state.snapshot(plan.previous().get())
                    : spark.createDataFrame(List.of(), CatalogueState.SCHEMA);
            try (CatalogueChanges changes = new CatalogueChanges(spark, files, before)) {
                return commitRun(model, plan.pipeline(), plan.record(), plan.previous().orElse(null),
                        plan.modelChanged(), plan.reextract(), plan.neuralInputs(), files, changes, plan.retry());
            }
        }

        private NightlySummary commitRun(ModelIdentity model, PipelineModel pipeline, RunRecord record,
                String previous, boolean modelChanged, boolean reextract, boolean neuralInputs,
                List<CatalogueFile> files, CatalogueChanges changes, boolean retry) {
            Map<Change, Long> counts = changes.counts();
            List<CatalogueFile> decode = reextract ? changes.files(Change.NEW, Change.CHANGED, Change.UNCHANGED)
                    : changes.files(Change.NEW, Change.CHANGED);
            LOG.info("nightly {}: {} files listed, {} new, {} changed, {} unchanged, {} deleted{}", runDate,
                    files.size(), counts.get(Change.NEW), counts.get(Change.CHANGED), counts.get(Change.UNCHANGED),
                    counts.get(Change.DELETED), modelChanged ? "; new model " + model.id() : "");
            String note = "genrelake nightly " + runDate + " run " + runId;

            spark.sparkContext().setJobDescription("genrelake nightly " + runDate + ": extracting " + decode.size()
                    + " files");
            WindowPlan windows = WindowPlan.ofSeconds(record.windowSeconds(), record.minLastWindowSeconds());
            long featuresVersion = state.commitFeatures(
                    ExtractFiles.rows(spark, decode, windows, started, options.partitions(), record.featureSet(),
                            neuralInputs).rows(),
                    runDate, note);
            checkpoint.accept("committed:features");
            Dataset<Row> fresh = state.features().readVersion(featuresVersion)
                    .where(GenreTable.RUN_DATE + " = DATE'" + runDate + "'").drop(GenreTable.RUN_DATE);

            Dataset<Row> unchanged = changes.unchanged();
            if (reextract) {
                unchanged = unchanged.limit(0); // extracted again: their snapshot rows come from the decoded ones
            }
            long fromStore = 0;
            Dataset<Row> toClassify = fresh;
            if (modelChanged && !reextract) {
                toClassify = fresh.unionByName(state.storedFeatures(unchanged, featuresVersion));
                fromStore = counts.get(Change.UNCHANGED);
            }
            // A model smoothing by artist mixes a new track with its artist's tracks already in the store (scored
            // again for it); their own rows are not rewritten. Unneeded when every track is classified anyway.
            Dataset<Row> context = model.smoothing() != null && !reextract && !modelChanged
                    ? state.storedFeatures(unchanged, featuresVersion) : null;
            if (!neuralInputs) { // a feature model reads none of them: never carry the store's largest columns
                toClassify = toClassify.drop(NeuralInput.LOGMEL.column(), NeuralInput.MFCC.column());
                context = context == null ? null
                        : context.drop(NeuralInput.LOGMEL.column(), NeuralInput.MFCC.column());
            }
            GenreRows rows = new GenreRows(model, System.currentTimeMillis(), runDate);
            Dataset<Row> genres = changes.deletedRows(rows);
            if (!decode.isEmpty() || modelChanged) {
                spark.sparkContext().setJobDescription("genrelake nightly " + runDate + ": classifying with "
                        + model.id());
                GenrePredictor predictor = new GenrePredictor(spark, pipeline,
                        ModelStore.loadCalibration(spark, options.model()), rows)
                        .withTagGenres(TagGenres.forModel(options.model(), spark.sparkContext().hadoopConfiguration()));
                genres = predictor.classify(toClassify, context).unionByName(genres);
            }
            spark.sparkContext().setJobDescription("genrelake nightly " + runDate + ": committing genres and current");
            GenreTables.Committed committed = out.commit(genres, runDate, note,
                    table -> checkpoint.accept("committed:" + table));

            Dataset<Row> snapshot = unchanged.unionByName(CatalogueChanges.decoded(spark, decode, fresh, runDate));
            long catalogueVersion = state.commitSnapshot(snapshot, runDate, note);
            checkpoint.accept("committed:catalogue");
            Map<String, Long> written = committed.counts();
            NightlySummary summary = new NightlySummary(runDate, previous, model.id(), modelChanged, files.size(),
                    counts.get(Change.NEW), counts.get(Change.CHANGED), counts.get(Change.UNCHANGED),
                    counts.get(Change.DELETED), decode.size(), fromStore, written.get(GenreTable.STATUS_OK),
                    written.get(GenreTable.STATUS_UNCERTAIN), written.get(GenreTable.STATUS_ERROR), retry,
                    (System.nanoTime() - startNanos) / 1e9, written.get(GenreTables.DISAGREEING));
            state.commitRun(record, record.toJson(summary.fields()), new NightlyState.Versions(featuresVersion,
                    committed.genresVersion(), committed.currentVersion(), catalogueVersion), note); // last: "done"
            checkpoint.accept("committed:runs");
            state.expireSnapshots(StateStore.expired(state.runDates(), options.keepSnapshots()), note);
            LOG.info(String.format(Locale.ROOT, "nightly %s: committed %d genre rows (%d uncertain), %d error rows "
                    + "in %.1f s (genres v%d, current v%d)", runDate, summary.rowsOk() + summary.rowsUncertain(),
                    summary.rowsUncertain(), summary.rowsError(), summary.wallSeconds(), committed.genresVersion(),
                    committed.currentVersion()));
            return summary;
        }
    }
}
