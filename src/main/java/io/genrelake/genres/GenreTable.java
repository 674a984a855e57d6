package io.genrelake.genres;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The genre table's schema: one row per track classified (or found unusable, or deleted) by a run,
 * partitioned by {@code run_date}. docs/genre-table.md documents every column; keep the two in step.
 * {@code run_date} is last, where Spark puts a partition column when it reads the table back, so rows
 * built in memory and rows read from disk line up.
 */
public final class GenreTable {

    public static final String TRACK_ID = "track_id";
    public static final String PATH = "path";
    public static final String GENRE = "genre";
    public static final String CONFIDENCE = "confidence";
    public static final String TOP_GENRES = "top_genres";
    public static final String PROBABILITIES = "probabilities";
    public static final String WINDOWS = "windows";
    public static final String MODEL_ID = "model_id";
    public static final String EXTRACTOR_VERSION = "extractor_version";
    public static final String CLASSIFIED_AT = "classified_at";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    /** The file's tag genre normalised onto the taxonomy (ml.TagGenres), or null. */
    public static final String TAG_GENRE = "tag_genre";
    /** True where the model is confident (status ok) in a genre other than the tag's, one it knows. */
    public static final String TAG_DISAGREES = "tag_disagrees";
    public static final String RUN_DATE = "run_date";

    public static final String STATUS_OK = "ok";
    /** A genre below the model's calibrated confidence threshold: the best guess, not to be trusted blindly. */
    public static final String STATUS_UNCERTAIN = "uncertain";
    public static final String STATUS_ERROR = "error";
    public static final String STATUS_DELETED = "deleted";

    /** How many genres {@code top_genres} holds. */
    public static final int TOP = 3;

    /**
     * The element of {@code top_genres}. Nested fields are declared nullable although they never are
     * null: Parquet reads every nested field back as nullable, and the two schemas must be equal to union.
     */
    public static final StructType GENRE_PROBABILITY = DataTypes.createStructType(List.of(
            field("genre", DataTypes.StringType, true), field("probability", DataTypes.DoubleType, true)));

    /** Every column, {@code run_date} last. */
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            field(TRACK_ID, DataTypes.StringType, false),
            field(PATH, DataTypes.StringType, false),
            field(GENRE, DataTypes.StringType, true),
            field(CONFIDENCE, DataTypes.DoubleType, true),
            field(TOP_GENRES, DataTypes.createArrayType(GENRE_PROBABILITY, true), true),
            field(PROBABILITIES, DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, true), true),
            field(WINDOWS, DataTypes.IntegerType, false),
            field(MODEL_ID, DataTypes.StringType, false),
            field(EXTRACTOR_VERSION, DataTypes.StringType, true),
            field(CLASSIFIED_AT, DataTypes.TimestampType, false),
            field(STATUS, DataTypes.StringType, false),
            field(ERROR, DataTypes.StringType, true),
            field(TAG_GENRE, DataTypes.StringType, true),
            field(TAG_DISAGREES, DataTypes.BooleanType, true),
            field(RUN_DATE, DataTypes.DateType, false)));

    /** The columns stored in the Parquet files of a partition (the partition's directory holds run_date). */
    public static final StructType FILE_SCHEMA = DataTypes.createStructType(
            List.of(SCHEMA.fields()).subList(0, SCHEMA.fields().length - 1));

    /** Where a run's partition lives below the table's root. */
    public static String partitionName(String runDate) {
        return RUN_DATE + "=" + runDate;
    }

    private GenreTable() {}

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
