package io.genrelake.cli;

import io.genrelake.demo.SampleLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genrelake make-sample-data}: (re)writes the deterministic demo library. */
@Command(name = "make-sample-data", mixinStandardHelpOptions = true,
        description = {"Writes the synthetic demo library (4 genres x 4 clips of 6 s: ambient, rock, swing, techno)",
                "that data-sample/ holds. Deterministic: the same bytes every time."})
public final class SampleDataCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // A field value, not defaultValue: picocli would apply that after the old name --out had set the field.
    @Option(names = "--output", paramLabel = "DIR",
            description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("data-sample");

    /** The old name of --output, still accepted, left out of the help. */
    @Option(names = "--out", hidden = true, paramLabel = "DIR")
    private void oldOutput(Path value) {
        out = value;
    }

    @Override
    public Integer call() throws Exception {
        List<Path> files = SampleLibrary.write(out);
        spec.commandLine().getErr().println("wrote " + files.size() + " clips under " + out);
        return 0;
    }
}
