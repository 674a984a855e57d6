package io.genrelake.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.ml.GenreTally;
import io.genrelake.ml.TagGenres;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        GenreTally tally = new GenreTally(map);
        for (Row r : files.groupBy(col(FeatureTable.TAG_GENRES)).agg(count(lit(1))).collectAsList()) {
            tally.add(r.isNullAt(0) ? List.of() : r.getList(0), r.getLong(1));
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        warnings.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> byKind.put(e.getKey(), e.getValue()));
        return new TagCounts(tagged, tally.withGenre(), byKind, tally.raw(), tally.verdicts(),
                tally.unmapped(UNMAPPED_LISTED));
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
