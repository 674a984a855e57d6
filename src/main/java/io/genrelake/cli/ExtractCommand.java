package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import io.genrelake.jobs.ExtractJob;
import io.genrelake.jobs.ExtractOptions;
import io.genrelake.jobs.ExtractSummary;
import io.genrelake.jobs.JobSession;
import io.genrelake.jobs.NoInputException;
import io.genrelake.jobs.SparkLogLevels;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake extract}: the Spark extract job ({@link ExtractJob}) run from the command line, in
 * local mode unless told otherwise. The options are the job's own ({@link ExtractOptions}), so this
 * command and {@code spark-submit --class io.genrelake.jobs.ExtractJob} take the same arguments.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Extracts the GTZAN features (or the rich set: --feature-set rich) of an audio catalogue (local disk, "
                    + "HDFS or S3) with Spark into a Parquet feature table: one row per window of each track, one error row per unusable file "
                    + "(the run goes on without it). Columns: docs/feature-table.md.",
            "Prints a summary (files, hours of audio, errors by reason, wall time, clips per minute), also "
                    + "written as _summary.json inside the table. The same job runs on a cluster with "
                    + "spark-submit --class io.genrelake.jobs.ExtractJob and these options."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the table was written (unusable files have error rows)",
                "  1  nothing to extract, or the run failed", "  2  usage error"})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ExtractOptions options;

    @Override
    public Integer call() throws IOException {
        try {
            options.validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        SparkLogLevels.forCommandLine(); // Spark's INFO lines would bury the per-partition progress lines
        try (JobSession session = JobSession.open("genrelake extract", options)) {
            ExtractSummary summary = ExtractJob.run(session.spark(), options);
            spec.commandLine().getOut().print(summary.toText());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NoInputException e) {
            CommandErrors.print(spec.commandLine().getErr(), "extract", e.getMessage());
            return GenreLake.EXIT_FAILURE;
        }
    }
}
