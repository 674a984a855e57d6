package io.genrelake.jobs;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a nightly run: printed, and recorded with the {@link io.genrelake.genres.RunRecord} in the
 * run's row of the state's {@code runs} table ({@link io.genrelake.tables.NightlyState}).
 *
 * @param runDate         the run's date
 * @param previousRun     the snapshot it was compared with, or null for a first run
 * @param modelId         the model of this run
 * @param modelChanged    whether the previous run's model differed (everything reclassified)
 * @param filesListed     audio files in the listing
 * @param filesNew        listed, not in the previous snapshot
 * @param filesChanged    another size or modification time
 * @param filesUnchanged  carried forward without decoding
 * @param filesDeleted    in the previous snapshot, not listed: deleted rows
 * @param filesDecoded    files decoded and extracted this run (new + changed)
 * @param reclassifiedFromStore unchanged tracks reclassified from stored features (a new model)
 * @param rowsOk          genre rows with a genre written this run (status ok)
 * @param rowsUncertain   genre rows with a best guess below the model's confidence threshold (status uncertain)
 * @param rowsError       error rows written this run
 * @param recovered       whether this run retried a date whose earlier attempt was killed after committing part of its tables
 * @param wallSeconds     from the start of the listing to the published state
 * @param tagDisagreements genre rows written this run whose tag genre the model disputes ({@code tag_disagrees})
 */
public record NightlySummary(String runDate, String previousRun, String modelId, boolean modelChanged,
        long filesListed, long filesNew, long filesChanged, long filesUnchanged, long filesDeleted, long filesDecoded,
        long reclassifiedFromStore, long rowsOk, long rowsUncertain, long rowsError, boolean recovered, double wallSeconds,
        long tagDisagreements) {

    /** A summary without the tag count. */
    public NightlySummary(String runDate, String previousRun, String modelId, boolean modelChanged,
            long filesListed, long filesNew, long filesChanged, long filesUnchanged, long filesDeleted,
            long filesDecoded, long reclassifiedFromStore, long rowsOk, long rowsUncertain, long rowsError,
            boolean recovered, double wallSeconds) {
        this(runDate, previousRun, modelId, modelChanged, filesListed, filesNew, filesChanged, filesUnchanged,
                filesDeleted, filesDecoded, reclassifiedFromStore, rowsOk, rowsUncertain, rowsError, recovered,
                wallSeconds, 0);
    }

    /** The counts as JSON fields (snake case). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_date", runDate);
        m.put("previous_run", previousRun);
        m.put("model_id", modelId);
        m.put("model_changed", modelChanged);
        m.put("files_listed", filesListed);
        m.put("files_new", filesNew);
        m.put("files_changed", filesChanged);
        m.put("files_unchanged", filesUnchanged);
        m.put("files_deleted", filesDeleted);
        m.put("files_decoded", filesDecoded);
        m.put("reclassified_from_store", reclassifiedFromStore);
        m.put("rows_ok", rowsOk);
        m.put("rows_uncertain", rowsUncertain);
        m.put("rows_error", rowsError);
        m.put("recovered_interrupted_run", recovered);
        m.put("tag_disagreements", tagDisagreements);
        m.put("wall_seconds", Math.round(wallSeconds * 1000) / 1000.0);
        return m;
    }

    public String toText() {
        return String.format(Locale.ROOT, "nightly %s (previous run: %s)%s%n"
                + "  %d files listed: %d new, %d changed, %d unchanged (carried forward), %d deleted%n"
                + "  %d files decoded, %d tracks reclassified from stored features%s%n"
                + "  %d genre rows (%d uncertain), %d error rows written; %.1f s%n",
                runDate, previousRun == null ? "none" : previousRun,
                recovered ? " — retried a run killed after committing part of its tables" : "",
                filesListed, filesNew, filesChanged, filesUnchanged, filesDeleted, filesDecoded,
                reclassifiedFromStore, modelChanged ? " (new model " + modelId + ")" : "", rowsOk + rowsUncertain,
                rowsUncertain, rowsError,
                wallSeconds);
    }
}
