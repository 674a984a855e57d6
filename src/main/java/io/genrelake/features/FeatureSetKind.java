package io.genrelake.features;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Which feature set a row, a table or a model has: {@code gtzan} (the 57 Kaggle columns) or {@code rich} (those
 * and 241 more from the same STFT). The name is what {@code --feature-set} takes and the feature table's
 * {@code feature_set} column holds.
 */
public enum FeatureSetKind {

    GTZAN("gtzan", FeatureSet.NAMES),
    RICH("rich", RichFeatureSet.NAMES);

    /** The default everywhere an option or a column is absent. */
    public static final FeatureSetKind DEFAULT = GTZAN;

    private final String label;
    private final List<String> columns;

    FeatureSetKind(String label, List<String> columns) {
        this.label = label;
        this.columns = columns;
    }

    /** The name in options, tables and model cards. */
    public String label() {
        return label;
    }

    /** The feature columns in table order. */
    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** The kind named {@code label} (case-insensitive); names the choices when it is unknown. */
    public static FeatureSetKind of(String label) {
        for (FeatureSetKind k : values()) {
            if (k.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown feature set '" + label + "': expected gtzan or rich");
    }

    /** The largest set whose columns {@code available} all has (a table's columns); GTZAN if it lacks the rich ones. */
    public static FeatureSetKind containedIn(Collection<String> available) {
        return available.containsAll(RICH.columns) ? RICH : GTZAN;
    }

    /** The kind with exactly {@code size} values, for a feature vector. */
    static FeatureSetKind ofSize(int size) {
        for (FeatureSetKind k : values()) {
            if (k.size() == size) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected " + GTZAN.size() + " or " + RICH.size() + " values, got " + size);
    }

    @Override
    public String toString() {
        return label;
    }
}
