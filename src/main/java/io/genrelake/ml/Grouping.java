package io.genrelake.ml;

import java.util.Locale;

/**
 * What must stay on one side of every split ({@code train --group-by}): a track's windows always; with
 * {@link #ARTIST} or {@link #ALBUM}, all tracks of an artist or album too, which is how users meet music
 * (a model is judged on artists it has never heard).
 */
public enum Grouping {
    TRACK("track", TrainingTable.TRACK_ID),
    ARTIST("artist", TrainingTable.ARTIST),
    ALBUM("album", TrainingTable.ALBUM);

    private final String cliName;
    private final String column;

    Grouping(String cliName, String column) {
        this.cliName = cliName;
        this.column = column;
    }

    public String cliName() {
        return cliName;
    }

    /** The {@link TrainingTable} column holding the group. */
    public String column() {
        return column;
    }

    public static Grouping of(String name) {
        for (Grouping g : values()) {
            if (g.cliName.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grouping '" + name + "'; known: track, artist, album");
    }
}
