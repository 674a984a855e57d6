package io.genrelake.ml;

import java.util.Locale;

/** Where {@code train} takes a track's genre from ({@code --labels-from}). */
public enum LabelOrigin {
    /** The feature table's label column (extract --labels, a Kaggle table's label). */
    LABELS,
    /** The files' genre tags, normalised by {@link TagGenres} ({@link TagLabels}). */
    TAGS;

    public static LabelOrigin of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "labels" -> LABELS;
            case "tags" -> TAGS;
            default -> throw new IllegalArgumentException("expected labels or tags, got '" + name + "'");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
