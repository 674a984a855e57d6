package io.genrelake.scoring;

import java.util.List;

/**
 * What {@code genrelake identify} (and {@code serve}'s {@code POST /identify}) says about one file: its genre, or
 * the reason it could not be used.
 *
 * @param file        the file's name as given
 * @param status      {@code ok}, {@code uncertain} (calibrated confidence below the model's threshold: the genre is
 *                    a best guess) or {@code error}
 * @param genre       the most probable genre (null for an error)
 * @param confidence  its calibrated probability
 * @param top         the most probable genres, best first (at most {@link #TOP})
 * @param windows     the per-window timeline: each window's own (uncalibrated) top genre
 * @param error       why the file could not be used (null unless {@code error})
 * @param seconds     time spent on the file (decoding, features, scoring)
 */
public record Identification(String file, String status, String genre, Double confidence, List<GenreShare> top,
        List<WindowGenre> windows, String error, double seconds) {

    public static final String OK = "ok";
    public static final String UNCERTAIN = "uncertain";
    public static final String ERROR = "error";
    /** How many genres {@link #top} lists. */
    public static final int TOP = 3;

    /** A genre and its probability. */
    public record GenreShare(String genre, double probability) {}

    /** One window of the track: where it lies and what the model says about it alone. */
    public record WindowGenre(int index, double startSeconds, double endSeconds, String genre, double probability) {}

    static Identification failed(String file, String reason, double seconds) {
        return new Identification(file, ERROR, null, null, List.of(), List.of(), reason, seconds);
    }
}
