package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.scoring.DefaultModel;
import io.genrelake.testing.WavFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake identify} with the shipped default model: a 70-s track gets a genre, a calibrated confidence, the
 * top three and a three-window timeline (30 + 30 + 10 s); a file that is not audio gets an error row with the same
 * reason {@code features} gives; table and JSON say the same.
 */
class IdentifyCommandTest {

    @TempDir
    static Path dir;
    static Path track;
    static Path bad;

    @BeforeAll
    static void files() throws Exception {
        // a chord with a little noise: something for every feature to measure
        float[] y = WavFiles.sine(220, 0.3, 70, 22050);
        float[] fifth = WavFiles.sine(330, 0.2, 70, 22050);
        Random random = new Random(1);
        for (int n = 0; n < y.length; n++) {
            y[n] += fifth[n] + (float) (0.02 * random.nextGaussian());
        }
        track = WavFiles.writePcm16(dir.resolve("chord.wav"), y, 22050);
        bad = Files.writeString(dir.resolve("notes.mp3"), "not audio at all\n");
    }

    @Test
    void jsonHasGenreTopThreeTimelineAndTheErrorRow() throws Exception {
        CliRun run = CliRun.of("identify", "--format", "json", track.toString(), bad.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode answer = new ObjectMapper().readTree(run.out());
        assertTrue(answer.path("model").asText().endsWith(DefaultModel.FOLDER), run.out());
        JsonNode ok = answer.path("files").get(0);
        assertTrue(List.of("ok", "uncertain").contains(ok.path("status").asText()), run.out());
        assertEquals(3, ok.path("top").size());
        assertEquals(ok.path("genre").asText(), ok.path("top").get(0).path("genre").asText());
        double confidence = ok.path("confidence").asDouble();
        assertEquals(confidence, ok.path("top").get(0).path("probability").asDouble(), 0);
        assertTrue(ok.path("top").get(1).path("probability").asDouble() <= confidence);
        JsonNode windows = ok.path("windows");
        assertEquals(3, windows.size(), "70 s: two whole windows and a final one of 10 s");
        assertEquals(60.0, windows.get(2).path("start_seconds").asDouble(), 1e-9);
        assertEquals(70.0, windows.get(2).path("end_seconds").asDouble(), 1e-3);

        JsonNode error = answer.path("files").get(1);
        assertEquals("error", error.path("status").asText());
        assertTrue(error.path("error").asText().startsWith("unsupported format"), run.out());
        assertTrue(error.path("genre").isNull());
    }

    @Test
    void tableShowsTheSameAnswer() throws Exception {
        CliRun json = CliRun.of("identify", "--format", "json", track.toString());
        JsonNode ok = new ObjectMapper().readTree(json.out()).path("files").get(0);
        CliRun run = CliRun.of("identify", track.toString(), bad.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("FILE"), run.out());
        assertTrue(lines[1].contains(ok.path("genre").asText()) && lines[1].contains(ok.path("status").asText()),
                run.out());
        assertTrue(lines[2].startsWith("  0:00–0:30"), run.out());
        assertTrue(lines[4].startsWith("  1:00–1:10"), run.out());
        assertTrue(lines[5].contains("error") && lines[5].contains("unsupported format"), run.out());
    }

    @Test
    void theModelsTrainingWindowIsCutUnlessAnotherIsAskedForWithAWarning(@TempDir Path copy) throws Exception {
        // the shipped model, its card saying it was trained on windows of 20 s
        Path model = Path.of(DefaultModel.FOLDER);
        Files.copy(model.resolve("portable-model.json"), copy.resolve("portable-model.json"));
        com.fasterxml.jackson.databind.node.ObjectNode card = (com.fasterxml.jackson.databind.node.ObjectNode)
                new ObjectMapper().readTree(model.resolve("model-card.json").toFile());
        Files.writeString(copy.resolve("model-card.json"), card.put("window_seconds", 20.0).toString());

        CliRun run = CliRun.of("identify", "--format", "json", "--model", copy.toString(), track.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        JsonNode windows = new ObjectMapper().readTree(run.out()).path("files").get(0).path("windows");
        assertEquals(4, windows.size(), "70 s in the model's 20-s windows: three whole and a final 10 s");
        assertEquals(20.0, windows.get(0).path("end_seconds").asDouble(), 1e-9);
        assertTrue(run.err().isBlank(), run.transcript());

        CliRun asked = CliRun.of("identify", "--format", "json", "--model", copy.toString(), "--window-seconds", "30",
                track.toString());
        assertEquals(0, asked.exitCode(), asked.transcript());
        assertEquals(3, new ObjectMapper().readTree(asked.out()).path("files").get(0).path("windows").size());
        assertTrue(asked.err().contains("differs from the 20-s windows the model was trained on"), asked.transcript());
    }

    @Test
    void onlyBadFilesExitOneAndAModelWithoutPortableFormIsNamed(@TempDir Path empty) {
        CliRun run = CliRun.of("identify", bad.toString());
        assertEquals(GenreLake.EXIT_FAILURE, run.exitCode(), run.transcript());
        CliRun noModel = CliRun.of("identify", "--model", empty.toString(), track.toString());
        assertEquals(GenreLake.EXIT_FAILURE, noModel.exitCode(), noModel.transcript());
        assertTrue(noModel.err().contains("portable-model.json") && noModel.err().contains("--models lr"),
                noModel.transcript());
    }
}
