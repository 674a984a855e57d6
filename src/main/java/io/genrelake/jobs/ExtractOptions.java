package io.genrelake.jobs;

import io.genrelake.catalogue.AudioExtensions;
import io.genrelake.catalogue.SizeBalancedPartitioner;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.FeatureSetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The extract job's options, declared once for both ways of running it: mixed into
 * {@code genrelake extract} and parsed by {@link ExtractJob#main} under {@code spark-submit}. Plain
 * setters let tests and the benchmark build them without a command line.
 */
public final class ExtractOptions {

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "URI",
            description = "Where the audio is: directories (walked recursively), files or globs (*, ?, [ab], {a,b}) on "
                    + "any Hadoop file system: plain local paths, file://, hdfs://, s3a://. Directories and globs "
                    + "keep files with an audio extension (" + AudioExtensions.AUDIO_NAMES + "; any case) and skip "
                    + "hidden ones; a file named directly is read whatever its extension, except that a .csv file is "
                    + "ingested as a Kaggle-layout feature table (features_30_sec.csv). Repeat the option or give "
                    + "several URIs.")
    private List<String> inputs = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "URI",
            description = "The Parquet feature table (a directory) to write, on any Hadoop file system. Replaced "
                    + "whole: the run writes beside it and swaps the new table in at the end, so a rerun never "
                    + "duplicates rows. The run summary is written inside it as _summary.json.")
    private String output;

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "Cut each track into consecutive windows of S seconds, one row each (3 gives the layout "
                    + "of Kaggle's 3-second table). Default: ${DEFAULT-VALUE}, the clip length of the GTZAN models.")
    private double windowSeconds = WindowPlan.DEFAULT_WINDOW_SECONDS;

    @Option(names = "--min-last-window-seconds", paramLabel = "S",
            description = "Drop a track's final partial window when it is shorter than S seconds, unless it is "
                    + "the track's only window. Default: " + MIN_LAST_DEFAULT + ".")
    private Double minLastWindowSeconds;

    @Option(names = "--feature-set", paramLabel = "SET", converter = FeatureSetConverter.class,
            description = "Which features to extract: gtzan (the 57 columns of the Kaggle GTZAN table) or rich (those "
                    + "and 241 more from the same spectrogram: 64-band mel in dB, MFCC deltas, spectral contrast, "
                    + "flatness, chroma bins, tonnetz, MFCC texture, onset rate; about 1.25x the CPU time). The table's "
                    + "feature_set column says which. Kaggle CSV inputs have only the gtzan columns. "
                    + "Default: ${DEFAULT-VALUE}.")
    private FeatureSetKind featureSet = FeatureSetKind.DEFAULT;

    @Option(names = "--neural-inputs",
            description = "Also store each window's inputs of the neural models (train --models cnn,lstm): its "
                    + "128-band log-mel spectrogram (one byte per value, 165 kB per 30 s) and its 20 MFCCs per frame "
                    + "(two bytes per value), in the binary columns logmel and mfcc_seq. Default: off.")
    private boolean neuralInputs;

    @Option(names = "--labels", paramLabel = "CSV",
            description = "A CSV giving each file's label: headerless path,label, or with a header naming path, "
                    + "label (or genre) and optionally artist and album (other columns ignored), which fill the "
                    + "artist and album columns; paths are full URIs or absolute paths, or relative to the input "
                    + "directory (blues/blues.00000.wav). Files it does not name get no label. Default: the name "
                    + "of the folder holding each file.")
    private String labels;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2], yarn, spark://host:7077. Default: the master spark-submit "
                    + "or --conf sets, else local[*] (every core of this machine).")
    private String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Number of partitions (tasks) the files are spread over, balanced by bytes. Default: "
                    + "twice the default parallelism or one per " + SizeBalancedPartitioner.FILES_PER_PARTITION
                    + " files, whichever is more.")
    private Integer partitions;

    @Mixin
    private SparkConfFile conf = new SparkConfFile();

    /** Checks the values that picocli cannot (ranges, relations); the message names the option. */
    public void validate() {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input: at least one input is needed");
        }
        if (output == null || output.isBlank()) {
            throw new IllegalArgumentException("--output: a table location is needed");
        }
        checkExtraction(windowSeconds, minLastWindowSeconds(), partitions);
    }

    /** How every command's --help states the default minimum final window ({@link WindowPlan#defaultMinLastSeconds}). */
    // an annotation needs a constant: the figures are WindowPlan.defaultMinLastSeconds's (WindowPlanTest checks them)
    static final String MIN_LAST_DEFAULT = "half the window, at most " + (int) WindowPlan.DEFAULT_MIN_LAST_WINDOW_SECONDS
            + " (30-s windows: 10; 3-s windows: 1.5)";

    /**
     * Checks the extraction settings that the extract, classify and nightly jobs share, so that all three
     * refuse a bad value with the same message, naming the option.
     */
    static void checkExtraction(double windowSeconds, double minLastWindowSeconds, Integer partitions) {
        try {
            WindowPlan.ofSeconds(windowSeconds, minLastWindowSeconds);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--window-seconds/--min-last-window-seconds: " + e.getMessage(), e);
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
        }
    }

    /** The window cut these options ask for. */
    public WindowPlan windowPlan() {
        return WindowPlan.ofSeconds(windowSeconds, minLastWindowSeconds());
    }

    public List<String> inputs() {
        return inputs;
    }

    public ExtractOptions inputs(List<String> value) {
        this.inputs = new ArrayList<>(value);
        return this;
    }

    public String output() {
        return output;
    }

    public ExtractOptions output(String value) {
        this.output = value;
        return this;
    }

    public double windowSeconds() {
        return windowSeconds;
    }

    public ExtractOptions windowSeconds(double value) {
        this.windowSeconds = value;
        return this;
    }

    /** The minimum final window asked for, else the default for these windows. */
    public double minLastWindowSeconds() {
        return WindowPlan.minLastSeconds(minLastWindowSeconds, windowSeconds);
    }

    /** The minimum final window; null leaves it to the default for the window length. */
    public ExtractOptions minLastWindowSeconds(Double value) {
        this.minLastWindowSeconds = value;
        return this;
    }

    /** The feature set to extract. */
    public FeatureSetKind featureSet() {
        return featureSet;
    }

    public ExtractOptions featureSet(FeatureSetKind value) {
        this.featureSet = value;
        return this;
    }

    /** Whether the table stores the neural models' inputs. */
    public boolean neuralInputs() {
        return neuralInputs;
    }

    public ExtractOptions neuralInputs(boolean value) {
        this.neuralInputs = value;
        return this;
    }

    /** The labels table, or null for parent-folder labels. */
    public String labels() {
        return labels;
    }

    public ExtractOptions labels(String value) {
        this.labels = value;
        return this;
    }

    /** The master asked for on the command line, or null. */
    public String master() {
        return master;
    }

    public ExtractOptions master(String value) {
        this.master = value;
        return this;
    }

    /** The partition count asked for, or null for the default. */
    public Integer partitions() {
        return partitions;
    }

    public ExtractOptions partitions(Integer value) {
        this.partitions = value;
        return this;
    }

    /** The Spark properties file, or null. */
    public Path confFile() {
        return conf.file();
    }

    public ExtractOptions confFile(Path value) {
        conf.file(value);
        return this;
    }
}
