package io.genrelake.features;

import java.util.Arrays;
import java.util.Objects;

/**
 * One row of a Kaggle-layout feature table: the clip or segment name, its length in samples, the 57
 * feature values in {@link FeatureSet#NAMES} order, and the genre label (empty when unknown).
 *
 * @param length samples of the clip or segment, or {@link KaggleCsv#NO_LENGTH} when the table has no
 *               {@code length} column
 */
public record KaggleRow(String filename, long length, double[] values, String label) {

    public KaggleRow {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(label, "label");
        if (values.length != FeatureSet.SIZE) {
            throw new IllegalArgumentException("expected " + FeatureSet.SIZE + " values, got " + values.length);
        }
    }

    /** The row of a computed clip or segment. */
    public static KaggleRow of(String filename, TrackFeatures features, String label) {
        return new KaggleRow(filename, features.length(), features.values(), label);
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
        return o instanceof KaggleRow r && r.filename.equals(filename) && r.length == length
                && Arrays.equals(r.values, values) && r.label.equals(label);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, length, label) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "KaggleRow[filename=" + filename + ", length=" + length + ", label=" + label
                + ", values=" + Arrays.toString(values) + "]";
    }
}
