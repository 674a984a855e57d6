package io.genrelake.cli;

import io.genrelake.jobs.NightlyBenchmark;
import io.genrelake.jobs.SparkLogLevels;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelake bench-nightly}: the nightly and classify benchmark ({@link NightlyBenchmark}). */
@Command(
        name = "bench-nightly",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Measures (1) three nightly runs over a generated catalogue: the first, one over the unchanged "
                    + "catalogue (it must decode nothing) and one after 100 files were added; (2) the time "
                    + "classification adds to extraction (classify --input over 30-s clips). "
                    + "Generates its catalogue and clips, trains a small model on the sample library, prints "
                    + "Markdown for docs/benchmarks.md."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done", "  1  the benchmark failed", "  2  usage error"})
public final class BenchNightlyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--files", paramLabel = "N", defaultValue = "10000",
            description = "Files in the nightly catalogue (0.25-s WAVs). Default: ${DEFAULT-VALUE}.")
    private int files;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "200",
            description = "30-s clips classified with --input. Default: ${DEFAULT-VALUE}.")
    private int clips;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master. Default: ${DEFAULT-VALUE}.")
    private String master;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the catalogue, clips and tables go (the generated audio is kept for the next "
                    + "run). Default: genrelake-bench-nightly in the temporary folder.")
    private Path work;

    @Override
    public Integer call() throws Exception {
        if (files < 1 || clips < 1) {
            throw new ParameterException(spec.commandLine(), "--files and --clips must be at least 1");
        }
        SparkLogLevels.forCommandLine();
        Path dir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "genrelake-bench-nightly");
        new NightlyBenchmark(spec.commandLine().getOut()).run(new NightlyBenchmark.Settings(files, clips, master, dir));
        return 0;
    }
}
