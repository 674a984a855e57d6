package io.genrelake.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * Identifications as JSON, the one form {@code identify --format json} prints and {@code POST /identify} answers:
 * {@code {"model": …, "files": [{"file", "status", "genre", "confidence", "top": [{"genre", "probability"}],
 * "windows": [{"index", "start_seconds", "end_seconds", "genre", "probability"}], "error", "seconds"}]}}.
 */
public final class IdentificationJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private IdentificationJson() {}

    /** The answer for {@code files}, scored by the model at {@code model} (its folder, as given). */
    public static String of(String model, List<Identification> files) {
        try {
            return JSON.writeValueAsString(new Answer(model, files)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("identifications not serialisable", e);
        }
    }

    private record Answer(String model, List<Identification> files) {}
}
