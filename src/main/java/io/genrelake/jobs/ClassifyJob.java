package io.genrelake.jobs;

import io.genrelake.genres.GenrePredictor;
import io.genrelake.genres.GenreRows;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import io.genrelake.genres.Publication;
import io.genrelake.genres.RunDate;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.NeuralStages;
import io.genrelake.ml.TrainingDataException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The classify job: audio (extracted first, by the extract job) or a stored feature table → the genre
 * table's partition for the run date and the refreshed {@code current} table (docs/genre-table.md). The
 * two tables are staged and published together ({@link Publication}, journal {@code <output>/_publish.json}),
 * so a failed run changes nothing and a rerun of a date replaces that date.
 *
 * <p>{@code genrelake classify ...} or {@code spark-submit --class io.genrelake.jobs.ClassifyJob job.jar ...}.
 * Exit codes: 0 done, 1 nothing to classify or bad input, 2 usage error.
 */
@Command(name = "ClassifyJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Classifies a catalogue (or a stored feature table) into the Parquet genre table.")
public final class ClassifyJob implements Callable<Integer> {

    static final String APP_NAME = "genrelake classify";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClassifyOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClassifyJob()).execute(args));
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
        try (JobSession session = JobSession.open(appName, options.extractOptions("unused"))) {
            ClassifySummary summary = run(session.spark(), options);
            spec.commandLine().getOut().print(summary.toText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NoInputException | TrainingDataException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("classify: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    /** Runs the job in {@code spark}; the options must be {@linkplain ClassifyOptions#validate valid}. */
    public static ClassifySummary run(SparkSession spark, ClassifyOptions options) throws IOException, NoInputException {
        String runDate = RunDate.orToday(options.runDate());
        String runId = UUID.randomUUID().toString();
        ModelIdentity model = ModelIdentity.of(ModelCard.parse(ModelStore.readCard(spark, options.model())),
                options.model());

        PipelineModel pipeline = ModelStore.loadModel(options.model());
        long extractStart = System.nanoTime();
        String features = options.features();
        if (features == null) {
            features = new Path(options.output(), "_features/" + GenreTable.partitionName(runDate)).toString();
            // the model's feature set, whatever the extract default, and a neural model's inputs
            ExtractJob.run(spark, options.extractOptions(features).featureSet(model.featureSet())
                    .neuralInputs(NeuralStages.present(pipeline)));
        }
        double extractSeconds = options.features() == null ? (System.nanoTime() - extractStart) / 1e9 : 0;

        long classifyStart = System.nanoTime();
        String journal = new Path(options.output(), "_publish.json").toString();
        Publication publication = new Publication(spark.sparkContext().hadoopConfiguration(), journal);
        publication.recover();
        GenreOutput out = new GenreOutput(spark, options.output(), runDate, runId);
        boolean publishing = false;
        try {
            spark.sparkContext().setJobDescription("genrelake classify: " + features + " with " + model.id());
            GenrePredictor predictor = new GenrePredictor(spark, pipeline,
                    ModelStore.loadCalibration(spark, options.model()),
                    new GenreRows(model, System.currentTimeMillis(), runDate));
            Map<String, Long> counts = out.stageGenres(predictor.classify(spark.read().parquet(features)));
            out.stageCurrent();
            ClassifySummary summary = new ClassifySummary(out.genres().getParent().toString(), runDate, model.id(),
                    features, counts.get(GenreTable.STATUS_OK), counts.get(GenreTable.STATUS_UNCERTAIN),
                    counts.get(GenreTable.STATUS_ERROR), extractSeconds,
                    (System.nanoTime() - classifyStart) / 1e9);
            out.writeSummary(summary.toJson());
            publishing = true;
            publication.publish(out.moves(), target -> { });
            publishing = false;
            // The publication's time is part of the classification's cost.
            return new ClassifySummary(summary.output(), runDate, model.id(), features, summary.tracksOk(),
                    summary.tracksUncertain(), summary.tracksError(), extractSeconds, (System.nanoTime() - classifyStart) / 1e9);
        } finally {
            if (!publishing) { // a publication that failed midway needs its staged tables: the next run finishes it
                out.cleanUp();
            }
            spark.sparkContext().setJobDescription(null);
        }
    }
}
