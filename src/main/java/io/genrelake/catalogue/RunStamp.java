package io.genrelake.catalogue;

import java.io.Serializable;
import java.sql.Timestamp;

/**
 * What every row of one extract run shares.
 *
 * @param extractorVersion the feature extractor's version ({@link io.genrelake.features.ExtractorVersion})
 * @param startedAtMillis  when the run started (the {@code extracted_at} column), milliseconds since the epoch
 */
public record RunStamp(String extractorVersion, long startedAtMillis) implements Serializable {

    public Timestamp extractedAt() {
        return new Timestamp(startedAtMillis);
    }
}
