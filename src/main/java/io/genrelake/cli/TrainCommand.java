package io.genrelake.cli;

import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.jobs.TrainJob;
import io.genrelake.ml.TrainOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake train}: the Spark training job ({@link TrainJob}) from the command line, local unless
 * told otherwise; same options as {@code spark-submit --class io.genrelake.jobs.TrainJob}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Trains genre models with Spark MLlib on labelled feature tables and keeps the best.",
            "Each model (assemble → standardise → PCA? → classifier) is cross-validated over its parameter grid "
                    + "on folds stratified by genre and grouped the way users meet music (by artist when every "
                    + "track names one; --group-by, --split), scored per track (a track's windows aggregated); "
                    + "it is then measured on a held-out split grouped the same way, and beside it on folds "
                    + "grouped by track only. The model with the best CV accuracy, refit on all training tracks, "
                    + "is calibrated on its out-of-fold predictions and saved as an MLlib PipelineModel with its "
                    + "calibration stage, model-card.json and report.html (PNG plots) beside it."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  trained and saved", "  1  bad input (missing columns, NaN features, one genre...) or failure",
                "  2  usage error (unknown option or model, bad value)"})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainJob.Options options;

    @Override
    public Integer call() {
        TrainOptions request;
        try {
            request = options.toTrainOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SparkLogLevels.forCommandLine(); // as every command that starts Spark: our progress at INFO, Spark at WARN
        try (TrainJob.Session session = TrainJob.Session.open("genrelake train", options.master(), options.conf())) {
            return TrainJob.run(session.spark(), request, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }
}
