package io.genrelake.serve;

import io.genrelake.catalogue.WindowPlan;
import io.genrelake.cli.FailureReason;
import io.genrelake.scoring.DefaultModel;
import io.genrelake.scoring.PortableModel;
import io.genrelake.scoring.PortableScorer;
import io.genrelake.scoring.TrackIdentifier;
import io.genrelake.testing.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The server as {@code genrelake serve} starts it, with the shipped model, on a free port (bound to port 0). */
final class ServeFixture {

    private ServeFixture() {}

    static IdentifyServer start(long maxUploadBytes) throws IOException {
        Path folder = Path.of(DefaultModel.FOLDER);
        return IdentifyServer.start("127.0.0.1", 0, new TrackIdentifier(new PortableScorer(PortableModel.read(folder)),
                WindowPlan.standard(), FailureReason::of), folder.toString(),
                Files.readString(folder.resolve("model-card.json")), maxUploadBytes);
    }

    /** A {@code seconds}-long chord with a little noise, written as 16-bit WAV. */
    static Path clip(Path file, double seconds) throws IOException {
        float[] y = WavFiles.sine(196, 0.3, seconds, 22050);
        float[] third = WavFiles.sine(247, 0.2, seconds, 22050);
        Random random = new Random(3);
        for (int n = 0; n < y.length; n++) {
            y[n] += third[n] + (float) (0.03 * random.nextGaussian());
        }
        return WavFiles.writePcm16(file, y, 22050);
    }
}
