package io.genrelake.cli;

import io.genrelake.catalogue.AudioExtensions;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.jobs.CommandErrors;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.SegmentPlan;
import io.genrelake.jobs.SparkLogLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake features}: the GTZAN feature table of local audio files, computed in this JVM on a
 * few threads (no Spark), in the exact layout of the public Kaggle {@code features_30_sec.csv}.
 */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Computes the GTZAN feature table of local audio files, in this JVM (no Spark).",
            "The 57 features are librosa-compatible, as in Kaggle's features_30_sec.csv; one row per clip "
                    + "or per window, with the Kaggle columns: filename, length, 57 features, label.",
            "Files that cannot be used (undecodable, too short, no whole window) are reported and listed in "
                    + "FILE.errors.csv beside the output; the run goes on without them."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  at least one file was used", "  1  no file could be used",
                "  2  usage error"})
public final class FeaturesCommand implements Callable<Integer> {

    /** Longer windows would be files of their own: the streaming path holds one window per thread. */
    private static final double MAX_SEGMENT_SECONDS = 600;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<file-or-dir>",
            description = "Audio files (taken whatever their extension) or directories, walked recursively for "
                    + "files with an audio extension (" + AudioExtensions.AUDIO_NAMES + "; any case), skipping "
                    + "hidden ones, as extract lists them. All are sorted by path, which is the order of the output "
                    + "rows.")
    private List<Path> inputs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Output output;

    /** {@code --output}, required; its old name {@code --out} still works but is left out of the help. */
    static final class Output {
        @Option(names = "--output", required = true, paramLabel = "FILE.csv",
                description = "Where to write the feature table (overwritten; folders are created). "
                        + "The unusable files go to FILE.errors.csv beside it (header only if there are none).")
        Path path;

        @Option(names = "--out", required = true, hidden = true, paramLabel = "FILE.csv")
        void oldName(Path value) {
            path = value;
        }
    }

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "Cut each clip into consecutive S-second windows and write one row per whole window, "
                    + "named <stem>.<k>.<ext> (S=3 gives Kaggle's 3-second table); a final partial window "
                    + "is dropped. At most 600. Default: one row per whole clip.")
    private Double windowSeconds;

    @Option(names = "--segment-seconds", hidden = true, paramLabel = "S")
    private void oldWindowSeconds(Double value) {
        windowSeconds = value;
    }

    // Defaults of options with an old name are field values, not defaultValue: picocli would apply a
    // defaultValue after the old name had set the field.
    @Option(names = "--window-cut", paramLabel = "kaggle|exact",
            description = "With --window-seconds, where window k (L samples per slot) ends: kaggle = "
                    + "[k*L, k*L+L-1), one sample short, as Kaggle cut its 3-second table; exact = "
                    + "[k*L, (k+1)*L). Default: kaggle.")
    private SegmentPlan.Cut windowCut = SegmentPlan.Cut.KAGGLE;

    @Option(names = "--segment-cut", hidden = true, paramLabel = "kaggle|exact")
    private void oldWindowCut(SegmentPlan.Cut value) {
        windowCut = value;
    }

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Files processed at once in this process, one feature extractor each. "
                    + "Default: the number of processors (${DEFAULT-VALUE} here).")
    private int parallelism = Runtime.getRuntime().availableProcessors();

    @Option(names = "--threads", hidden = true, paramLabel = "N")
    private void oldParallelism(int value) {
        parallelism = value;
    }

    @Option(names = "--label-from", paramLabel = "parent|none", defaultValue = "parent",
            description = "The label column: parent = the name of the folder holding the file (GTZAN's "
                    + "<genre>/<clip> layout); none = left empty. Default: ${DEFAULT-VALUE}.")
    private LabelSource labelFrom;

    @Override
    public Integer call() throws IOException, InterruptedException {
        SegmentPlan plan = segmentPlan();
        if (parallelism < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1, got " + parallelism);
        }
        SparkLogLevels.forCommandLine(); // log lines (the extractor's path) to stderr, never stdout
        AudioInputs.Found found = AudioInputs.collect(inputs);
        List<AudioInputs.Input> files = found.files();
        ProgressReport progress = new ProgressReport(spec.commandLine().getErr(), files.size());
        FileFeaturizer featurizer = new FileFeaturizer(plan, labelFrom);

        Path out = output.path;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path errorsFile = ErrorLog.besides(out);
        try (KaggleCsv.Writer table = KaggleCsv.create(out); ErrorLog errors = ErrorLog.create(errorsFile)) {
            OutcomeWriter writer = new OutcomeWriter(table, errors);
            for (AudioInputs.WalkFailure failure : found.failures()) {
                progress.walkFailure(failure);
                writer.writeWalkFailure(failure.path(), failure.reason());
            }
            if (files.isEmpty()) {
                CommandErrors.print(spec.commandLine().getErr(), "features", "no audio files found in " + inputs);
            }
            InOrderParallel.run(files, parallelism, FeatureExtractor::new,
                    (extractor, input) -> {
                        FileOutcome outcome = process(featurizer, extractor, input);
                        progress.fileDone(outcome);
                        return outcome;
                    },
                    writer::write);
            progress.summary(writer.filesUsed(), writer.filesFailed(), writer.rowsWritten(), out, errorsFile);
            return writer.filesUsed() > 0 ? 0 : GenreLake.EXIT_FAILURE;
        }
    }

    /** One file, timed; every way it can fail becomes a reason in the outcome, never an exception. */
    private static FileOutcome process(FileFeaturizer featurizer, FeatureExtractor extractor,
            AudioInputs.Input input) {
        long start = System.nanoTime();
        try {
            List<KaggleRow> rows = featurizer.rows(extractor, input.path());
            return FileOutcome.used(input, rows, (System.nanoTime() - start) / 1e9);
        } catch (IOException | UnusableAudioException | RuntimeException e) {
            return FileOutcome.failed(input, FailureReason.of(e), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The window plan asked for, or null for whole clips; windows must hold one analysis frame. */
    private SegmentPlan segmentPlan() {
        if (windowSeconds == null) {
            return null;
        }
        if (!(windowSeconds > 0 && windowSeconds <= MAX_SEGMENT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), "--window-seconds must be > 0 and at most "
                    + (int) MAX_SEGMENT_SECONDS + ", got " + windowSeconds);
        }
        SegmentPlan plan = SegmentPlan.ofSeconds(windowSeconds, FeatureExtractor.SAMPLE_RATE, windowCut);
        if (plan.length() < FeatureExtractor.MIN_SAMPLES) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--window-seconds %s gives windows of %d samples; at least %d (one analysis frame, "
                            + "about %.3f s) are needed",
                    windowSeconds, plan.length(), FeatureExtractor.MIN_SAMPLES,
                    (double) FeatureExtractor.MIN_SAMPLES / FeatureExtractor.SAMPLE_RATE));
        }
        return plan;
    }
}
