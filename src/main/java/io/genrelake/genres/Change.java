package io.genrelake.genres;

/**
 * What happened to one catalogue file since the previous nightly run, judged from what the listing
 * says (path, size, modification time) against the stored state; no byte is read. A file whose size
 * and time are unchanged is taken as unchanged: rewriting a file in place within the file system's
 * time resolution with the same length goes unnoticed, the usual trade of incremental tools (rsync's
 * default, make).
 */
public enum Change {
    /** Listed now, not in the state (or only as deleted): extract and classify. */
    NEW,
    /** Listed now and in the state with another size or modification time: extract and classify again. */
    CHANGED,
    /** Same path, size and time: carried forward, no decoding. */
    UNCHANGED,
    /** In the state, not listed now: a {@code deleted} row. */
    DELETED;

    /**
     * The change of one path.
     *
     * @param inState   whether the state holds the path (as a live file)
     * @param listed    whether the listing has it
     */
    public static Change of(boolean inState, long stateSize, long stateModified, boolean listed, long size,
            long modified) {
        if (!inState && !listed) {
            throw new IllegalArgumentException("a path must be in the state or in the listing");
        }
        if (!inState) {
            return NEW;
        }
        if (!listed) {
            return DELETED;
        }
        return stateSize == size && stateModified == modified ? UNCHANGED : CHANGED;
    }

    /** Whether the file must be decoded this run. */
    public boolean needsExtraction() {
        return this == NEW || this == CHANGED;
    }
}
