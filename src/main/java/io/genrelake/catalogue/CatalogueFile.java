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
 * @param artist       the artist a labels table names, or null
 * @param album        the album a labels table names, or null
 */
public record CatalogueFile(String path, String relativePath, long size, long modified, String label, String artist,
        String album) implements Serializable {

    /** A file with a label and no artist or album. */
    public CatalogueFile(String path, String relativePath, long size, long modified, String label) {
        this(path, relativePath, size, modified, label, null, null);
    }

    public CatalogueFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relativePath, "relativePath");
    }

    /** This file with another label. */
    public CatalogueFile withLabel(String newLabel) {
        return new CatalogueFile(path, relativePath, size, modified, newLabel, artist, album);
    }

    /** This file with another label, artist and album. */
    public CatalogueFile withTags(String newLabel, String newArtist, String newAlbum) {
        return new CatalogueFile(path, relativePath, size, modified, newLabel, newArtist, newAlbum);
    }

    /** The stable id of this file's track. */
    public String trackId() {
        return TrackId.of(path);
    }
}
