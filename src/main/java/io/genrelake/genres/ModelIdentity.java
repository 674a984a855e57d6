package io.genrelake.genres;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.ml.GroupSmoothing;
import io.genrelake.ml.ModelCard;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Which model classified a row, from its {@code model-card.json}: {@code model_id} is
 * {@code <best_model>@<created_at>#<first 12 hex digits of training_data_sha256>}, e.g.
 * {@code lr@2026-01-05T10:00:00Z#3f2a9c01b7de}. Two trainings differ in their creation time even on the
 * same data, so a retrained model is a new id and the nightly run reclassifies with it.
 *
 * @param id          the model id
 * @param genres      the model's genres in class-index order (the card's {@code genres})
 * @param aggregation how the model was evaluated over windows: {@code mean} or {@code vote}
 * @param featureSet  the feature set the model reads (the card's {@code feature_set}; gtzan when absent)
 * @param uncertainBelow the card's calibration threshold: a track whose calibrated confidence is below it is
 *                    {@code uncertain}; null for a model trained without one (every track is then {@code ok})
 * @param windowSeconds the window length of the model's training table (the card's {@code window_seconds}), null when
 *                    the card records none
 * @param smoothing     how a track's probabilities are mixed with its artist's or album's ({@code train --smooth-by},
 *                    the card's {@code smoothing}); null for none
 */
public record ModelIdentity(String id, List<String> genres, String aggregation, FeatureSetKind featureSet,
        Double uncertainBelow, Double windowSeconds, GroupSmoothing smoothing)
        implements Serializable {

    static final int SHA_DIGITS = 12;

    public ModelIdentity {
        genres = List.copyOf(genres);
    }

    /** A model without smoothing by group. */
    public ModelIdentity(String id, List<String> genres, String aggregation, FeatureSetKind featureSet,
            Double uncertainBelow, Double windowSeconds) {
        this(id, genres, aggregation, featureSet, uncertainBelow, windowSeconds, null);
    }

    /** A model of the gtzan feature set without an uncertainty threshold. */
    public ModelIdentity(String id, List<String> genres, String aggregation) {
        this(id, genres, aggregation, FeatureSetKind.DEFAULT, null, null);
    }

    /** Reads the card's fields; a card without genres or a creation time is refused. */
    public static ModelIdentity of(JsonNode card, String modelUri) {
        List<String> genres = new ArrayList<>();
        card.path("genres").forEach(g -> genres.add(g.asText()));
        String created = card.path("created_at").asText("");
        if (genres.isEmpty() || created.isEmpty()) {
            throw new IllegalArgumentException(modelUri + "/model-card.json lacks genres or created_at: "
                    + "not a model written by genrelake train");
        }
        String sha = card.path("training_data_sha256").asText("");
        String id = card.path("best_model").asText("model") + "@" + created
                + (sha.isEmpty() ? "" : "#" + sha.substring(0, Math.min(SHA_DIGITS, sha.length())));
        JsonNode threshold = card.path(ModelCard.CALIBRATION).path(ModelCard.THRESHOLD);
        return new ModelIdentity(id, genres, card.path("aggregation").asText("mean"),
                FeatureSetKind.of(card.path("feature_set").asText(FeatureSetKind.DEFAULT.label())),
                threshold.isNumber() ? threshold.asDouble() : null, ModelCard.windowSeconds(card),
                GroupSmoothing.ofCard(card, modelUri));
    }
}
