package io.genrelake.genres;

import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds rows of the genre table ({@link GenreTable#SCHEMA}) for one run: everything a run's rows share
 * (model, time, date) is fixed here, so the three kinds of row cannot disagree on it. Serializable: the
 * executors build the rows. Arrays and maps are Scala collections, which every Spark row encoder takes.
 */
public final class GenreRows implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ModelIdentity model;
    private final long classifiedAtMillis;
    private final Date runDate;

    public GenreRows(ModelIdentity model, long classifiedAtMillis, String runDate) {
        this.model = model;
        this.classifiedAtMillis = classifiedAtMillis;
        this.runDate = Date.valueOf(RunDate.parse(runDate));
    }

    /**
     * A classified track: its mean window probabilities (calibrated, when the model has a calibration), in the
     * model's genre order; status {@code uncertain} when its confidence is below the model's threshold.
     */
    public Row ok(String trackId, String path, int windows, String extractorVersion, double[] probabilities) {
        return ok(trackId, path, windows, extractorVersion, probabilities, null);
    }

    /**
     * A classified track whose tags say {@code tagGenre} (normalised; null for none): {@code tag_disagrees} is true
     * when the model is confident (status ok: at or above the calibrated threshold, when the model has one) in
     * another genre and the tag's genre is one the model knows (a model that cannot say "world" does not dispute it).
     */
    public Row ok(String trackId, String path, int windows, String extractorVersion, double[] probabilities,
            String tagGenre) {
        GenreScores scores = new GenreScores(model.genres(), probabilities);
        Double threshold = model.uncertainBelow();
        String status = threshold != null && scores.confidence() < threshold ? GenreTable.STATUS_UNCERTAIN
                : GenreTable.STATUS_OK;
        List<Row> top = new ArrayList<>();
        for (GenreScores.Ranked r : scores.top(GenreTable.TOP)) {
            top.add(RowFactory.create(r.genre(), r.probability()));
        }
        boolean disagrees = tagGenre != null && GenreTable.STATUS_OK.equals(status) && !tagGenre.equals(scores.genre())
                && model.genres().contains(tagGenre);
        return RowFactory.create(trackId, path, scores.genre(), scores.confidence(),
                CollectionConverters.asScala(top).toSeq(), CollectionConverters.asScala(scores.asMap()),
                windows, model.id(), extractorVersion, new Timestamp(classifiedAtMillis), status, null, tagGenre,
                disagrees, runDate);
    }

    /** A file the extractor could not use: no genre, the extractor's reason in {@code error}. */
    public Row error(String trackId, String path, String extractorVersion, String error) {
        return error(trackId, path, extractorVersion, error, null);
    }

    /** An unusable file whose tags say {@code tagGenre}. */
    public Row error(String trackId, String path, String extractorVersion, String error, String tagGenre) {
        return RowFactory.create(trackId, path, null, null, null, null, 0, model.id(), extractorVersion,
                new Timestamp(classifiedAtMillis), GenreTable.STATUS_ERROR, error, tagGenre, null, runDate);
    }

    /** A file that was in the catalogue at the previous run and is gone now. */
    public Row deleted(String trackId, String path) {
        return RowFactory.create(trackId, path, null, null, null, null, 0, model.id(), null,
                new Timestamp(classifiedAtMillis), GenreTable.STATUS_DELETED, "deleted: no longer listed", null, null,
                runDate);
    }

    public ModelIdentity model() {
        return model;
    }
}
