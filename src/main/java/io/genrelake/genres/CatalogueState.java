package io.genrelake.genres;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The nightly run's memory: one row per live catalogue file as of a run, stored under
 * {@code <state>/catalogue/run_date=D} with the run's {@link RunRecord} beside the rows. The next run
 * compares its listing with the newest snapshot older than its own date, so rerunning a date compares
 * against the same snapshot and gives the same result.
 *
 * <p>{@code features_run_date} says which partition of the feature store ({@code <state>/features})
 * holds the file's current features: a new model reclassifies from there without decoding.
 */
public final class CatalogueState {

    public static final String TRACK_ID = "track_id";
    public static final String PATH = "path";
    public static final String SIZE = "size";
    /** Modification time in milliseconds since the epoch, exactly as listed (no timestamp rounding). */
    public static final String MODIFIED = "modified_ms";
    /** {@code ok} or {@code error}: what the extractor made of the file. */
    public static final String STATUS = "status";
    public static final String FEATURES_RUN_DATE = "features_run_date";

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField(TRACK_ID, DataTypes.StringType, false),
            DataTypes.createStructField(PATH, DataTypes.StringType, false),
            DataTypes.createStructField(SIZE, DataTypes.LongType, false),
            DataTypes.createStructField(MODIFIED, DataTypes.LongType, false),
            DataTypes.createStructField(STATUS, DataTypes.StringType, false),
            DataTypes.createStructField(FEATURES_RUN_DATE, DataTypes.StringType, false)));

    /** Sub-folders of the state location. */
    public static final String CATALOGUE_DIR = "catalogue";
    public static final String FEATURES_DIR = "features";
    public static final String RUN_FILE = "_run.json";

    private CatalogueState() {}
}
