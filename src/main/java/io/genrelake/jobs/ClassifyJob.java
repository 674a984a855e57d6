package io.genrelake.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.TableWindowLength;
import io.genrelake.catalogue.WindowChoice;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.genres.GenrePredictor;
import io.genrelake.genres.GenreRows;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import io.genrelake.genres.RunDate;
import io.genrelake.ml.FeatureCompatibility;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.NeuralStages;
import io.genrelake.ml.TagGenres;
import io.genrelake.ml.TrainingDataException;
import io.genrelake.tables.GenreTables;
import io.genrelake.tables.ParquetUpgrade;
import io.genrelake.tables.Table;
import io.genrelake.tables.WriterLock;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
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
 * The classify job: audio (extracted first, by the extract job) or a stored feature table → the genre
 * table's rows for the run date and the refreshed {@code current} table (docs/genre-table.md), both Delta
 * tables committed by {@link GenreTables}: a failed run changes nothing, a rerun of a date replaces that date,
 * and a second writer on the same output is refused ({@link WriterLock}). Features of another extractor or
 * feature set than the model's are refused.
 *
 * <p>{@code genrelake classify ...} or {@code spark-submit --class io.genrelake.jobs.ClassifyJob job.jar ...}.
 * Exit codes: 0 done, 1 nothing to classify, bad input or the output busy, 2 usage error.
 */
@Command(name = "ClassifyJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Classifies a catalogue (or a stored feature table) into the Delta genre table.")
public final class ClassifyJob implements Callable<Integer> {

    static final String APP_NAME = "genrelake classify";
    private static final Logger LOG = LoggerFactory.getLogger(ClassifyJob.class);

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClassifyOptions options;

    public static void main(String[] args) {
        System.exit(CommandErrors.jobCommandLine(new ClassifyJob(), "classify").execute(args));
    }

    @Override
    public Integer call() throws IOException {
        return runCommand(spec, options, APP_NAME);
    }

    /** Shared by this main and {@code genrelake classify}: validate, run, print; returns the exit code. */
    public static int runCommand(CommandSpec spec, ClassifyOptions options, String appName) throws IOException {
        try {
            options.validate();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (JobSession session = JobSession.open(appName, options.sessionOptions())) {
            ClassifySummary summary = run(session.spark(), options);
            spec.commandLine().getOut().print(summary.toText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NoInputException | TrainingDataException | IllegalArgumentException e) {
            CommandErrors.print(spec.commandLine().getErr(), "classify", e.getMessage());
            return 1;
        }
    }

    /** Runs the job in {@code spark}; the options must be {@linkplain ClassifyOptions#validate valid}. */
    public static ClassifySummary run(SparkSession spark, ClassifyOptions options) throws IOException, NoInputException {
        try (WriterLock lock = WriterLock.acquire(spark.sparkContext().hadoopConfiguration(), options.output(),
                "classify", options.lockTimeoutMillis())) {
            return locked(spark, options);
        } catch (WriterLock.HeldException e) {
            throw new NoInputException(e.getMessage());
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    private static ClassifySummary locked(SparkSession spark, ClassifyOptions options)
            throws IOException, NoInputException {
        String runDate = RunDate.orToday(options.runDate());
        String runId = UUID.randomUUID().toString();
        JsonNode card = ModelCard.parse(ModelStore.readCard(spark, options.model()));
        ModelIdentity model = ModelIdentity.of(card, options.model());
        new ParquetUpgrade(spark).upgradeOutput(options.output());

        PipelineModel pipeline = ModelStore.loadModel(options.model());
        long extractStart = System.nanoTime();
        String features = options.features();
        if (features == null) {
            String why = FeatureCompatibility.mismatchWithThisBuild(card);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            features = new Path(options.output(), "_features/" + GenreTable.partitionName(runDate)).toString();
            WindowChoice windows = WindowChoice.of(options.windowSeconds(), model.windowSeconds());
            if (windows.warning() != null) {
                LOG.warn("classify: {}", windows.warning());
            }
            LOG.info("classify {}: extracting {} with {}", runDate, windows.describe(), model.id());
            // the model's feature set and window length, whatever the extract defaults, and a neural model's inputs
            ExtractJob.run(spark, options.extractOptions(features, windows.seconds()).featureSet(model.featureSet())
                    .neuralInputs(NeuralStages.present(pipeline)));
        }
        double extractSeconds = options.features() == null ? (System.nanoTime() - extractStart) / 1e9 : 0;
        Dataset<Row> table = Table.readAny(spark, features);
        refuseOtherFeatures(card, model, table, features);
        if (options.features() != null) {
            warnOfOtherWindows(model, table, features);
        }

        long classifyStart = System.nanoTime();
        spark.sparkContext().setJobDescription("genrelake classify: " + features + " with " + model.id());
        GenrePredictor predictor = new GenrePredictor(spark, pipeline,
                ModelStore.loadCalibration(spark, options.model()),
                new GenreRows(model, System.currentTimeMillis(), runDate))
                        .withTagGenres(TagGenres.forModel(options.model(), spark.sparkContext().hadoopConfiguration()));
        GenreTables out = new GenreTables(spark, options.output());
        GenreTables.Committed committed = out.commit(predictor.classify(table), runDate,
                "genrelake classify " + runDate + " run " + runId + " with " + model.id());
        ClassifySummary summary = new ClassifySummary(out.output(), runDate, model.id(), features,
                committed.counts().get(GenreTable.STATUS_OK), committed.counts().get(GenreTable.STATUS_UNCERTAIN),
                committed.counts().get(GenreTable.STATUS_ERROR), extractSeconds,
                (System.nanoTime() - classifyStart) / 1e9, committed.counts().get(GenreTables.TAGGED),
                committed.counts().get(GenreTables.DISAGREEING));
        // Beside the date's data files; Delta ignores (and VACUUM keeps) names starting with an underscore.
        ModelStore.writeText(spark.sparkContext().hadoopConfiguration(), new Path(new Path(out.genres().uri(),
                GenreTable.partitionName(runDate)), "_summary.json"), summary.toJson());
        return summary;
    }

    /** A stored table cut into other windows than the model's is classified anyway, with a warning. */
    private static void warnOfOtherWindows(ModelIdentity model, Dataset<Row> table, String uri) {
        if (model.windowSeconds() != null) {
            String why = WindowChoice.tableMismatch(uri, TableWindowLength.of(table), model.windowSeconds());
            if (why != null) {
                LOG.warn("classify: {}", why);
            }
        }
    }

    /** Refuses features of another extractor or feature set than the model's: their numbers mean other things. */
    private static void refuseOtherFeatures(JsonNode card, ModelIdentity model, Dataset<Row> table, String uri) {
        List<String> columns = Arrays.asList(table.columns());
        if (columns.contains(FeatureTable.FEATURE_SET)) {
            for (Row r : table.select(FeatureTable.FEATURE_SET).distinct().na().drop().collectAsList()) {
                String why = FeatureCompatibility.featureSetMismatch(model.featureSet(), FeatureSetKind.of(r.getString(0)));
                if (why != null) {
                    throw new IllegalArgumentException(uri + ": " + why);
                }
            }
        }
        if (columns.contains(FeatureTable.EXTRACTOR_VERSION)) {
            List<String> versions = table.select(FeatureTable.EXTRACTOR_VERSION).distinct().na().drop().collectAsList()
                    .stream().map(r -> r.getString(0)).toList();
            String why = FeatureCompatibility.mismatch(card, versions);
            if (why != null) {
                throw new IllegalArgumentException(uri + ": " + why);
            }
        }
    }
}
