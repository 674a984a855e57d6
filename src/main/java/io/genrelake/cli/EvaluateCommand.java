package io.genrelake.cli;

import io.genrelake.jobs.EvaluateJob;
import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.jobs.TrainJob;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.LabelOrigin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake evaluate}: the evaluation job ({@link EvaluateJob}) from the command line; same
 * options as {@code spark-submit --class io.genrelake.jobs.EvaluateJob}.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Measures a model saved by 'genrelake train' on another labelled feature table: per-track accuracy, "
                    + "macro F1, per-genre precision and recall, and the confusion matrix; and whether the model's "
                    + "confidence holds there: the ECE of its calibrated probabilities against what a calibrated "
                    + "model would read, and the precision and coverage of the tracks it would write 'ok' beside "
                    + "what its card expected."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  evaluated", "  1  bad input (no model card, unknown genres, missing columns...)",
                "  2  usage error"})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private EvaluateJob.Options options;

    @Override
    public Integer call() {
        Aggregation aggregation = EvaluateJob.parseAggregation(spec, options);
        LabelOrigin labelsFrom = EvaluateJob.parseLabelsFrom(spec, options);
        SparkLogLevels.forCommandLine(); // as every command that starts Spark: our progress at INFO, Spark at WARN
        try (TrainJob.Session session = TrainJob.Session.open("genrelake evaluate", options.master(), options.conf())) {
            return EvaluateJob.run(session.spark(), options, aggregation, labelsFrom, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
