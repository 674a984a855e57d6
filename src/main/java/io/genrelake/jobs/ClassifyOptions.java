package io.genrelake.jobs;

import io.genrelake.catalogue.WindowPlan;
import io.genrelake.genres.RunDate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The classify job's options, for {@code genrelake classify} and {@code spark-submit --class
 * io.genrelake.jobs.ClassifyJob} alike. Plain setters let tests and the demo build them in code.
 */
public final class ClassifyOptions {

    @Option(names = "--input", arity = "1..*", paramLabel = "URI",
            description = "Audio to classify: directories, files or globs on any Hadoop file system (file://, "
                    + "hdfs://, s3a://), as for genrelake extract. The features are extracted first and kept in "
                    + "<output>/_features/run_date=<date>. Give --input or --features.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--features", paramLabel = "URI",
            description = "A feature table written by genrelake extract, classified without decoding any audio. "
                    + "Give --input or --features.")
    private String features;

    @Option(names = "--model", paramLabel = "URI",
            description = "Model folder written by genrelake train (PipelineModel with model-card.json). Default: the "
                    + "model that ships with genrelake, models/default of the checkout (GTZAN's ten genres; README, "
                    + "\"The default model\").")
    private String model;

    @Option(names = "--output", required = true, paramLabel = "URI",
            description = "Root of the genre tables: <output>/genres (partitioned by run_date; this run's date is "
                    + "replaced whole) and <output>/current (the latest row per track).")
    private String output;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The run's date: its partition of the genre table. Default: today (UTC).")
    private String runDate;

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "With --input: window length. Default: the one the model was trained on (its card's "
                    + "window_seconds), else " + WindowPlan.DEFAULT_WINDOW_SECONDS + "; another length is warned "
                    + "about.")
    private Double windowSeconds;

    @Option(names = "--min-last-window-seconds", paramLabel = "S",
            description = "With --input: shortest final window kept (unless it is the only one). "
                    + "Default: " + ExtractOptions.MIN_LAST_DEFAULT + ".")
    private Double minLastWindowSeconds;

    @Option(names = "--partitions", paramLabel = "N",
            description = "With --input: extraction tasks. Default: as genrelake extract (twice the parallelism, "
                    + "or one per 64 files).")
    private Integer partitions;

    @Mixin
    private LockTimeoutOption lockTimeout = new LockTimeoutOption();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2], yarn, spark://host:7077. Default: spark-submit's or the "
                    + "--conf file's, else local[*].")
    private String master;

    @Mixin
    private SparkConfFile conf = new SparkConfFile();

    /** Checks what picocli cannot; the message names the option. */
    public void validate() {
        if (inputs.isEmpty() == (features == null)) {
            throw new IllegalArgumentException("give either --input (audio to extract) or --features (a stored "
                    + "feature table), not both and not neither");
        }
        model = io.genrelake.scoring.DefaultModel.orDefault(model);
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("--output: a location is needed");
        }
        if (runDate != null) {
            RunDate.parse(runDate);
        }
        lockTimeout.validate();
        extractOptions(output, windowSeconds != null ? windowSeconds : WindowPlan.DEFAULT_WINDOW_SECONDS).validate();
    }

    /**
     * The extract job's options for --input, writing its table to {@code table} in windows of {@code windowSeconds}
     * (the {@link io.genrelake.catalogue.WindowChoice} for the model).
     */
    public ExtractOptions extractOptions(String table, double windowSeconds) {
        return new ExtractOptions().inputs(inputs.isEmpty() ? List.of("unused") : inputs).output(table)
                .windowSeconds(windowSeconds).minLastWindowSeconds(minLastWindowSeconds).partitions(partitions)
                .master(master).confFile(conf.file());
    }

    /** What the Spark session is opened with: the master and the --conf file. */
    ExtractOptions sessionOptions() {
        return new ExtractOptions().master(master).confFile(conf.file());
    }

    /** The window length asked for, or null when --window-seconds was not given (the model's is then used). */
    public Double windowSeconds() {
        return windowSeconds;
    }

    public List<String> inputs() {
        return inputs;
    }

    public ClassifyOptions inputs(List<String> value) {
        this.inputs = new ArrayList<>(value);
        return this;
    }

    public String features() {
        return features;
    }

    public ClassifyOptions features(String value) {
        this.features = value;
        return this;
    }

    public String model() {
        return model;
    }

    public ClassifyOptions model(String value) {
        this.model = value;
        return this;
    }

    public String output() {
        return output;
    }

    public ClassifyOptions output(String value) {
        this.output = value;
        return this;
    }

    /** The run date asked for, or null for today. */
    public String runDate() {
        return runDate;
    }

    public ClassifyOptions runDate(String value) {
        this.runDate = value;
        return this;
    }

    public ClassifyOptions windowSeconds(double value) {
        this.windowSeconds = value;
        return this;
    }

    public ClassifyOptions minLastWindowSeconds(double value) {
        this.minLastWindowSeconds = value;
        return this;
    }

    /** --lock-timeout-minutes in milliseconds. */
    public long lockTimeoutMillis() {
        return lockTimeout.millis();
    }

    public ClassifyOptions lockTimeoutMinutes(double value) {
        lockTimeout.minutes(value);
        return this;
    }

    public ClassifyOptions master(String value) {
        this.master = value;
        return this;
    }

    public ClassifyOptions confFile(Path value) {
        conf.file(value);
        return this;
    }
}
