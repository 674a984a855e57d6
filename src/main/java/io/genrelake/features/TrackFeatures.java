package io.genrelake.features;

import java.util.Arrays;

/**
 * The feature row of one clip or segment: its length in samples and its values in the order of its feature set:
 * the 57 of {@link FeatureSet#NAMES}, or the 298 of {@link RichFeatureSet#NAMES} (whose first 57 are the same).
 */
public record TrackFeatures(long length, double[] values) {

    public TrackFeatures {
        FeatureSetKind.ofSize(values.length);
    }

    /** The feature set the values belong to. */
    public FeatureSetKind kind() {
        return FeatureSetKind.ofSize(values.length);
    }

    /** The value of one feature by column name. */
    public double get(String name) {
        int i = kind().columns().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown feature: " + name);
        }
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackFeatures t && t.length == length && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TrackFeatures[length=" + length + ", values=" + Arrays.toString(values) + "]";
    }
}
