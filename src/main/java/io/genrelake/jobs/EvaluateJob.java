package io.genrelake.jobs;

import io.genrelake.ml.Aggregation;
import io.genrelake.ml.CalibrationCheck;
import io.genrelake.ml.ClassificationMetrics;
import io.genrelake.ml.EvaluationResult;
import io.genrelake.ml.LabelOrigin;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelEvaluation;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.TrainingDataException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The evaluation job: a saved model and a labelled feature table → per-track accuracy, macro F1,
 * per-genre precision and recall, confusion matrix (console, and JSON with {@code --output}). The logic is
 * {@link ModelEvaluation}'s.
 *
 * <p>{@code genrelake evaluate ...} or {@code spark-submit --class io.genrelake.jobs.EvaluateJob genrelake.jar ...}.
 * Exit codes: 0 evaluated, 1 bad input, 2 usage error.
 */
@Command(name = "EvaluateJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Measures a saved genre model on a labelled feature table, per track, and checks its "
                + "calibration and uncertain threshold there.")
public final class EvaluateJob implements Callable<Integer> {

    static final String APP_NAME = "genrelake evaluate";

    @Spec
    private CommandSpec spec;

    @Mixin
    private Options options;

    /** The job's options, shared with {@code genrelake evaluate}. */
    public static final class Options {
        @Option(names = "--model", required = true, paramLabel = "URI",
                description = "Model folder written by genrelake train (PipelineModel with model-card.json).")
        String model;

        @Option(names = "--features", required = true, paramLabel = "URI",
                description = "Labelled feature table: the extract job's Parquet table or a Kaggle-layout CSV "
                        + "(as for train). Its genres must be among the model's.")
        String features;

        @Option(names = "--labels-from", paramLabel = "labels|tags",
                description = "Where the tracks' true genres come from: labels, the table's label column (extract "
                        + "--labels); tags, the files' genre tags through the model's tag map (its tag-genres.csv, "
                        + "else conf/tag-genres.csv), as classify reads tag_genre; tracks with no, unmapped or "
                        + "conflicting tag genres are left out and counted. Default: what the model was trained on "
                        + "(its card's labels_from).")
        String labelsFrom;

        @Option(names = "--genre-map", paramLabel = "CSV",
                description = "A source_genre,genre CSV putting the table's genres onto the model's, as for train: "
                        + "a genre mapped to an empty value is left out, one the map does not name is kept as it is. "
                        + "With tags, its entries override those of the model's tag map.")
        String genreMap;

        @Option(names = "--aggregate", paramLabel = "mean|vote",
                description = "How a track's windows make its prediction. Default: as the model was trained "
                        + "(its model card).")
        String aggregate;

        @Option(names = "--output", paramLabel = "URI",
                description = "Also write the metrics as JSON here. Default: console only.")
        String out;

        /** The old name of --output, still accepted, left out of the help. */
        @Option(names = "--out", hidden = true, paramLabel = "URI")
        void oldOutput(String value) {
            out = value;
        }

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master, e.g. local[2], yarn. Default: the one spark-submit sets, else local[*].")
        String master;

        @Mixin
        SparkConfFile conf = new SparkConfFile();

        public String master() {
            return master;
        }

        public SparkConfFile conf() {
            return conf;
        }
    }

    public static void main(String[] args) {
        System.exit(CommandErrors.jobCommandLine(new EvaluateJob(), "evaluate").execute(args));
    }

    @Override
    public Integer call() {
        Aggregation aggregation = parseAggregation(spec, options);
        LabelOrigin labelsFrom = parseLabelsFrom(spec, options);
        try (TrainJob.Session session = TrainJob.Session.open(APP_NAME, options.master(), options.conf())) {
            return run(session.spark(), options, aggregation, labelsFrom, new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
        }
    }

    /** The {@code --aggregate} value, or null for the card's; a bad value is a usage error. */
    public static Aggregation parseAggregation(CommandSpec spec, Options options) {
        try {
            return options.aggregate == null ? null : Aggregation.of(options.aggregate);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--aggregate: " + e.getMessage());
        }
    }

    /** The {@code --labels-from} value, or null for the model's; a bad value is a usage error. */
    public static LabelOrigin parseLabelsFrom(CommandSpec spec, Options options) {
        try {
            return options.labelsFrom == null ? null : LabelOrigin.of(options.labelsFrom);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--labels-from: " + e.getMessage());
        }
    }

    /**
     * Evaluates and prints; returns the exit code (bad input is reported on {@code err}, exit 1). {@code labelsFrom}:
     * null for what the model was trained on.
     */
    public static int run(SparkSession spark, Options options, Aggregation aggregation, LabelOrigin labelsFrom,
            PrintWriter out, PrintWriter err) {
        try {
            EvaluationResult result = new ModelEvaluation(spark).evaluate(options.model, options.features, aggregation,
                    labelsFrom, options.genreMap);
            out.print(result.toText());
            out.flush();
            if (options.out != null) {
                ModelStore.writeText(spark.sparkContext().hadoopConfiguration(),
                        new org.apache.hadoop.fs.Path(options.out), json(result));
            }
            return 0;
        } catch (TrainingDataException e) {
            CommandErrors.print(err, "evaluate", e.getMessage());
            return 1;
        }
    }

    private static String json(EvaluationResult r) {
        ClassificationMetrics m = r.metrics();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", r.modelUri());
        f.put("features", r.featuresUri());
        f.put("best_model", r.bestModel());
        f.put("trained_leaky", r.trainedLeaky());
        f.put("same_data_as_training", r.sameDataAsTraining());
        f.put("labels_from", r.labelsFrom().label());
        f.put("tracks", r.confusion().total());
        f.put("accuracy", m.accuracy());
        f.put("macro_f1", m.macroF1());
        f.put("genres", r.genres());
        f.put("precision", m.precision());
        f.put("recall", m.recall());
        f.put("confusion", r.confusion().counts());
        CalibrationCheck c = r.calibration();
        if (c != null) {
            Map<String, Object> cal = new LinkedHashMap<>();
            cal.put("method", c.method());
            cal.put("ece_before", c.eceBefore());
            cal.put("ece_after", c.eceAfter());
            cal.put("ece_after_if_calibrated", ModelCard.consistency(c.consistency())); // the card's block
            if (c.atThreshold() != null) {
                cal.put("threshold", c.atThreshold().threshold());
                cal.put("precision", Double.isNaN(c.atThreshold().precision()) ? null : c.atThreshold().precision());
                cal.put("coverage", c.atThreshold().coverage());
                cal.put("expected_precision", c.expectedPrecision());
                cal.put("expected_coverage", c.expectedCoverage());
            }
            f.put("calibration", cal);
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .writerWithDefaultPrettyPrinter().writeValueAsString(f) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
