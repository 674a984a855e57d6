package io.genrelake.ml;

import java.util.Locale;

/** How the windows of a track make one track prediction. */
public enum Aggregation {
    /** Mean of the windows' class probabilities, then arg-max. */
    MEAN,
    /** The class most windows predict; ties go to the class with the higher mean probability. */
    VOTE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Aggregation of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown aggregation '" + name + "'; known: mean, vote", e);
        }
    }
}
