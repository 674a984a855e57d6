package io.genrelake.ml;

import io.genrelake.features.FeatureSetKind;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A labelled feature table ready for training or evaluation: columns {@link #TRACK_ID},
 * {@link #WINDOW}, {@link #LABEL}, {@link #ARTIST} and {@link #ALBUM} (null when unknown), {@link #NAME}
 * (the track's file name without folders and extension, which a {@link FixedSplit} names) and the feature
 * columns of its {@link #featureSet()} (double): the 57 {@link io.genrelake.features.FeatureSet#NAMES}, or the
 * 298 of the rich set, one row per window (segment) of a track.
 *
 * @param rows             the rows (status ok, labelled, finite features)
 * @param source           where they were read from
 * @param format           {@code parquet} or {@code csv}
 * @param segmented        whether tracks have several windows
 * @param windowSeconds    the window length the table was cut into ({@link io.genrelake.catalogue.TableWindowLength}),
 *                         null when every track is one window or the sources disagree
 * @param extractorVersions distinct {@code extractor_version} values of the rows ({@code kaggle-csv} for a CSV)
 * @param sha256           SHA-256 of the input's bytes (of a folder: its data files in name order)
 * @param skippedRows      rows left out: status error, no label, or a genre the genre map drops
 * @param parts            the sources of a table read from several ({@link TrainingSources}), else empty
 */
public record TrainingTable(Dataset<Row> rows, String source, String format, boolean segmented,
        Double windowSeconds, List<String> extractorVersions, String sha256, long skippedRows,
        List<TrainingTable> parts) {

    public static final String TRACK_ID = "track_id";
    public static final String WINDOW = "window";
    public static final String LABEL = "label";
    public static final String ARTIST = "artist";
    public static final String ALBUM = "album";
    public static final String NAME = "track_name";

    /** A table read from one source. */
    public TrainingTable(Dataset<Row> rows, String source, String format, boolean segmented, Double windowSeconds,
            List<String> extractorVersions, String sha256, long skippedRows) {
        this(rows, source, format, segmented, windowSeconds, extractorVersions, sha256, skippedRows, List.of());
    }

    public TrainingTable {
        parts = List.copyOf(parts);
    }

    /** The sources: this table's parts, or the table itself. */
    public List<TrainingTable> sources() {
        return parts.isEmpty() ? List.of(this) : parts;
    }

    /** The feature set of the rows: rich when they have all its columns, else gtzan. */
    public FeatureSetKind featureSet() {
        return FeatureSetKind.containedIn(java.util.Arrays.asList(rows.columns()));
    }
}
