package io.genrelake.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a classify run, printed and written as {@code _summary.json} in its partition.
 *
 * @param output          the genre tables' root
 * @param runDate         the partition written
 * @param modelId         the model that classified
 * @param features        the feature table classified
 * @param tracksOk        tracks with a genre (status ok)
 * @param tracksUncertain tracks with a best-guess genre below the model's confidence threshold (status uncertain)
 * @param tracksError     unusable files (error rows)
 * @param extractSeconds  wall time of the extraction (0 with --features)
 * @param classifySeconds wall time from the feature table to the published genre tables
 * @param tracksTagged    tracks whose tags have a genre of the taxonomy ({@code tag_genre})
 * @param tagDisagreements tracks whose tag genre the model disputes ({@code tag_disagrees})
 */
public record ClassifySummary(String output, String runDate, String modelId, String features, long tracksOk,
        long tracksUncertain, long tracksError, double extractSeconds, double classifySeconds, long tracksTagged,
        long tagDisagreements) {

    /** A summary without tag counts. */
    public ClassifySummary(String output, String runDate, String modelId, String features, long tracksOk,
            long tracksUncertain, long tracksError, double extractSeconds, double classifySeconds) {
        this(output, runDate, modelId, features, tracksOk, tracksUncertain, tracksError, extractSeconds,
                classifySeconds, 0, 0);
    }

    /** Tracks given a genre, confident or not. */
    public long tracksClassified() {
        return tracksOk + tracksUncertain;
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("output", output);
        m.put("run_date", runDate);
        m.put("model_id", modelId);
        m.put("features", features);
        m.put("tracks_ok", tracksOk);
        m.put("tracks_uncertain", tracksUncertain);
        m.put("tracks_error", tracksError);
        m.put("tracks_tagged", tracksTagged);
        m.put("tag_disagreements", tagDisagreements);
        m.put("extract_seconds", Math.round(extractSeconds * 1000) / 1000.0);
        m.put("classify_seconds", Math.round(classifySeconds * 1000) / 1000.0);
        try {
            return JSON.writeValueAsString(m) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    public String toText() {
        return String.format(Locale.ROOT, "classify %s: %d tracks classified (%d ok, %d uncertain), %d unusable files; "
                + "model %s%n  %d tracks with a tag genre, %d of them disputed by the model (tag_disagrees)%n  extraction %.1f s, classification %.1f s%n  genres:  %s/genres/run_date=%s%n"
                + "  current: %s/current%n", runDate, tracksClassified(), tracksOk, tracksUncertain, tracksError,
                modelId, tracksTagged, tagDisagreements, extractSeconds, classifySeconds, output, runDate, output);
    }
}
