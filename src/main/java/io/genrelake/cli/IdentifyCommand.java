package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.scoring.DefaultModel;
import io.genrelake.scoring.Identification;
import io.genrelake.scoring.IdentificationJson;
import io.genrelake.scoring.PortableModel;
import io.genrelake.scoring.PortableScorer;
import io.genrelake.scoring.TrackIdentifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code genrelake identify FILE…}: the genre of a few files, now, in this JVM: no Spark (the model's portable
 * form, {@link PortableModel}, scored in plain Java), so one 30-s file answers in about a second from the shell.
 */
@Command(
        name = "identify",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Says which genre each audio file is, in this JVM (no Spark): genre, calibrated confidence, the top three "
                    + "genres, uncertain when the confidence is below the model's calibrated threshold, and for a "
                    + "track longer than one window the genre of each window (a timeline).",
            "Uses the model's portable form (portable-model.json, written by genrelake train for logistic "
                    + "regression models); without --model, the default model that ships with genrelake (GTZAN's ten "
                    + "genres: anything else comes out as the nearest of them, or uncertain). A file that cannot be "
                    + "used gets an error row with its reason; the others go on."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  0  at least one file was identified", "  1  no file could be used, or the model cannot be read",
                "  2  usage error"})
public final class IdentifyCommand implements Callable<Integer> {

    /** How the answer is printed. */
    enum Format { TABLE, JSON }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audio files (any format genrelake decodes).")
    private List<Path> files;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder written by genrelake train, with its portable-model.json. Default: "
                    + "models/default of the checkout (README, \"The default model\").")
    private String model;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "table: one line per file, then its timeline; json: the answer of serve's POST /identify. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "Window length, as extract's. Default: the one the model was trained on (its card's "
                    + "window_seconds), else " + WindowPlan.DEFAULT_WINDOW_SECONDS
                    + "; another length is warned about.")
    private Double windowSeconds;

    @Override
    public Integer call() {
        String folder;
        try {
            folder = DefaultModel.orDefault(model);
            if (windowSeconds != null) {
                WindowPlan.ofSeconds(windowSeconds); // checks the value
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        PortableModel portable;
        WindowPlan plan;
        try {
            portable = PortableModel.read(Path.of(folder));
            plan = ModelWindows.choose(folder, windowSeconds, err);
        } catch (IOException | RuntimeException e) {
            CommandErrors.print(err, "identify", "cannot read the model: " + e.getMessage());
            return GenreLake.EXIT_FAILURE;
        }
        TrackIdentifier identifier = new TrackIdentifier(new PortableScorer(portable), plan, FailureReason::of);
        List<Identification> answers = new ArrayList<>();
        for (Path file : files) {
            answers.add(identifier.identify(file, file.toString()));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.JSON ? IdentificationJson.of(folder, answers) : table(answers));
        out.flush();
        return answers.stream().anyMatch(a -> !a.status().equals(Identification.ERROR)) ? 0 : GenreLake.EXIT_FAILURE;
    }

    /** One line per file (file, status, genre, confidence, top three), then "  m:ss–m:ss genre p" per window. */
    static String table(List<Identification> answers) {
        int width = Math.max(4, answers.stream().mapToInt(a -> a.file().length()).max().orElse(4));
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %-10s  %10s  %s%n",
                "FILE", "STATUS", "GENRE", "CONFIDENCE", "TOP 3"));
        for (Identification a : answers) {
            if (a.status().equals(Identification.ERROR)) {
                s.append(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %s%n", a.file(), a.status(), a.error()));
                continue;
            }
            s.append(String.format(Locale.ROOT, "%-" + width + "s  %-9s  %-10s  %10.3f  %s%n", a.file(), a.status(),
                    a.genre(), a.confidence(), a.top().stream()
                            .map(g -> String.format(Locale.ROOT, "%s %.3f", g.genre(), g.probability()))
                            .collect(Collectors.joining(", "))));
            if (a.windows().size() > 1) {
                for (Identification.WindowGenre w : a.windows()) {
                    s.append(String.format(Locale.ROOT, "  %s–%s  %-10s %.3f%n", clock(w.startSeconds()),
                            clock(w.endSeconds()), w.genre(), w.probability()));
                }
            }
        }
        return s.toString();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
