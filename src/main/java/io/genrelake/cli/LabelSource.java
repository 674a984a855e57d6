package io.genrelake.cli;

import java.nio.file.Path;

/** Where the {@code label} column of a feature row comes from. */
enum LabelSource {
    /** The name of the folder holding the file, as in GTZAN's genre/track layout. */
    PARENT,
    /** No label: the column is left empty. */
    NONE;

    String labelOf(Path file) {
        if (this == NONE) {
            return "";
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    }
}
