package io.genrelake.features;

import java.util.Arrays;

/**
 * The feature row of one clip or segment: its length in samples and the 57 values in
 * {@link FeatureSet#NAMES} order.
 */
public record TrackFeatures(long length, double[] values) {

    public TrackFeatures {
        if (values.length != FeatureSet.SIZE) {
            throw new IllegalArgumentException("expected " + FeatureSet.SIZE + " values, got " + values.length);
        }
    }

    /** The value of one feature by column name. */
    public double get(String name) {
        int i = FeatureSet.indexOf(name);
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
