package io.genrelake.ml;

import io.genrelake.features.FeatureSetKind;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A labelled feature table ready for training or evaluation: columns {@link #TRACK_ID},
 * {@link #WINDOW}, {@link #LABEL} and the feature columns of its {@link #featureSet()} (double): the 57
 * {@link io.genrelake.features.FeatureSet#NAMES}, or the 298 of the rich set,
 * one row per window (segment) of a track.
 *
 * @param rows             the rows (status ok, labelled, finite features)
 * @param source           where they were read from
 * @param format           {@code parquet} or {@code csv}
 * @param segmented        whether tracks have several windows
 * @param extractorVersions distinct {@code extractor_version} values of the rows ({@code kaggle-csv} for a CSV)
 * @param sha256           SHA-256 of the input's bytes (of a folder: its data files in name order)
 * @param skippedRows      rows left out: status error, or no label
 */
public record TrainingTable(Dataset<Row> rows, String source, String format, boolean segmented,
        List<String> extractorVersions, String sha256, long skippedRows) {

    public static final String TRACK_ID = "track_id";
    public static final String WINDOW = "window";
    public static final String LABEL = "label";

    /** The feature set of the rows: rich when they have all its columns, else gtzan. */
    public FeatureSetKind featureSet() {
        return FeatureSetKind.containedIn(java.util.Arrays.asList(rows.columns()));
    }
}
