package io.genrelake.jobs;

import io.genrelake.catalogue.WindowPlan;
import io.genrelake.genres.RunDate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The nightly job's options, for {@code genrelake nightly} and {@code spark-submit --class
 * io.genrelake.jobs.NightlyJob}. Each can also come from the {@code --conf} file as
 * {@code genrelake.<option name>} (conf/nightly.conf), so a scheduler's command line is just
 * {@code nightly --conf conf/nightly.conf --run-date {{ ds }}}; the command line wins over the file.
 */
public final class NightlyOptions {

    /** How many state snapshots are kept by default: a week of nightly runs to go back to. */
    public static final int DEFAULT_KEEP_SNAPSHOTS = 7;

    @Option(names = "--input", arity = "1..*", paramLabel = "URI",
            description = "The catalogue: directories, files or globs on any Hadoop file system (file://, hdfs://, "
                    + "s3a://), listed whole every run. Conf key genrelake.input (comma-separated).")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--model", paramLabel = "URI",
            description = "Model folder written by genrelake train. A model whose model_id differs from the one of "
                    + "the previous run reclassifies every track from the stored features. A model holding a "
                    + "neural network (cnn, lstm, an ensemble with one) has the windows' log-mel and MFCC inputs "
                    + "extracted and stored too; on the night it follows a model without one, every file is "
                    + "extracted again, with them. Conf key genrelake.model.")
    private String model;

    @Option(names = "--output", paramLabel = "URI",
            description = "Root of the genre tables: <output>/genres (one partition per run date: the rows of "
                    + "tracks new, changed, deleted or reclassified that night) and <output>/current (latest row "
                    + "per track). Conf key genrelake.output.")
    private String output;

    @Option(names = "--state", paramLabel = "URI",
            description = "Where the job keeps what it has seen: catalogue snapshots (<state>/catalogue) and the "
                    + "feature store (<state>/features). Conf key genrelake.state.")
    private String state;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The run's logical date (a scheduler passes its own). Runs go forward: the latest date "
                    + "may be rerun (same result, nothing duplicated), an earlier one is refused. Default: today (UTC).")
    private String runDate;

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "Window length of the extraction. Fixed for a state. Conf key genrelake.window-seconds. "
                    + "Default: the one the model was trained on (its card's window_seconds), else "
                    + WindowPlan.DEFAULT_WINDOW_SECONDS + "; another length is warned about.")
    private Double windowSeconds;

    @Option(names = "--min-last-window-seconds", paramLabel = "S",
            description = "Shortest final window kept. Fixed for a state. Conf key genrelake.min-last-window-seconds. "
                    + "Default: the state's, else " + ExtractOptions.MIN_LAST_DEFAULT + ".")
    private Double minLastWindowSeconds;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Extraction tasks for the new and changed files. Conf key genrelake.partitions. Default: "
                    + "twice the parallelism or one per 64 files.")
    private Integer partitions;

    @Option(names = "--keep-snapshots", paramLabel = "N",
            description = "State snapshots kept (older ones are deleted after a run). Conf key "
                    + "genrelake.keep-snapshots. Default: " + DEFAULT_KEEP_SNAPSHOTS + ".")
    private Integer keepSnapshots;

    @Mixin
    private LockTimeoutOption lockTimeout = new LockTimeoutOption();

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2], yarn, spark://host:7077. Default: spark-submit's or the "
                    + "--conf file's spark.master, else local[*].")
    private String master;

    @Mixin
    private SparkConfFile conf = new SparkConfFile();

    /** Fills the options not given on the command line from the {@code --conf} file, then checks them. */
    public void resolve() throws IOException {
        if (conf.file() != null) {
            Properties p = conf.read();
            if (inputs.isEmpty() && p.getProperty("genrelake.input") != null) {
                inputs = Arrays.stream(p.getProperty("genrelake.input").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
            }
            model = model != null ? model : strip(p.getProperty("genrelake.model"));
            output = output != null ? output : strip(p.getProperty("genrelake.output"));
            state = state != null ? state : strip(p.getProperty("genrelake.state"));
            windowSeconds = windowSeconds != null ? windowSeconds : number(p, "genrelake.window-seconds");
            minLastWindowSeconds = minLastWindowSeconds != null ? minLastWindowSeconds
                    : number(p, "genrelake.min-last-window-seconds");
            if (partitions == null && p.getProperty("genrelake.partitions") != null) {
                partitions = (int) (double) number(p, "genrelake.partitions");
            }
            if (lockTimeout.minutes() == null) {
                lockTimeout.minutes(number(p, LockTimeoutOption.CONF_KEY));
            }
            if (keepSnapshots == null && p.getProperty("genrelake.keep-snapshots") != null) {
                keepSnapshots = (int) (double) number(p, "genrelake.keep-snapshots");
            }
        }
        validate();
    }

    /** Checks the values; the message names the option. */
    public void validate() {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input (or genrelake.input): the catalogue to list is needed");
        }
        for (String[] required : new String[][] {{"--model", model}, {"--output", output}, {"--state", state}}) {
            if (required[1] == null || required[1].isBlank()) {
                throw new IllegalArgumentException(required[0] + " (or genrelake." + required[0].substring(2)
                        + "): a location is needed");
            }
        }
        if (runDate != null) {
            RunDate.parse(runDate);
        }
        double checkedWindow = windowSeconds != null ? windowSeconds : WindowPlan.DEFAULT_WINDOW_SECONDS;
        ExtractOptions.checkExtraction(checkedWindow, WindowPlan.minLastSeconds(minLastWindowSeconds, checkedWindow),
                partitions);
        lockTimeout.validate();
        if (keepSnapshots() < 2) {
            throw new IllegalArgumentException("--keep-snapshots must be at least 2 (a rerun needs the previous one), "
                    + "got " + keepSnapshots);
        }
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static Double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + v + "'", e);
        }
    }

    /** Spark's session settings: the same --conf file and --master. */
    ExtractOptions sessionOptions() {
        return new ExtractOptions().master(master).confFile(conf.file());
    }

    public List<String> inputs() {
        return inputs;
    }

    public NightlyOptions inputs(List<String> value) {
        this.inputs = new ArrayList<>(value);
        return this;
    }

    public String model() {
        return model;
    }

    public NightlyOptions model(String value) {
        this.model = value;
        return this;
    }

    public String output() {
        return output;
    }

    public NightlyOptions output(String value) {
        this.output = value;
        return this;
    }

    public String state() {
        return state;
    }

    public NightlyOptions state(String value) {
        this.state = value;
        return this;
    }

    public String runDate() {
        return runDate;
    }

    public NightlyOptions runDate(String value) {
        this.runDate = value;
        return this;
    }

    /** The window length asked for (option or conf key), or null: the model's, else 30 s ({@link NightlyPlan}). */
    public Double askedWindowSeconds() {
        return windowSeconds;
    }

    public NightlyOptions windowSeconds(double value) {
        this.windowSeconds = value;
        return this;
    }

    /** The minimum final window asked for (option or conf key), or null: the state's, else the default. */
    public Double askedMinLastWindowSeconds() {
        return minLastWindowSeconds;
    }

    public NightlyOptions minLastWindowSeconds(double value) {
        this.minLastWindowSeconds = value;
        return this;
    }

    public Integer partitions() {
        return partitions;
    }

    public NightlyOptions partitions(Integer value) {
        this.partitions = value;
        return this;
    }

    public int keepSnapshots() {
        return keepSnapshots != null ? keepSnapshots : DEFAULT_KEEP_SNAPSHOTS;
    }

    public NightlyOptions keepSnapshots(int value) {
        this.keepSnapshots = value;
        return this;
    }

    /** --lock-timeout-minutes in milliseconds. */
    public long lockTimeoutMillis() {
        return lockTimeout.millis();
    }

    public NightlyOptions lockTimeoutMinutes(double value) {
        lockTimeout.minutes(value);
        return this;
    }

    public String master() {
        return master;
    }

    public NightlyOptions master(String value) {
        this.master = value;
        return this;
    }

    public Path confFile() {
        return conf.file();
    }

    public NightlyOptions confFile(Path value) {
        conf.file(value);
        return this;
    }
}
