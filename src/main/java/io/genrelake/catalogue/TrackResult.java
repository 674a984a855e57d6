package io.genrelake.catalogue;

import io.genrelake.neural.NeuralInputExtractor;
import io.genrelake.tags.TrackTags;
import java.util.List;

/**
 * One file's outcome: its windows' features, or the reason it has none.
 *
 * @param file            the file as listed
 * @param audio           what its header says; null when it could not be opened or decoded
 * @param durationSeconds the length of the whole decoded track; null for a failed file
 * @param windows         the kept windows in order; empty for a failed file
 * @param error           the reason ({@link ErrorReason}), or null when the file is usable
 * @param tags            what the file's tags say ({@link TrackTags#NONE} when they were not read)
 */
public record TrackResult(CatalogueFile file, AudioInfo audio, Double durationSeconds, List<WindowFeatures> windows,
        String error, TrackTags tags) {

    /** A window's features and, when asked for, its neural models' inputs (else null). */
    public record WindowFeatures(WindowPlan.Window window, double[] values, NeuralInputExtractor.Inputs neural) {
        public WindowFeatures(WindowPlan.Window window, double[] values) {
            this(window, values, null);
        }
    }

    public TrackResult {
        windows = List.copyOf(windows);
        tags = tags == null ? TrackTags.NONE : tags;
        if ((error == null) == windows.isEmpty()) {
            throw new IllegalArgumentException("a result has windows or an error, exactly one of them");
        }
    }

    static TrackResult ok(CatalogueFile file, AudioInfo audio, double durationSeconds, List<WindowFeatures> windows) {
        return new TrackResult(file, audio, durationSeconds, windows, null, null);
    }

    static TrackResult failed(CatalogueFile file, AudioInfo audio, String error) {
        return new TrackResult(file, audio, null, List.of(), error, null);
    }

    /** This result with the file's tags. */
    public TrackResult withTags(TrackTags newTags) {
        return new TrackResult(file, audio, durationSeconds, windows, error, newTags);
    }

    public boolean ok() {
        return error == null;
    }
}
