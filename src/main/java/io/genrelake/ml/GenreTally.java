package io.genrelake.ml;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of tracks by their tag genres, before and after a {@link TagGenres} map: the values as written, the
 * verdicts (a genre, or "(none)", "(unmapped)", "(conflicting)") and the values the map does not know. Fed with each
 * distinct list of values and how many tracks carry it, so only distinct lists reach the driver.
 */
public final class GenreTally {

    public static final String NONE = "(none)";
    public static final String UNMAPPED = "(unmapped)";
    public static final String CONFLICTING = "(conflicting)";

    private final TagGenres map;
    private final Map<String, Long> raw = new TreeMap<>();
    private final Map<String, Long> verdicts = new TreeMap<>();
    private final Map<String, Long> unmapped = new TreeMap<>();
    private long withGenre;

    public GenreTally(TagGenres map) {
        this.map = map;
    }

    /** {@code tracks} tracks whose tags hold {@code values} (null or empty: no genre). */
    public void add(List<String> values, long tracks) {
        List<String> v = values == null ? List.of() : values;
        if (!v.isEmpty()) {
            withGenre += tracks;
        }
        for (String value : v) {
            raw.merge(value, tracks, Long::sum);
        }
        TagGenres.Verdict verdict = map.judge(v);
        verdicts.merge(label(verdict), tracks, Long::sum);
        for (String u : verdict.unmapped()) {
            unmapped.merge(u, tracks, Long::sum);
        }
    }

    /** The verdict's name in the counts: the genre, or why there is none. */
    static String label(TagGenres.Verdict verdict) {
        return switch (verdict.kind()) {
            case OK -> verdict.genre();
            case NONE -> NONE;
            case UNMAPPED -> UNMAPPED;
            case CONFLICT -> CONFLICTING;
        };
    }

    public long withGenre() {
        return withGenre;
    }

    /** Tracks by genre value as written (a track with two values counts for each), most first. */
    public Map<String, Long> raw() {
        return mostFirst(raw, Integer.MAX_VALUE);
    }

    /** Tracks by verdict, most first. */
    public Map<String, Long> verdicts() {
        return mostFirst(verdicts, Integer.MAX_VALUE);
    }

    /** Tracks by value the map does not know, the {@code limit} most frequent first. */
    public Map<String, Long> unmapped(int limit) {
        return mostFirst(unmapped, limit);
    }

    /** Tracks with a genre of the taxonomy. */
    public long labelled() {
        return verdicts.entrySet().stream().filter(e -> !isReason(e.getKey())).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Tracks labelled, by genre, most first. */
    public Map<String, Long> byGenre() {
        return mostFirst(filtered(false), Integer.MAX_VALUE);
    }

    /** Tracks left out, by reason ({@link #NONE}, {@link #UNMAPPED}, {@link #CONFLICTING}), most first. */
    public Map<String, Long> leftOut() {
        return mostFirst(filtered(true), Integer.MAX_VALUE);
    }

    /** How the counts read on a console: the tracks labelled by genre, then those left out and why. */
    public String describe() {
        Map<String, Long> out = leftOut();
        return labelled() + " tracks labelled " + byGenre() + "; "
                + (out.isEmpty() ? "none left out" : out.values().stream().mapToLong(Long::longValue).sum()
                        + " left out " + out);
    }

    private Map<String, Long> filtered(boolean reasons) {
        Map<String, Long> m = new TreeMap<>();
        verdicts.forEach((k, v) -> {
            if (isReason(k) == reasons) {
                m.put(k, v);
            }
        });
        return m;
    }

    private static boolean isReason(String verdict) {
        return verdict.equals(NONE) || verdict.equals(UNMAPPED) || verdict.equals(CONFLICTING);
    }

    static Map<String, Long> mostFirst(Map<String, Long> counts, int limit) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
