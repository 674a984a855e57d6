package io.genrelake.catalogue;

import io.genrelake.neural.NeuralInput;
import io.genrelake.neural.NeuralInputExtractor;

import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.KaggleRow;
import io.genrelake.tags.TrackTags;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The feature table: its schema and the building of its rows, one per window of each usable file and
 * one per unusable file. docs/feature-table.md documents every column; keep the two in step.
 */
public final class FeatureTable {

    public static final String TRACK_ID = "track_id";
    public static final String PATH = "path";
    public static final String SIZE = "size";
    public static final String MODIFIED = "modified";
    public static final String DURATION_S = "duration_s";
    public static final String CODEC = "codec";
    public static final String DECODER = "decoder";
    public static final String SAMPLE_RATE_IN = "sample_rate_in";
    public static final String CHANNELS_IN = "channels_in";
    public static final String WINDOW = "window";
    public static final String START_S = "start_s";
    public static final String END_S = "end_s";
    public static final String LABEL = "label";
    public static final String ARTIST = "artist";
    public static final String ALBUM = "album";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String EXTRACTOR_VERSION = "extractor_version";
    /** "gtzan" or "rich" ({@link FeatureSetKind#label()}); tables written before it existed are gtzan. */
    public static final String FEATURE_SET = "feature_set";
    public static final String EXTRACTED_AT = "extracted_at";
    // What the file's tags say (TrackTags), after extracted_at so that older tables are a prefix of newer ones.
    public static final String TAG_TITLE = "tag_title";
    public static final String TAG_ARTIST = "tag_artist";
    public static final String TAG_ALBUM_ARTIST = "tag_album_artist";
    public static final String TAG_ALBUM = "tag_album";
    /** Every genre value of the tags as read, not normalised (ml.TagGenres normalises). */
    public static final String TAG_GENRES = "tag_genres";
    public static final String TAG_YEAR = "tag_year";
    public static final String TAG_TRACK = "tag_track";
    public static final String TAG_MB_RECORDING_ID = "tag_mb_recording_id";
    public static final String TAG_MB_RELEASE_ID = "tag_mb_release_id";
    public static final String TAG_MB_ARTIST_ID = "tag_mb_artist_id";
    /** Why a tag value was left empty, or the tags could not be read; null when they were fine. */
    public static final String TAG_WARNING = "tag_warning";

    public static final String STATUS_OK = "ok";
    public static final String STATUS_ERROR = "error";
    /** The {@code codec} of rows ingested from a Kaggle-layout CSV. */
    public static final String KAGGLE_CODEC = "kaggle-csv";

    /**
     * Columns before the features; the features follow in the order of the run's feature set
     * ({@link FeatureSet#NAMES}, or {@link io.genrelake.features.RichFeatureSet#NAMES}), then {@link #TAIL}.
     */
    private static final int HEAD = 12;
    private static final int TAIL = 8;
    private static final int TAGS = 11;

    /** The schema of a gtzan table. */
    public static final StructType SCHEMA = schema(FeatureSetKind.GTZAN);

    private FeatureTable() {}

    private static int width(FeatureSetKind kind) {
        return HEAD + kind.size() + TAIL + TAGS;
    }

    /** The schema of a table of the given feature set. */
    public static StructType schema(FeatureSetKind kind) {
        List<StructField> fields = new ArrayList<>(width(kind));
        fields.add(field(TRACK_ID, DataTypes.StringType, false));
        fields.add(field(PATH, DataTypes.StringType, false));
        fields.add(field(SIZE, DataTypes.LongType, true));
        fields.add(field(MODIFIED, DataTypes.TimestampType, true));
        fields.add(field(DURATION_S, DataTypes.DoubleType, true));
        fields.add(field(CODEC, DataTypes.StringType, true));
        fields.add(field(DECODER, DataTypes.StringType, true));
        fields.add(field(SAMPLE_RATE_IN, DataTypes.IntegerType, true));
        fields.add(field(CHANNELS_IN, DataTypes.IntegerType, true));
        fields.add(field(WINDOW, DataTypes.IntegerType, true));
        fields.add(field(START_S, DataTypes.DoubleType, true));
        fields.add(field(END_S, DataTypes.DoubleType, true));
        for (String name : kind.columns()) {
            fields.add(field(name, DataTypes.DoubleType, true));
        }
        fields.add(field(LABEL, DataTypes.StringType, true));
        fields.add(field(ARTIST, DataTypes.StringType, true));
        fields.add(field(ALBUM, DataTypes.StringType, true));
        fields.add(field(STATUS, DataTypes.StringType, false));
        fields.add(field(ERROR, DataTypes.StringType, true));
        fields.add(field(EXTRACTOR_VERSION, DataTypes.StringType, true));
        fields.add(field(FEATURE_SET, DataTypes.StringType, true));
        fields.add(field(EXTRACTED_AT, DataTypes.TimestampType, false));
        fields.add(field(TAG_TITLE, DataTypes.StringType, true));
        fields.add(field(TAG_ARTIST, DataTypes.StringType, true));
        fields.add(field(TAG_ALBUM_ARTIST, DataTypes.StringType, true));
        fields.add(field(TAG_ALBUM, DataTypes.StringType, true));
        fields.add(field(TAG_GENRES, DataTypes.createArrayType(DataTypes.StringType, true), true));
        fields.add(field(TAG_YEAR, DataTypes.IntegerType, true));
        fields.add(field(TAG_TRACK, DataTypes.IntegerType, true));
        fields.add(field(TAG_MB_RECORDING_ID, DataTypes.StringType, true));
        fields.add(field(TAG_MB_RELEASE_ID, DataTypes.StringType, true));
        fields.add(field(TAG_MB_ARTIST_ID, DataTypes.StringType, true));
        fields.add(field(TAG_WARNING, DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /**
     * {@code schema} with the neural models' inputs appended ({@code extract --neural-inputs}): one binary column
     * per {@link NeuralInput}, null on error rows and Kaggle rows.
     */
    public static StructType withNeuralInputs(StructType schema) {
        StructType out = schema;
        for (NeuralInput input : NeuralInput.values()) {
            out = out.add(field(input.column(), DataTypes.BinaryType, true));
        }
        return out;
    }

    /** {@link #rows} with the windows' neural inputs appended (the schema of {@link #withNeuralInputs}). */
    public static List<Row> rowsWithNeuralInputs(TrackResult result, RunStamp run) {
        List<Row> plain = rows(result, run);
        List<Row> out = new ArrayList<>(plain.size());
        for (int i = 0; i < plain.size(); i++) {
            NeuralInputExtractor.Inputs inputs = result.ok() ? result.windows().get(i).neural() : null;
            out.add(withNeuralInputs(plain.get(i), inputs));
        }
        return out;
    }

    /** A row with its neural inputs appended (nulls for none). */
    public static Row withNeuralInputs(Row row, NeuralInputExtractor.Inputs inputs) {
        Object[] v = new Object[row.length() + 2];
        for (int i = 0; i < row.length(); i++) {
            v[i] = row.get(i);
        }
        v[row.length()] = inputs == null ? null : inputs.logmel();
        v[row.length() + 1] = inputs == null ? null : inputs.mfcc();
        return RowFactory.create(v);
    }

    /** The rows of one file: one per window, or one error row. */
    public static List<Row> rows(TrackResult result, RunStamp run) {
        if (!result.ok()) {
            return List.of(errorRow(result, run));
        }
        List<Row> rows = new ArrayList<>(result.windows().size());
        for (TrackResult.WindowFeatures w : result.windows()) {
            Object[] v = fileColumns(result.file(), result.audio(), run);
            v[4] = result.durationSeconds();
            v[9] = w.window().index();
            v[10] = w.window().startSeconds();
            v[11] = w.window().endSeconds();
            putFeatures(v, w.values(), run);
            putTail(v, result.file(), STATUS_OK, null, run);
            putTags(v, result.tags(), run);
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    /** The single row of an unusable file: its identity, what is known of its audio, and the reason. */
    static Row errorRow(TrackResult result, RunStamp run) {
        Object[] v = fileColumns(result.file(), result.audio(), run);
        putTail(v, result.file(), STATUS_ERROR, result.error(), run);
        putTags(v, result.tags(), run);
        return RowFactory.create(v);
    }

    /**
     * A row of a Kaggle-layout table: window 0 of a "track" whose path is {@code table#filename}; size,
     * modification time, input format and extractor version are unknown (librosa computed it) and null. Its
     * 57 values make it a gtzan row: a rich run ({@code run.featureSet()}) cannot take it.
     */
    public static Row kaggleRow(String tablePath, KaggleRow row, RunStamp run) {
        if (run.featureSet() != FeatureSetKind.GTZAN) {
            throw new IllegalArgumentException("a Kaggle table has only the gtzan columns, not " + run.featureSet());
        }
        Object[] v = new Object[width(FeatureSetKind.GTZAN)];
        String path = tablePath + "#" + row.filename();
        v[0] = TrackId.of(path);
        v[1] = path;
        Double duration = row.length() >= 0 ? (double) row.length() / WindowPlan.SAMPLE_RATE : null;
        v[4] = duration;
        v[5] = KAGGLE_CODEC;
        v[9] = 0;
        v[10] = 0.0;
        v[11] = duration;
        putFeatures(v, row.values(), run);
        putTail(v, row.label().isEmpty() ? null : row.label(), null, null, STATUS_OK, null, new RunStamp(null,
                run.startedAtMillis(), run.featureSet()));
        return RowFactory.create(v);
    }

    private static Object[] fileColumns(CatalogueFile file, AudioInfo audio, RunStamp run) {
        Object[] v = new Object[width(run.featureSet())];
        v[0] = file.trackId();
        v[1] = file.path();
        v[2] = file.size();
        v[3] = new Timestamp(file.modified());
        if (audio != null) {
            v[5] = audio.codec();
            v[6] = audio.decoder();
            v[7] = audio.sampleRateIn();
            v[8] = audio.channelsIn();
        }
        return v;
    }

    private static void putFeatures(Object[] v, double[] features, RunStamp run) {
        int size = run.featureSet().size();
        if (features.length != size) {
            throw new IllegalArgumentException(features.length + " feature values in a " + run.featureSet()
                    + " table of " + size + " columns");
        }
        for (int i = 0; i < size; i++) {
            v[HEAD + i] = features[i];
        }
    }

    private static void putTail(Object[] v, CatalogueFile file, String status, String error, RunStamp run) {
        putTail(v, file.label(), file.artist(), file.album(), status, error, run);
    }

    private static void putTail(Object[] v, String label, String artist, String album, String status, String error,
            RunStamp run) {
        int at = HEAD + run.featureSet().size();
        v[at] = label;
        v[at + 1] = artist;
        v[at + 2] = album;
        v[at + 3] = status;
        v[at + 4] = error;
        v[at + 5] = run.extractorVersion();
        v[at + 6] = run.featureSet().label();
        v[at + 7] = run.extractedAt();
    }

    private static void putTags(Object[] v, TrackTags tags, RunStamp run) {
        int at = HEAD + run.featureSet().size() + TAIL;
        v[at] = tags.title();
        v[at + 1] = tags.artist();
        v[at + 2] = tags.albumArtist();
        v[at + 3] = tags.album();
        v[at + 4] = tags.genres().isEmpty() ? null : CollectionConverters.asScala(tags.genres()).toSeq();
        v[at + 5] = tags.year();
        v[at + 6] = tags.trackNumber();
        v[at + 7] = tags.mbRecordingId();
        v[at + 8] = tags.mbReleaseId();
        v[at + 9] = tags.mbArtistId();
        v[at + 10] = tags.warningText();
    }
}
