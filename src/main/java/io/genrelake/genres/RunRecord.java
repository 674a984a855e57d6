package io.genrelake.genres;

import static io.genrelake.catalogue.WindowChoice.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.genrelake.features.FeatureSetKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings a nightly state was built with, stored as {@code _run.json} in each state snapshot: the
 * next run reclassifies everything when the model differs, and refuses to mix features of another
 * window length or extractor version into one store (that needs a fresh state).
 *
 * @param runDate              the snapshot's run date
 * @param modelId              the model that classified the live tracks
 * @param extractorVersion     the extractor of the stored features
 * @param windowSeconds        window length of the stored features
 * @param minLastWindowSeconds minimum final window of the stored features
 * @param neuralInputs         the run's model held a neural network, so every live track's stored features carry
 *                             its inputs ({@code logmel}, {@code mfcc_seq}); false in records written before
 *                             nightly served neural models (it refused them then)
 * @param featureSet           the feature set the run extracted (its model's); gtzan in records written before
 *                             nightly served rich models (it refused them then)
 */
public record RunRecord(String runDate, String modelId, String extractorVersion, double windowSeconds,
        double minLastWindowSeconds, boolean neuralInputs, FeatureSetKind featureSet) {

    /** A run of a feature model of the gtzan set: its stored features carry no neural inputs. */
    public RunRecord(String runDate, String modelId, String extractorVersion, double windowSeconds,
            double minLastWindowSeconds) {
        this(runDate, modelId, extractorVersion, windowSeconds, minLastWindowSeconds, false);
    }

    /** A run of a model of the gtzan set. */
    public RunRecord(String runDate, String modelId, String extractorVersion, double windowSeconds,
            double minLastWindowSeconds, boolean neuralInputs) {
        this(runDate, modelId, extractorVersion, windowSeconds, minLastWindowSeconds, neuralInputs,
                FeatureSetKind.GTZAN);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static RunRecord parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new RunRecord(n.path("run_date").asText(), n.path("model_id").asText(),
                    n.path("extractor_version").asText(), n.path("window_seconds").asDouble(),
                    n.path("min_last_window_seconds").asDouble(), n.path("neural_inputs").asBoolean(false),
                    FeatureSetKind.of(n.path("feature_set").asText(FeatureSetKind.GTZAN.label())));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a nightly run record: " + e.getOriginalMessage(), e);
        }
    }

    /** The record as JSON, with {@code extra} fields (the run's counts) after the settings. */
    public String toJson(Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_date", runDate);
        m.put("model_id", modelId);
        m.put("extractor_version", extractorVersion);
        m.put("window_seconds", windowSeconds);
        m.put("min_last_window_seconds", minLastWindowSeconds);
        m.put("neural_inputs", neuralInputs);
        m.put("feature_set", featureSet.label());
        m.putAll(extra);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    /**
     * Why the stored features cannot serve a run with {@code next}'s settings, or null when they can.
     * The model may differ (that is a reclassification); the features' recipe may not.
     */
    public String incompatibility(RunRecord next) {
        if (!extractorVersion.equals(next.extractorVersion)) {
            return "the stored features were computed by extractor " + extractorVersion + ", this run's is "
                    + next.extractorVersion;
        }
        if (windowSeconds != next.windowSeconds || minLastWindowSeconds != next.minLastWindowSeconds) {
            return "the stored features use windows of " + format(windowSeconds) + " s (min last "
                    + format(minLastWindowSeconds) + " s), this run asks for " + format(next.windowSeconds)
                    + " s (min last " + format(next.minLastWindowSeconds) + " s)";
        }
        return null;
    }
}
