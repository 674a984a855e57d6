package io.genrelake.cli;

import io.genrelake.jobs.NoInputException;
import io.genrelake.jobs.bench.ExtractBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelake bench-extract}: the extract job's throughput and memory benchmark ({@link ExtractBenchmark}). */
@Command(
        name = "bench-extract",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Benchmarks the extract job: clips per minute over a corpus of GTZAN-like 30-s clips made from the "
                    + "shared clips (WAV copies; 44.1-kHz stereo MP3 re-encodings when ffmpeg is installed), the "
                    + "part of task time spent decoding and resampling, and the peak heap while one long track "
                    + "(WAV, and MP3 with ffmpeg) is extracted. Prints Markdown for docs/benchmarks.md.",
            "Skips with a message when the shared clips are absent. Set the heap with GENRELAKE_JAVA_OPTS=-Xmx..."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  done, or skipped for want of the shared clips", "  1  the benchmark failed",
                "  2  usage error"})
public final class BenchExtractCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--clips", paramLabel = "N", defaultValue = "1000",
            description = "Clips in each corpus. Default: ${DEFAULT-VALUE}.")
    private int clips;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master: local[1] and local[2] give the scaling from one to two cores. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String master;

    @Option(names = "--formats", paramLabel = "wav|mp3", split = ",", defaultValue = "wav,mp3",
            description = "Corpora to run, comma-separated; only these are warmed up, so a single format runs in a "
                    + "JVM that has seen only that format, like an executor over a library of it. "
                    + "Default: ${DEFAULT-VALUE}.")
    private java.util.List<String> formats;

    @Option(names = "--long-minutes", paramLabel = "M", defaultValue = "60",
            description = "Length of the long track for the memory measurement; 0 skips it. Default: ${DEFAULT-VALUE}.")
    private int longMinutes;

    @Option(names = "--shared", paramLabel = "DIR",
            description = "The shared folder holding gtzan/audio. Default: the genrelake.shared system property, "
                    + "else ../shared.")
    private Path shared;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where corpora are built (and kept for the next run) and tables written. "
                    + "Default: genrelake-bench in the temporary folder.")
    private Path work;

    @Override
    public Integer call() throws IOException, NoInputException {
        if (clips < 1) {
            throw new ParameterException(spec.commandLine(), "--clips must be at least 1, got " + clips);
        }
        for (String f : formats) {
            if (!f.equals("wav") && !f.equals("mp3")) {
                throw new ParameterException(spec.commandLine(), "--formats: wav or mp3, got " + f);
            }
        }
        Path sharedDir = shared != null ? shared
                : Path.of(System.getProperty("genrelake.shared", Path.of("..", "shared").toString()));
        Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "genrelake-bench");
        PrintWriter out = spec.commandLine().getOut();
        new ExtractBenchmark(out).run(new ExtractBenchmark.Settings(clips, master, formats.contains("wav"),
                formats.contains("mp3"), Math.max(0, longMinutes), sharedDir.toAbsolutePath().normalize(), workDir));
        return 0;
    }
}
