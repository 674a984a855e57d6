package io.genrelake.catalogue;

import io.genrelake.features.FeatureSetKind;
import java.io.Serializable;
import java.sql.Timestamp;

/**
 * What every row of one extract run shares.
 *
 * @param extractorVersion the feature extractor's version ({@link io.genrelake.features.ExtractorVersion})
 * @param startedAtMillis  when the run started (the {@code extracted_at} column), milliseconds since the epoch
 * @param featureSet       the feature set extracted (the {@code feature_set} column and the table's columns)
 */
public record RunStamp(String extractorVersion, long startedAtMillis, FeatureSetKind featureSet)
        implements Serializable {

    /** A run of the default (gtzan) feature set. */
    public RunStamp(String extractorVersion, long startedAtMillis) {
        this(extractorVersion, startedAtMillis, FeatureSetKind.DEFAULT);
    }

    public Timestamp extractedAt() {
        return new Timestamp(startedAtMillis);
    }
}
