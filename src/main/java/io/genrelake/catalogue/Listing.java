package io.genrelake.catalogue;

import java.util.List;

/**
 * What the inputs of a run hold.
 *
 * @param audioFiles   the audio files, sorted by path, each once
 * @param kaggleTables normalised paths of the Kaggle-layout CSV tables named as inputs
 * @param problems     inputs (or parts of them) that could not be listed, with the reason
 * @param skipped      files passed over in directories and globs: not an audio extension, or hidden
 */
public record Listing(List<CatalogueFile> audioFiles, List<String> kaggleTables, List<Problem> problems,
        long skipped) {

    /** An input that gave no files, or could be listed only in part. */
    public record Problem(String input, String reason) {}

    public Listing {
        audioFiles = List.copyOf(audioFiles);
        kaggleTables = List.copyOf(kaggleTables);
        problems = List.copyOf(problems);
    }

    /** Total bytes of the audio files. */
    public long audioBytes() {
        long sum = 0;
        for (CatalogueFile f : audioFiles) {
            sum += f.size();
        }
        return sum;
    }
}
