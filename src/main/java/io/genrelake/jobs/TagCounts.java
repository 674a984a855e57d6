package io.genrelake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.ml.TagGenres;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a feature table's tags hold, one count per file (its window 0, or its error row), from the table itself: files
 * with tags and with a genre, the warnings by kind ({@code tag_warning}: a value left empty, tags unreadable), the
 * genre values as written and, through a {@link TagGenres} map, the genres they normalise to and the values the map
 * does not know, most frequent first. Only distinct genre-value lists reach the driver, never one row per file.
 *
 * @param filesTagged     files with at least one tag value
 * @param filesWithGenre  files with a genre value
 * @param warnings        files by warning kind, most first
 * @param rawGenres       files by genre value as written (several values of one file counted each), most first
 * @param genres          files by normalised genre ({@link TagGenres.Kind#OK}), and by "(none)", "(unmapped)",
 *                        "(conflicting)", most first
 * @param unmapped        files by genre value the map does not know, most first
 */
public record TagCounts(long filesTagged, long filesWithGenre, Map<String, Long> warnings,
        Map<String, Long> rawGenres, Map<String, Long> genres, Map<String, Long> unmapped) {

    /** No tag columns (a table written before them, or Kaggle rows only). */
    public static final TagCounts NONE = new TagCounts(0, 0, Map.of(), Map.of(), Map.of(), Map.of());

    /** How many unmapped values the summaries list. */
    static final int UNMAPPED_LISTED = 25;

    public static TagCounts of(Dataset<Row> table, TagGenres map) {
        if (!Arrays.asList(table.columns()).contains(FeatureTable.TAG_GENRES)) {
            return NONE;
        }
        Dataset<Row> files = table.filter(col(FeatureTable.WINDOW).equalTo(0)
                .or(col(FeatureTable.STATUS).equalTo(FeatureTable.STATUS_ERROR)))
                .filter(col(FeatureTable.CODEC).isNull().or(col(FeatureTable.CODEC).notEqual(FeatureTable.KAGGLE_CODEC)));
        long tagged = files.filter(col(FeatureTable.TAG_TITLE).isNotNull().or(col(FeatureTable.TAG_ARTIST).isNotNull())
                .or(col(FeatureTable.TAG_ALBUM).isNotNull()).or(col(FeatureTable.TAG_GENRES).isNotNull())
                .or(col(FeatureTable.TAG_YEAR).isNotNull())).count();
        Map<String, Long> warnings = new LinkedHashMap<>();
        for (Row r : files.filter(col(FeatureTable.TAG_WARNING).isNotNull())
                .groupBy(col(FeatureTable.TAG_WARNING)).agg(count(lit(1))).collectAsList()) {
            for (String w : r.getString(0).split("; ")) {
                warnings.merge(kind(w), r.getLong(1), Long::sum);
            }
        }
        Map<String, Long> raw = new TreeMap<>();
        Map<String, Long> genres = new TreeMap<>();
        Map<String, Long> unmapped = new TreeMap<>();
        long withGenre = 0;
        for (Row r : files.groupBy(col(FeatureTable.TAG_GENRES)).agg(count(lit(1))).collectAsList()) {
            long n = r.getLong(1);
            List<String> values = r.isNullAt(0) ? List.of() : r.getList(0);
            if (!values.isEmpty()) {
                withGenre += n;
            }
            for (String v : values) {
                raw.merge(v, n, Long::sum);
            }
            TagGenres.Verdict verdict = map.judge(values);
            String outcome = switch (verdict.kind()) {
                case OK -> verdict.genre();
                case NONE -> "(none)";
                case UNMAPPED -> "(unmapped)";
                case CONFLICT -> "(conflicting)";
            };
            genres.merge(outcome, n, Long::sum);
            for (String u : verdict.unmapped()) {
                unmapped.merge(u, n, Long::sum);
            }
        }
        return new TagCounts(tagged, withGenre, mostFirst(warnings, Integer.MAX_VALUE),
                mostFirst(raw, Integer.MAX_VALUE), mostFirst(genres, Integer.MAX_VALUE), mostFirst(unmapped, UNMAPPED_LISTED));
    }

    /** "year malformed ('x')" → "year malformed"; "tags unreadable: …" → "tags unreadable". */
    static String kind(String warning) {
        int cut = warning.length();
        for (String stop : List.of(" (", ":")) {
            int at = warning.indexOf(stop);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return warning.substring(0, cut);
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts, int limit) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** For _summary.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("files_tagged", filesTagged);
        m.put("files_with_genre", filesWithGenre);
        m.put("warnings", warnings);
        m.put("genre_values", rawGenres);
        m.put("genres", genres);
        m.put("unmapped_values", unmapped);
        return m;
    }
}
