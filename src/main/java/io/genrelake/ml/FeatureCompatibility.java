package io.genrelake.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.features.ExtractorVersion;
import io.genrelake.features.FeatureSetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Whether features may be fed to a model: the same feature set, and an extractor whose numbers are the ones
 * the model learnt — the card's {@code extractor_version} (one or more, comma-separated) must each be this
 * build's {@link ExtractorVersion#CURRENT} or the Kaggle CSV's librosa numbers, which the extractor
 * reproduces (docs/fidelity.md). A card without versions (trained on tables that lacked the column) passes.
 */
public final class FeatureCompatibility {

    private FeatureCompatibility() {}

    /** The card's extractor versions (empty when it names none). */
    public static List<String> modelVersions(JsonNode card) {
        List<String> versions = new ArrayList<>();
        for (String v : card.path("extractor_version").asText("").split(",")) {
            if (!v.isBlank()) {
                versions.add(v.strip());
            }
        }
        return versions;
    }

    /** Why features of {@code featureVersions} (extractor versions) do not fit the model, or null when they do. */
    public static String mismatch(JsonNode card, Collection<String> featureVersions) {
        List<String> model = modelVersions(card);
        if (model.isEmpty()) {
            return null;
        }
        for (String v : featureVersions) {
            if (!fits(model, v)) {
                return "the features were computed by extractor " + v + " and the model was trained on features of "
                        + String.join(", ", model) + ": extract them again with this build (extractor "
                        + ExtractorVersion.CURRENT + "), or retrain the model";
            }
        }
        return null;
    }

    /** Why this build's extractor cannot feed the model, or null when it can. */
    public static String mismatchWithThisBuild(JsonNode card) {
        List<String> model = modelVersions(card);
        if (model.isEmpty() || fits(model, ExtractorVersion.CURRENT)) {
            return null;
        }
        return "the model was trained on features of extractor " + String.join(", ", model) + " and this build "
                + "extracts " + ExtractorVersion.CURRENT + ": retrain it on features of this extractor";
    }

    /** Why a table of {@code tableSet} cannot feed a model of {@code modelSet}, or null. */
    public static String featureSetMismatch(FeatureSetKind modelSet, FeatureSetKind tableSet) {
        return modelSet == tableSet ? null : "the model reads the " + modelSet.label() + " feature set and the "
                + "features are of the " + tableSet.label() + " set";
    }

    private static boolean fits(List<String> model, String featureVersion) {
        for (String m : model) {
            if (!m.equals(featureVersion) && !m.equals(FeatureTableReader.KAGGLE_CSV_VERSION)
                    && !featureVersion.equals(FeatureTableReader.KAGGLE_CSV_VERSION)) {
                return false;
            }
        }
        return true;
    }
}
