package io.genrelake.ml;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Track ids and window numbers of Kaggle-layout rows, from the {@code filename} column.
 *
 * <p>A whole-clip table names each row after its file ({@code blues.00000.wav}: track
 * {@code blues.00000}, window 0). A segment table, as Kaggle's 3-second one and
 * {@code genrelake features --window-seconds} write it, names segment k of a clip
 * {@code <stem>.<k>.<ext>} ({@code blues.00000.3.wav}: track {@code blues.00000}, window 3). The two
 * are told apart per table: it is a segment table when every name carries a segment number, written
 * without leading zeros ({@code 0}, {@code 3}, {@code 12}); GTZAN's zero-padded clip numbers
 * ({@code .00000}) never count as one. Reading a segment table as clips would put a track's segments in
 * different folds, the leak this whole design is there to stop.
 */
public final class TrackIds {

    private static final Pattern SEGMENT = Pattern.compile("^(.+)\\.(0|[1-9][0-9]{0,5})$");

    /** A row's track and window. */
    public record TrackWindow(String trackId, int window) {}

    private TrackIds() {}

    /** Whether the names are those of a segment table (every stem ends in a segment number). */
    public static boolean isSegmentTable(List<String> filenames) {
        if (filenames.isEmpty()) {
            return false;
        }
        for (String name : filenames) {
            if (!SEGMENT.matcher(stem(name)).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The track and window of one row of a table of the given kind. */
    public static TrackWindow of(String filename, boolean segmentTable) {
        String stem = stem(filename);
        if (segmentTable) {
            Matcher m = SEGMENT.matcher(stem);
            if (m.matches()) {
                return new TrackWindow(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return new TrackWindow(stem, 0);
    }

    /** The name without folders and without its extension (the part after the last dot, if any letters). */
    static String stem(String filename) {
        String name = filename.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0 && name.substring(dot + 1).chars().anyMatch(Character::isLetter)) {
            return name.substring(0, dot);
        }
        return name;
    }
}
