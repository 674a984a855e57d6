package io.genrelake.cli;

import io.genrelake.jobs.CommandErrors;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.scoring.DefaultModel;
import io.genrelake.scoring.PortableModel;
import io.genrelake.scoring.PortableScorer;
import io.genrelake.scoring.TrackIdentifier;
import io.genrelake.serve.IdentifyServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelake serve}: the identify page and {@code POST /identify} on a local port, until interrupted. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Serves a small web page on which you upload an audio file and see its genre, confidence, the top genres "
                    + "as bars, the per-window timeline and the model card; the page calls POST /identify (multipart "
                    + "field file), which answers the JSON of genrelake identify --format json, for curl too:",
            "  curl -F file=@song.mp3 http://127.0.0.1:8080/identify",
            "Scores in this JVM without Spark, with the model's portable form (as identify). Runs until stopped "
                    + "(Ctrl-C)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {"  1  the model cannot be read or the port cannot be bound", "  2  usage error"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "Port to listen on; 0 takes any free one (the line on stdout names it). "
                    + "Default: ${DEFAULT-VALUE}.")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on: 127.0.0.1 serves this machine only; 0.0.0.0 every interface "
                    + "(anyone who reaches the port can upload). Default: ${DEFAULT-VALUE}.")
    private String bind;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "50",
            description = "Largest upload accepted, in MB (10^6 bytes); a larger one is answered 413 with the limit. "
                    + "Default: ${DEFAULT-VALUE}.")
    private int maxUploadMb;

    @Option(names = "--model", paramLabel = "DIR",
            description = "Model folder written by genrelake train, with its portable-model.json. Default: "
                    + "models/default of the checkout (README, \"The default model\").")
    private String model;

    @Option(names = "--window-seconds", paramLabel = "S",
            description = "Window length, as extract's. Default: the one the model was trained on (its card's "
                    + "window_seconds), else " + WindowPlan.DEFAULT_WINDOW_SECONDS
                    + "; another length is warned about.")
    private Double windowSeconds;

    @Override
    public Integer call() throws InterruptedException {
        String folder;
        try {
            if (maxUploadMb < 1) {
                throw new IllegalArgumentException("--max-upload-mb must be at least 1, got " + maxUploadMb);
            }
            folder = DefaultModel.orDefault(model);
            if (windowSeconds != null) {
                WindowPlan.ofSeconds(windowSeconds); // checks the value
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        IdentifyServer server;
        try {
            PortableModel portable = PortableModel.read(Path.of(folder));
            WindowPlan plan = ModelWindows.choose(folder, windowSeconds, err);
            String card = Files.readString(Path.of(folder, "model-card.json"));
            server = IdentifyServer.start(bind, port, new TrackIdentifier(new PortableScorer(portable), plan,
                    FailureReason::of), folder, card, maxUploadMb * 1_000_000L);
        } catch (IOException | RuntimeException e) {
            CommandErrors.print(err, "serve", FailureReason.of(e));
            return GenreLake.EXIT_FAILURE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("serving http://" + bind + ":" + server.port() + "/ (model " + folder + "); Ctrl-C stops");
        out.flush();
        new CountDownLatch(1).await(); // until the JVM is stopped
        return 0;
    }
}
