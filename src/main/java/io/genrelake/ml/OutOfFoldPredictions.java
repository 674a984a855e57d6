package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import io.genrelake.features.KaggleCsv;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The chosen model's prediction of every training track by the fold model that did not see it (the predictions its
 * cross-validated figures and its calibration come from) and of every held-out test track by the refit model, as
 * {@value #FILE_NAME} in the model's folder: which tracks, artists and albums it gets wrong, to study without
 * training again. One row per track (per segment under the leaky protocol); probabilities are the model's own, per
 * track after aggregating its windows, before smoothing ({@code --smooth-by}) and calibration.
 *
 * <p>Columns: {@code unit_id}, {@code track_name}, {@code artist}, {@code album} (empty when unknown), {@code fold}
 * (the validation fold, or {@value #TEST}), {@code genre} (the label), {@code predicted}, {@code correct},
 * {@code confidence} (the top probability), then {@code p_<genre>} for each genre in the model's class order.
 */
public final class OutOfFoldPredictions {

    public static final String FILE_NAME = "out-of-fold.csv";
    /** The fold column's value for the held-out test tracks. */
    public static final String TEST = "test";

    private OutOfFoldPredictions() {}

    /** What the table says of a track besides its prediction. */
    record Track(String name, String artist, String album) {}

    private static final Track UNKNOWN = new Track(null, null, null);

    /** The best model's out-of-fold and held-out predictions of {@code outcome}, as CSV text. */
    public static String csv(TrainingOutcome outcome) {
        Map<String, Track> tracks = new HashMap<>();
        SplitPlan split = outcome.split();
        if (split != null) {
            describe(split.train(), tracks);
            if (split.test() != null) {
                describe(split.test(), tracks);
            }
        }
        return csv(outcome.best().outOfFold(), outcome.best().heldOut(), outcome.genres(), tracks);
    }

    private static void describe(Dataset<Row> rows, Map<String, Track> into) {
        for (Row r : rows.select(col(SplitPlan.UNIT), col(TrainingTable.NAME), col(TrainingTable.ARTIST),
                col(TrainingTable.ALBUM)).distinct().collectAsList()) {
            into.put(r.getString(0), new Track(r.getString(1), r.getString(2), r.getString(3)));
        }
    }

    static String csv(TrackPredictions outOfFold, TrackPredictions heldOut, List<String> genres,
            Map<String, Track> tracks) {
        StringBuilder out = new StringBuilder(
                "unit_id,track_name,artist,album,fold,genre,predicted,correct,confidence");
        for (String genre : genres) {
            out.append(',').append(KaggleCsv.quote("p_" + genre));
        }
        out.append('\n');
        append(out, outOfFold, genres, tracks);
        if (heldOut != null) {
            append(out, heldOut, genres, tracks);
        }
        return out.toString();
    }

    private static void append(StringBuilder out, TrackPredictions predictions, List<String> genres,
            Map<String, Track> tracks) {
        for (int i = 0; i < predictions.size(); i++) {
            String unit = predictions.units()[i];
            Track track = tracks.getOrDefault(unit, UNKNOWN);
            double[] p = predictions.probabilities()[i];
            int predicted = TrackPredictions.argmax(p);
            int fold = predictions.folds()[i];
            out.append(field(unit)).append(',').append(field(track.name())).append(',')
                    .append(field(track.artist())).append(',').append(field(track.album())).append(',')
                    .append(fold == TrackPredictions.HELD_OUT ? TEST : Integer.toString(fold)).append(',')
                    .append(field(genres.get(predictions.labels()[i]))).append(',')
                    .append(field(genres.get(predicted))).append(',')
                    .append(predicted == predictions.labels()[i]).append(',').append(number(p[predicted]));
            for (double v : p) {
                out.append(',').append(number(v));
            }
            out.append('\n');
        }
    }

    private static String field(String value) {
        return value == null ? "" : KaggleCsv.quote(value);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
