package io.genrelake.cli;

import io.genrelake.demo.SampleLibrary;
import io.genrelake.jobs.ClassifyJob;
import io.genrelake.jobs.ClassifyOptions;
import io.genrelake.jobs.ClassifySummary;
import io.genrelake.jobs.ExtractJob;
import io.genrelake.jobs.ExtractOptions;
import io.genrelake.jobs.ExtractSummary;
import io.genrelake.jobs.NoInputException;
import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.jobs.TrainJob;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.TrainOptions;
import io.genrelake.report.TrainingReport;
import io.genrelake.scoring.DefaultModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake demo}: the whole product on the bundled sample library, in local mode — extract,
 * train, classify — then the genre table's first rows and where everything is. The jobs are the real
 * ones, with settings sized for 16 six-second clips.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Runs extract → train → classify on the sample library (data-sample/: 16 clips, 4 genres, 6 s each) "
                    + "with Spark in local mode, prints the first rows of the genre table, and says where the "
                    + "feature table, the model and its training report, and the genre tables are.",
            "Clips are cut into 3-s windows (two per clip) so the models have enough rows; the models are a "
                    + "logistic regression and a random forest, 3-fold cross-validated on track-grouped folds."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  a step failed", "  2  usage error"})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--sample", paramLabel = "DIR",
            description = "The sample library. Default: data-sample in the current folder when it exists, else a "
                    + "fresh copy written (deterministically) into the work folder.")
    private Path sample;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "genrelake-demo",
            description = "Where the feature table (features/), the model and its report (model/) and the genre "
                    + "tables (out/genres, out/current) go; replaced on each run. Default: ${DEFAULT-VALUE}.")
    private Path work;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master. Default: ${DEFAULT-VALUE}.")
    private String master;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "16",
            description = "Rows of the genre table printed. Default: ${DEFAULT-VALUE}.")
    private int rows;

    @Override
    public Integer call() throws IOException, NoInputException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = work.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path library = sample != null ? sample : Path.of("data-sample");
        if (sample == null && !Files.isDirectory(library)) {
            library = dir.resolve("data-sample");
            SampleLibrary.write(library);
            out.println("wrote the sample library to " + library);
        }
        library = library.toAbsolutePath().normalize();
        String features = dir.resolve("features").toString();
        String model = dir.resolve("model").toString();
        // the demo's folder is its own sandbox: a second demo replaces its model (train itself never overwrites one)
        deleteRecursively(dir.resolve("model"));
        String output = dir.resolve("out").toString();

        SparkLogLevels.forCommandLine();
        try (TrainJob.Session session = TrainJob.Session.open("genrelake demo", master)) {
            SparkSession spark = session.spark();
            out.println("1/3 extract " + library + " → " + features);
            out.flush();
            ExtractSummary extracted = ExtractJob.run(spark, new ExtractOptions().inputs(java.util.List.of(
                    library.toString())).output(features).windowSeconds(3));
            out.printf(Locale.ROOT, "    %d clips, %d windows of 3 s, %.1f s%n", extracted.filesOk(),
                    extracted.windowsOk(), extracted.wallSeconds());

            out.println("2/3 train lr, rf (3 folds, grouped by track) → " + model);
            out.flush();
            TrainOptions training = new TrainOptions(features, model, ModelKind.listOf("lr,rf"), 3,
                    new PipelineSettings(0, true, 42, 2), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true);
            PrintWriter quiet = new PrintWriter(java.io.Writer.nullWriter());
            int trained = TrainJob.run(spark, training, quiet, spec.commandLine().getErr());
            if (trained != 0) {
                return trained;
            }
            var card = ModelCard.parse(ModelStore.readCard(spark, model));
            out.printf(Locale.ROOT, "    best: %s, cross-validated accuracy per track %.3f ± %.3f%n",
                    card.path("best_model").asText(), card.path("cv_accuracy_mean").asDouble(),
                    card.path("cv_accuracy_std").asDouble());

            out.println("3/3 classify → " + output);
            out.flush();
            ClassifySummary classified = ClassifyJob.run(spark, new ClassifyOptions().features(features).model(model)
                    .output(output));
            Dataset<Row> current = io.genrelake.tables.Table.readAny(spark, output + "/current")
                    .selectExpr("regexp_extract(path, '[^/]+$', 0) AS file", "genre", "round(confidence, 3) AS confidence",
                            "transform(top_genres, g -> concat(g.genre, ':', format_number(g.probability, 2))) AS top_genres",
                            "windows", "status")
                    .orderBy("file").limit(rows);
            out.println();
            out.print(TableText.table(current.schema(), current.collectAsList()));
            out.println();
            out.printf(Locale.ROOT, "%d tracks classified (%d uncertain) by %s%n", classified.tracksClassified(),
                    classified.tracksUncertain(), classified.modelId());
            out.println("genre table:     " + output + "/genres  (partition run_date=" + classified.runDate() + ")");
            out.println("current table:   " + output + "/current");
            out.println("model:           " + model + "  (model-card.json)");
            out.println("training report: " + model + "/" + TrainingReport.FILE_NAME);
            out.println("features:        " + features);
            out.println("look again with: " + shellWord(launcher()) + " show " + shellWord(output + "/current")
                    + " --limit 16");
            out.flush();
            return 0;
        }
    }

    private static void deleteRecursively(Path p) throws java.io.IOException {
        if (Files.exists(p)) {
            try (var walk = Files.walk(p)) {
                for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        }
    }

    /**
     * How to run genrelake again from here, as it was started: the checkout's {@code bin/genrelake} (which names the
     * checkout with {@code -Dgenrelake.home}), relative to the working directory when it lies under it; plain
     * {@code genrelake} when started otherwise (spark-submit, a test). A newcomer copies the line as printed.
     */
    static String launcher() {
        String home = System.getProperty(DefaultModel.HOME_PROPERTY);
        if (home == null) {
            return "genrelake";
        }
        Path script = Path.of(home, "bin", "genrelake").toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return script.startsWith(here) ? here.relativize(script).toString() : script.toString();
    }

    /** {@code word} as one word of a POSIX shell's command line: single-quoted when it holds anything special. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_@%+=:,./-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
