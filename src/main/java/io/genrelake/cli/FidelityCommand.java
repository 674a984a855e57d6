package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import io.genrelake.jobs.SparkLogLevels;
import io.genrelake.report.fidelity.FidelityCheck;
import io.genrelake.report.fidelity.FidelityMarkdown;
import io.genrelake.report.fidelity.ReferenceSet;
import io.genrelake.report.fidelity.RichFidelityCheck;
import io.genrelake.report.fidelity.RichFidelityMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genrelake fidelity}: recomputes librosa's reference rows in shared/ and writes the error table. */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = {"Measures how closely our features reproduce librosa's on the reference data in shared/",
                "(the GTZAN clips, 3-s segments, Kaggle's own rows, edge cases; the rich set's 241 columns on",
                "golden/rich) and writes a markdown report.",
                "Exit code 1 when a target is missed."})
public final class FidelityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared",
            description = "The shared reference data folder (default: ${DEFAULT-VALUE}).")
    private Path shared;

    // A field value, not defaultValue: picocli would apply that after the old name --out had set the field.
    @Option(names = "--output", paramLabel = "FILE.md",
            description = "Where to write the report (default: ${DEFAULT-VALUE}).")
    private Path out = Path.of("docs/fidelity.md");

    /** The old name of --output, still accepted, left out of the help. */
    @Option(names = "--out", hidden = true, paramLabel = "FILE.md")
    private void oldOutput(Path value) {
        out = value;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(shared)) {
            err.println(CommandErrors.line("fidelity", "no reference data at " + shared.toAbsolutePath()
                    + " (pass --shared DIR)"));
            return GenreLake.EXIT_FAILURE;
        }
        SparkLogLevels.forCommandLine(); // log lines (the extractor's path) to stderr, never stdout
        FidelityCheck check = new FidelityCheck(shared);
        List<FidelityCheck.Result> results = new ArrayList<>();
        boolean met = true;
        for (ReferenceSet set : ReferenceSet.values()) {
            if (!check.available(set)) {
                err.println("skipping " + set.table() + ": not in " + shared);
                continue;
            }
            FidelityCheck.Result r = check.run(set);
            results.add(r);
            List<String> v = r.violations();
            met &= v.isEmpty();
            err.printf(Locale.ROOT, "%-45s %3d rows  %s%n", set.table(), r.rows(),
                    v.isEmpty() ? "targets met" : "MISSED: " + String.join("; ", v));
            err.flush();
        }
        String environment = String.format(Locale.ROOT, "Run on %s, %s %s (%s), %d cores.",
                java.time.LocalDate.now(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors());
        String md = FidelityMarkdown.render(results, "bin/genrelake fidelity --shared ../shared --output " + out, environment);
        RichFidelityCheck rich = new RichFidelityCheck(shared);
        if (rich.available()) {
            List<RichFidelityCheck.Column> columns = rich.run();
            long missed = columns.stream().filter(c -> !(c.maxError() <= RichFidelityCheck.MAX_ERROR)).count();
            met &= missed == 0;
            err.printf(Locale.ROOT, "%-45s %3d cols  %s%n", RichFidelityCheck.TABLE, columns.size(),
                    missed == 0 ? "targets met" : "MISSED: " + missed + " column(s) over " + RichFidelityCheck.MAX_ERROR);
            md += RichFidelityMarkdown.render(columns);
        } else {
            err.println("skipping " + RichFidelityCheck.TABLE + ": not in " + shared);
        }
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, md);
        err.println("wrote " + out);
        return met ? 0 : GenreLake.EXIT_FAILURE;
    }
}
