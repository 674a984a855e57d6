package io.genrelake.jobs;

import io.genrelake.catalogue.WindowChoice;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.ConsoleTable;
import io.genrelake.ml.Grouping;
import io.genrelake.ml.GroupSmoothing;
import io.genrelake.ml.LabelOrigin;
import io.genrelake.ml.TagGenres;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.TrainOptions;
import io.genrelake.ml.Trainer;
import io.genrelake.ml.TrainingDataException;
import io.genrelake.ml.TrainingOutcome;
import io.genrelake.report.TrainingReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import io.genrelake.neural.NeuralSettings;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The training job: a labelled feature table → every model cross-validated on track-grouped folds, the
 * best refit and saved as a PipelineModel with {@code model-card.json} and {@code report.html} beside it.
 * The logic is in {@link Trainer} (ml) and {@link TrainingReport} (report); this class is the wiring.
 *
 * <p>{@code genrelake train ...} or {@code spark-submit --class io.genrelake.jobs.TrainJob genrelake.jar ...}
 * with the same options. Exit codes: 0 trained, 1 bad input or failure, 2 usage error.
 */
@Command(name = "TrainJob", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 100,
        description = "Trains and cross-validates genre models on a feature table and saves the best.")
public final class TrainJob implements Callable<Integer> {

    static final String APP_NAME = "genrelake train";

    @Spec
    private CommandSpec spec;

    @Mixin
    private Options options;

    /** The job's options, shared with {@code genrelake train} so both take the same arguments. */
    public static final class Options {
        @Option(names = "--features", required = true, paramLabel = "URI",
                description = "Labelled feature table: the extract job's Parquet table (rows with status ok; "
                        + "columns track_id, label, the 57 features, optionally artist and album) or a Kaggle-layout "
                        + "CSV (path ending in .csv; segment rows such as blues.00000.3.wav are grouped into track "
                        + "blues.00000). Repeatable: the rows of every table are trained on together, each table's "
                        + "tracks, artists and albums kept apart from the others' (ids prefixed with the table's "
                        + "number).")
        List<String> features;

        @Option(names = "--group-by", paramLabel = "track|artist|album",
                description = "What stays on one side of every split: folds are stratified by genre and no "
                        + "track (artist, album) is in two folds or on both sides of the test split. Every track "
                        + "must have an artist (album) for artist (album). Each model is also cross-validated at its "
                        + "chosen grid point on track-grouped folds, for comparison. Default: artist when every "
                        + "labelled track has one, else track.")
        String groupBy;

        @Option(names = "--split", paramLabel = "CSV",
                description = "A fixed split instead of --group-by and --test-fraction: a filename,split CSV "
                        + "(train, valid or test; file names as in the Kaggle table's filename column, or the "
                        + "file name of the feature table's path), e.g. GTZAN's artist-disjoint fault-filtered "
                        + "split. Grid search uses train and valid as the two CV folds (both directions); the chosen "
                        + "model is refit on train+valid and measured on test; tracks the split does not name are "
                        + "left out. The track-grouped comparison is a --folds CV on train+valid.")
        String split;

        @Option(names = "--genre-map", paramLabel = "CSV",
                description = "A source_genre,genre CSV renaming the genres of the --features tables onto one set: "
                        + "a genre mapped to an empty value is dropped, a genre the map does not name is kept as it "
                        + "is. With --labels-from tags, its entries override those of the default tag map "
                        + "(conf/tag-genres.csv); tag values are matched ignoring case, spacing and punctuation.")
        String genreMap;

        @Option(names = "--labels-from", paramLabel = "labels|tags", defaultValue = "labels",
                description = "labels: the feature table's label column (extract --labels). tags: the files' genre "
                        + "tags, normalised (several values split, ID3 numbers named, spelling variants matched) and "
                        + "mapped onto the tag taxonomy (conf/tag-genres.csv, --genre-map overrides); tracks with no, "
                        + "unmapped or conflicting genres are left out and counted; artist and album come from the "
                        + "tags, so --group-by artist groups by the tagged artist. The map is saved with the model "
                        + "(tag-genres.csv) for classify's tag_genre. Default: ${DEFAULT-VALUE}.")
        String labelsFrom;

        @ArgGroup(exclusive = true, multiplicity = "1")
        ModelFolder output;

        /** {@code --output}, required; its old name {@code --model-out} still works but is left out of the help. */
        static final class ModelFolder {
            @Option(names = "--output", required = true, paramLabel = "URI",
                    description = "Folder for the best model (MLlib PipelineModel), model-card.json, out-of-fold.csv "
                            + "(every track's prediction by the fold model that did not see it), report.html and its "
                            + "PNG plots; never overwritten (a folder that already holds a model is refused).")
            String uri;

            @Option(names = "--model-out", required = true, hidden = true, paramLabel = "URI")
            void oldName(String value) {
                uri = value;
            }
        }

        @Option(names = "--models", paramLabel = "LIST", defaultValue = ModelKind.DEFAULT_LIST,
                description = "Comma-separated models to cross-validate: lr (multinomial logistic regression), rf "
                        + "(random forest), gbt (MLlib gradient-boosted trees, one-vs-rest), gbm (multinomial "
                        + "gradient-boosted trees, scikit-learn's algorithm), svc (linear SVM, "
                        + "one-vs-rest), mlp (multilayer perceptron), dt (decision tree), knn (k-nearest "
                        + "neighbours), rbfsvm (RBF SVM: random Fourier features + linear SVMs), ensemble (mean "
                        + "probabilities of the --ensemble-size best of lr,rf,gbm,mlp,dt,knn,rbfsvm,cnn,lstm); cnn "
                        + "(convolutional network on log-mel patches) and lstm (LSTM on MFCC sequences) read the "
                        + "inputs extract --neural-inputs stores. "
                        + "Default: ${DEFAULT-VALUE}.")
        String models;

        @Option(names = "--folds", paramLabel = "K", defaultValue = "10",
                description = "Cross-validation folds, stratified by genre and grouped (--group-by); with --split, "
                        + "those of the track-grouped comparison. Default: ${DEFAULT-VALUE}.")
        int folds;

        @Option(names = "--pca", paramLabel = "N|off", defaultValue = "off",
                description = "PCA to N components after scaling, or off. Default: ${DEFAULT-VALUE}.")
        String pca;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
                description = "Seed of the test split, the folds and randomised models. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--protocol", paramLabel = "tracks|leaky-segments", defaultValue = "tracks",
                description = "tracks: every window of a track in one fold and on one side of the test split, "
                        + "metrics per track (honest). leaky-segments: the seeds' random split of segments, "
                        + "metrics per segment; inflated by leakage and labelled LEAKY in every output. "
                        + "Default: ${DEFAULT-VALUE}.")
        String protocol;

        @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
                description = "Share of tracks of each genre held out for the test metrics (0 for none, "
                        + "cross-validating on everything); by artist or album: the first of round(1/F) stratified "
                        + "group folds, about F of the tracks. Not used with --split. Default: ${DEFAULT-VALUE}.")
        double testFraction;

        @Option(names = "--aggregate", paramLabel = "mean|vote", defaultValue = "mean",
                description = "How a track's windows make its prediction: mean of their class probabilities, "
                        + "or majority vote. Default: ${DEFAULT-VALUE}.")
        String aggregate;

        @Option(names = "--patch-hop", paramLabel = "FRAMES", defaultValue = "64",
                description = "cnn, lstm: hop between the 128-frame (2.97-s) patches a window is scored on, in "
                        + "frames of 512 samples (64 = 1.49 s); --aggregate vote makes a window's patches vote too. "
                        + "Default: ${DEFAULT-VALUE}.")
        int patchHop;

        @Option(names = "--max-epochs", paramLabel = "N", defaultValue = "30",
                description = "cnn, lstm: passes over the training windows at most; training stops earlier after 5 "
                        + "epochs without a better accuracy on the validation part (15 %% of the training artists, "
                        + "else tracks). Default: ${DEFAULT-VALUE}.")
        int maxEpochs;

        @Option(names = "--track-comparison", paramLabel = "on|off", defaultValue = "on",
                description = "With folds grouped by artist or album, cross-validate every model once more on folds "
                        + "grouped by track only, the figure that shows what the grouping costs; off halves the "
                        + "training time (the neural models' minutes). Default: ${DEFAULT-VALUE}.")
        String trackComparison;

        @Option(names = "--fold-repeats", paramLabel = "N", defaultValue = "1",
                description = "Cross-validate the chosen model, at its chosen grid point, on N assignments of the "
                        + "groups to folds (seeds --seed, --seed + 1, …) and report their mean ± std: with a few "
                        + "hundred tracks, which artists share a fold moves one assignment's figure by several "
                        + "points. Costs N − 1 more cross-validations of one model. Not with --split. "
                        + "Default: ${DEFAULT-VALUE}.")
        int foldRepeats;

        @Option(names = "--smooth-by", paramLabel = "none|artist|album", defaultValue = "none",
                description = "Mix each track's probabilities with the mean of its artist's (album's) tracks "
                        + "classified with it: p' = (1 - w) p + w mean. The weight w (0, 0.25, 0.5 or 0.75) is chosen "
                        + "on the out-of-fold predictions, each fold judged at the weight best on the other folds; "
                        + "calibration and threshold are fitted on the smoothed predictions, and classify and nightly "
                        + "smooth the same way (the artist of extract --labels, else of the tags). A track's genre "
                        + "then depends on its artist's other tracks. Default: ${DEFAULT-VALUE}.")
        String smoothBy;

        @Option(names = "--log-variances", paramLabel = "on|off", defaultValue = "on",
                description = "Feed the 28 *_var features as log(variance): their heavy tails hurt distance- and "
                        + "margin-based models. Default: ${DEFAULT-VALUE}.")
        String logVariances;

        @Option(names = "--ensemble-size", paramLabel = "N", defaultValue = "6",
                description = "Number of best probabilistic models the ensemble averages. It reuses the models its "
                        + "members fitted in their own cross-validation, so it adds no fitting time. "
                        + "Default: ${DEFAULT-VALUE}.")
        int ensembleSize;

        @Option(names = "--grid", paramLabel = "full|quick", defaultValue = "full",
                description = "full: search each model's parameter grid (ParamGrids); quick: one point per model, "
                        + "its defaults, for a fast first look. Default: ${DEFAULT-VALUE}.")
        String grid;

        @Option(names = "--target-precision", paramLabel = "P", defaultValue = "0.9",
                description = "Precision the best model's confident genres must reach. Its probabilities are "
                        + "calibrated on out-of-fold predictions (temperature scaling or isotonic, the lower ECE), "
                        + "and the smallest confidence threshold whose calibrated predictions above it reach P is "
                        + "stored in model-card.json: classify and nightly mark tracks below it uncertain. "
                        + "Default: ${DEFAULT-VALUE}.")
        double targetPrecision;

        @Option(names = "--parallelism", paramLabel = "N", defaultValue = "2",
                description = "Models fitted at once (grid points in cross-validation, one-vs-rest classes). "
                        + "Default: ${DEFAULT-VALUE}.")
        int parallelism;

        @Option(names = "--master", paramLabel = "URL",
                description = "Spark master, e.g. local[2], yarn. Default: the one spark-submit sets, else local[*].")
        String master;

        @Mixin
        SparkConfFile conf = new SparkConfFile();

        /** The validated training request; a bad value throws IllegalArgumentException naming the option. */
        public TrainOptions toTrainOptions() {
            int pcaComponents;
            if (pca.equalsIgnoreCase("off")) {
                pcaComponents = 0;
            } else {
                try {
                    pcaComponents = Integer.parseInt(pca.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--pca must be a number of components or off, got '" + pca + "'");
                }
                if (pcaComponents < 1) {
                    throw new IllegalArgumentException("--pca must be at least 1 (or off), got " + pcaComponents);
                }
            }
            boolean logs = switch (logVariances.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("--log-variances must be on or off, got '"
                        + logVariances + "'");
            };
            boolean quick = switch (grid.toLowerCase(Locale.ROOT)) {
                case "full" -> false;
                case "quick" -> true;
                default -> throw new IllegalArgumentException("--grid must be full or quick, got '" + grid + "'");
            };
            return new TrainOptions(features, output.uri, named("--models", () -> ModelKind.listOf(models)), folds,
                    new PipelineSettings(pcaComponents, logs, seed, parallelism),
                    named("--protocol", () -> Protocol.of(protocol)), testFraction,
                    named("--aggregate", () -> Aggregation.of(aggregate)), ensembleSize, quick,
                    groupBy == null ? null : named("--group-by", () -> Grouping.of(groupBy)), split, genreMap,
                    targetPrecision, named("--labels-from", () -> LabelOrigin.of(labelsFrom)), neuralSettings(), switch (trackComparison.toLowerCase(Locale.ROOT)) {
                        case "on" -> true;
                        case "off" -> false;
                        default -> throw new IllegalArgumentException("--track-comparison must be on or off, got '"
                                + trackComparison + "'");
                    }, foldRepeats, named("--smooth-by", () -> GroupSmoothing.option(smoothBy)));
        }

        /** The neural models' settings: the defaults with this command's hop, epochs and seed. */
        private NeuralSettings neuralSettings() {
            NeuralSettings d = NeuralSettings.DEFAULTS;
            return named(patchHop < 1 ? "--patch-hop" : "--max-epochs", () -> new NeuralSettings(d.batchSize(),
                    d.learningRate(), maxEpochs, d.patience(), d.patchesPerWindow(), d.validationFraction(),
                    d.maskProbability(), d.mixupAlpha(), patchHop, d.vote(), seed, d.threads()));
        }

        /** Runs a parser, naming the option in its error. */
        private static <T> T named(String option, java.util.function.Supplier<T> parse) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
            }
        }

        public String master() {
            return master;
        }

        public SparkConfFile conf() {
            return conf;
        }
    }

    public static void main(String[] args) {
        System.exit(CommandErrors.jobCommandLine(new TrainJob(), "train").execute(args));
    }

    @Override
    public Integer call() {
        TrainOptions request;
        try {
            request = options.toTrainOptions();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Session session = Session.open(APP_NAME, options.master(), options.conf())) {
            return run(session.spark(), request, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
    }

    /** Trains, saves and reports; returns the exit code (bad input is reported on {@code err}, exit 1). */
    public static int run(SparkSession spark, TrainOptions request, PrintWriter out, PrintWriter err) {
        try {
            ModelStore.refuseExisting(spark, request.modelOut()); // before hours of training, not after
            TrainingOutcome outcome = new Trainer(spark, line -> {
                out.println(line);
                out.flush();
            }).train(request);
            ModelStore.save(spark, outcome, request.modelOut());
            if (request.labelsFrom() == LabelOrigin.TAGS) {
                TagGenres used = TagGenres.forTraining(request.genreMap(), spark.sparkContext().hadoopConfiguration());
                ModelStore.writeText(spark.sparkContext().hadoopConfiguration(),
                        new org.apache.hadoop.fs.Path(request.modelOut(), TagGenres.MODEL_FILE), used.toCsv());
            }
            String report = TrainingReport.write(spark, outcome, request.modelOut());
            String leaky = request.protocol().leaky() ? "LEAKY " : "";
            out.print(leaky.isEmpty() ? ConsoleTable.table(outcome)
                    : ConsoleTable.table(outcome).lines().map(l -> leaky + l).reduce("", (a, b) -> a + b + "\n"));
            if (outcome.smoothing() != null) {
                out.println(leaky + ConsoleTable.smoothingLine(outcome.smoothing(), outcome.evaluation().cvHeadline()));
            }
            if (outcome.foldRepeats() != null) {
                out.println(leaky + ConsoleTable.foldRepeatsLine(outcome.foldRepeats()));
            }
            out.println(leaky + "saved " + outcome.best().name() + " to " + request.modelOut() + " (model-card.json, "
                    + report + ")");
            if (outcome.table().windowSeconds() != null) {
                out.println(leaky + "trained on windows of " + WindowChoice.format(outcome.table().windowSeconds())
                        + " s: classify, identify, serve and nightly cut the same unless given --window-seconds");
            }
            out.flush();
            return 0;
        } catch (TrainingDataException e) {
            CommandErrors.print(err, "train", e.getMessage());
            return 1;
        }
    }

    /**
     * The SparkSession a command runs in, stopped on close only if this command started it (a session
     * already running, as in a notebook or a test, is left running).
     */
    public record Session(SparkSession spark, boolean owned) implements AutoCloseable {

        public static Session open(String appName, String master) {
            return open(appName, master, new SparkConfFile());
        }

        /** As {@link #open(String, String)}, with the settings of a {@code --conf} file under {@code master}. */
        public static Session open(String appName, String master, SparkConfFile confFile) {
            boolean existed = SparkSession.getDefaultSession().isDefined();
            return new Session(session(appName, master, confFile), !existed);
        }

        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }

    /**
     * The job's SparkSession: spark-submit's master if it set one, else {@code master} or local[*]. Local
     * runs get a few shuffle partitions (the tables are small: Spark's 200 would be 200 tasks per
     * track aggregation) and no web UI.
     */
    public static SparkSession session(String appName, String master) {
        return session(appName, master, new SparkConfFile());
    }

    /** As {@link #session(String, String)}, the {@code --conf} file's settings applied first. */
    public static SparkSession session(String appName, String master, SparkConfFile confFile) {
        SparkConf conf;
        try {
            // the model folder (MLlib's text and Parquet) on s3a:// goes through S3A's magic committer, not renames
            conf = JobSession.baseConf(appName, master, confFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.sql.shuffle.partitions", "4");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        SparkLogLevels.quietSpark(); // before the session starts: its INFO lines would bury the progress lines
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
