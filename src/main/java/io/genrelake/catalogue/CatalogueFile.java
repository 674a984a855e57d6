package io.genrelake.catalogue;

import java.io.Serializable;
import java.util.Objects;

/**
 * One audio file found by the listing: what the executors need to read it and to fill the identifying
 * columns of its rows. Small and serializable: the job ships one per file to the executors.
 *
 * @param path         the normalised path ({@link CataloguePath#normalise}), from which the track id is made
 * @param relativePath the path below the listed directory (the file name for a file named directly);
 *                     a {@code --labels} table may name files this way
 * @param size         bytes, as listed
 * @param modified     modification time, milliseconds since the epoch, as listed
 * @param label        the genre label, or null when there is none
 */
public record CatalogueFile(String path, String relativePath, long size, long modified, String label)
        implements Serializable {

    public CatalogueFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
    }

    /** This file with another label. */
    public CatalogueFile withLabel(String newLabel) {
        return new CatalogueFile(path, relativePath, size, modified, newLabel);
    }

    /** The stable id of this file's track. */
    public String trackId() {
        return TrackId.of(path);
    }
}
