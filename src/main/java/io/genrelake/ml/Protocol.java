package io.genrelake.ml;

import java.util.Locale;

/** How rows are split into folds and test set. */
public enum Protocol {
    /** Honest: all windows of a track on one side of every split; metrics per track. */
    TRACKS("tracks"),
    /**
     * The seeds' protocol: segments split at random, so one track's segments sit on both sides and the
     * scores are inflated by leakage; metrics per segment. Always labelled LEAKY in outputs.
     */
    LEAKY_SEGMENTS("leaky-segments");

    private final String cliName;

    Protocol(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public boolean leaky() {
        return this == LEAKY_SEGMENTS;
    }

    /** The label every output carries: the protocol name, shouting LEAKY when it leaks. */
    public String label() {
        return leaky() ? "LEAKY (leaky-segments: random segment split, one track's segments on both sides)"
                : "tracks (a track's windows never on both sides of a split)";
    }

    public static Protocol of(String name) {
        for (Protocol p : values()) {
            if (p.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "'; known: tracks, leaky-segments");
    }
}
