package io.genrelake.cli;

import io.genrelake.jobs.ClassifyJob;
import io.genrelake.jobs.ClassifyOptions;
import io.genrelake.jobs.SparkLogLevels;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genrelake classify}: the classify job ({@link ClassifyJob}) from the command line, same options. */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Gives every track a genre: extracts the audio (or reads a stored feature table), applies a model saved "
                    + "by genrelake train to every window, and aggregates the windows per track as the model was "
                    + "evaluated (mean probabilities). A model with a calibration (model-card.json: calibration) "
                    + "calibrates each track's probabilities and marks a track whose confidence is below its "
                    + "threshold status uncertain, keeping its best-guess genre.",
            "Writes <output>/genres/run_date=<date> (replaced whole on a rerun) and <output>/current (the latest row "
                    + "per track), published together. Columns: docs/genre-table.md. The same job runs on a "
                    + "cluster with spark-submit --class io.genrelake.jobs.ClassifyJob and these options."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the genre tables were written", "  1  nothing to classify, or bad input (model, features)",
                "  2  usage error"})
public final class ClassifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ClassifyOptions options;

    @Override
    public Integer call() throws IOException {
        SparkLogLevels.forCommandLine();
        return ClassifyJob.runCommand(spec, options, "genrelake classify");
    }
}
