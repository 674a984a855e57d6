package io.genrelake.cli;

import io.genrelake.jobs.NightlyJob;
import io.genrelake.jobs.NightlyOptions;
import io.genrelake.jobs.SparkLogLevels;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genrelake nightly}: the nightly incremental job ({@link NightlyJob}) from the command line. */
@Command(
        name = "nightly",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "The scheduled incremental run: lists the catalogue, compares path, size and modification time with "
                    + "the stored state, extracts and classifies only new and changed files, writes deleted rows "
                    + "for files gone, and keeps unchanged tracks' rows (carried forward in <output>/current). "
                    + "Tracks below the model's calibrated confidence threshold are written with status uncertain, "
                    + "as classify does.",
            "A model whose id differs from the previous run's reclassifies every track from the stored features "
                    + "without decoding audio; a neural model (cnn, lstm) after a model without one extracts "
                    + "every file again, with the network's inputs, which the feature store then keeps. Everything is staged and published with a journal: a rerun of a "
                    + "date gives the same tables, and a run killed midway is completed by the next start.",
            "Typical: genrelake nightly --conf conf/nightly.conf --run-date 2026-01-31 (see jobs/nightly.sh)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the run was published", "  1  refused (listing problems, an earlier date, other feature "
                + "settings) or bad input; nothing changed", "  2  usage error"})
public final class NightlyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private NightlyOptions options;

    @Override
    public Integer call() throws IOException {
        SparkLogLevels.forCommandLine();
        return NightlyJob.runCommand(spec, options, "genrelake nightly");
    }
}
