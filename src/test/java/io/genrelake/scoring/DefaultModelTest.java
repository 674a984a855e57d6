package io.genrelake.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import io.genrelake.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The model that ships in models/default loads, and its card's headline figure is what the model really scores:
 * the portable model, run here on the fault-filtered split's test clips of the public GTZAN table, gets exactly the
 * card's test accuracy (so the figure came from {@code bin/train-default-model}, not from a hand), on the split file
 * whose SHA-256 the card records.
 */
class DefaultModelTest {

    private static final Path FOLDER = Path.of(DefaultModel.FOLDER);

    @Test
    void shippedModelLoadsWithItsCard() throws Exception {
        PortableModel model = PortableModel.read(FOLDER);
        JsonNode card = new ObjectMapper().readTree(FOLDER.resolve("model-card.json").toFile());
        assertEquals("lr", card.path("best_model").asText());
        assertEquals(10, model.genres().size());
        assertEquals(card.path("genres").toString(), new ObjectMapper().writeValueAsString(model.genres()));
        assertEquals(FeatureSetKind.GTZAN, model.featureSet());
        assertNotNull(model.threshold(), "the default model is calibrated and has an uncertain threshold");
        assertEquals(card.path("calibration").path("threshold").asDouble(), model.threshold(), 0);
        assertTrue(Files.isDirectory(FOLDER.resolve("calibration")), "the MLlib calibration stage ships too");
        String words = Files.readString(FOLDER.resolve("README.md"));
        String figure = String.format(java.util.Locale.ROOT, "test accuracy **%.3f**",
                card.path("test_accuracy").asDouble());
        assertTrue(words.contains(figure), "the card in words states the card's figure, " + figure);
        assertTrue(words.contains(String.join(", ", model.genres())) && words.contains("does not know"), words);
    }

    @Test
    void cardsTestAccuracyIsWhatTheModelScoresOnTheFaultFilteredSplit() throws Exception {
        Path table = SharedData.require("gtzan/features_30_sec.csv");
        Path splitFile = SharedData.require("gtzan/splits/fault_filtered.csv");
        JsonNode card = new ObjectMapper().readTree(FOLDER.resolve("model-card.json").toFile());
        assertEquals(card.path("split").path("sha256").asText(),
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(splitFile))),
                "the card was made with this split file");
        Map<String, String> split = new HashMap<>();
        for (String line : Files.readAllLines(splitFile).subList(1, Files.readAllLines(splitFile).size())) {
            String[] f = line.split(",");
            split.put(f[0].strip(), f[1].strip());
        }
        PortableScorer scorer = new PortableScorer(PortableModel.read(FOLDER));
        List<String> genres = scorer.model().genres();
        int right = 0;
        int tested = 0;
        for (KaggleRow row : KaggleCsv.read(table)) {
            if (!"test".equals(split.get(row.filename()))) {
                continue;
            }
            double[] p = scorer.trackProbabilities(List.of(scorer.windowProbabilities(row.values())));
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            right += genres.get(best).equals(row.label()) ? 1 : 0;
            tested++;
        }
        assertEquals(card.path("test_units").asInt(), tested);
        assertEquals(card.path("test_accuracy").asDouble(), right / (double) tested, 1e-12,
                right + " of " + tested + " test clips right");
    }
}
