package io.genrelake.ml;

import io.genrelake.tags.Id3v1Genres;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the genre values of a file's tags into one genre of a taxonomy, or says why it cannot: the values are
 * split where a tag holds several ({@code ;}, {@code /}, {@code |}, NUL), ID3's numbered genres ({@code 17},
 * {@code (17)}, {@code (17)(79)Hard Rock}) become their names ({@link Id3v1Genres}), and each value is looked up by
 * its {@linkplain #key key} — lower case, {@code &} read as "and", every run of other characters one space — so
 * {@code Alt. Rock}, {@code alt rock} and {@code ALT-ROCK} are one value. The map is {@code conf/tag-genres.csv}
 * (on the class path as {@value #RESOURCE}; top-level genres: GTZAN's ten plus electronic, folk, latin, rnb, world),
 * overridden entry by entry by {@code --genre-map FILE}. A value mapped to an empty genre (other, soundtrack,
 * podcast …) is no genre and ignored.
 *
 * <p>Serializable: classify normalises on the executors.
 */
public final class TagGenres implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The default map's place on the class path (the build copies conf/tag-genres.csv there). */
    public static final String RESOURCE = "/tag-genres.csv";

    /** The map a model trained on tags was trained with, in its folder; classify normalises tags with it. */
    public static final String MODEL_FILE = "tag-genres.csv";

    private static final Pattern SEPARATORS = Pattern.compile("[;/|\\x00]");
    private static final Pattern NUMBERED = Pattern.compile("^\\((\\d{1,3})\\)");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Why a track has, or has not, a genre from its tags. */
    public enum Kind {
        /** One genre of the taxonomy. */
        OK,
        /** No genre value at all (or only values that are no genre). */
        NONE,
        /** Genre values, none of them in the map. */
        UNMAPPED,
        /** Values that map to two or more genres. */
        CONFLICT
    }

    /**
     * A track's verdict.
     *
     * @param kind     OK, or why there is no genre
     * @param genre    the genre when OK, else null
     * @param unmapped the values the map does not know (counted, most frequent first, in the summaries)
     * @param mapped   the genres the values map to (two or more on a conflict)
     */
    public record Verdict(Kind kind, String genre, List<String> unmapped, Set<String> mapped) implements Serializable {}

    private final Map<String, String> byKey; // key → genre, "" for a value that is no genre
    private final String source;

    private TagGenres(Map<String, String> byKey, String source) {
        this.byKey = byKey;
        this.source = source;
    }

    /** The default map, conf/tag-genres.csv. */
    public static TagGenres defaults() {
        try (InputStream in = TagGenres.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path (the build copies it from conf/)");
            }
            GenreMap map = GenreMap.parse(new InputStreamReader(in, StandardCharsets.UTF_8), "conf/tag-genres.csv");
            return new TagGenres(keyed(map.entries(), new HashMap<>()), "conf/tag-genres.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The map training and classify use: the default, overridden by the {@code --genre-map} CSV when given. */
    public static TagGenres forTraining(String genreMapUri, org.apache.hadoop.conf.Configuration conf) {
        TagGenres defaults = defaults();
        return genreMapUri == null ? defaults : defaults.overriddenBy(GenreMap.read(genreMapUri, conf), genreMapUri);
    }

    /** The map of the model at {@code modelUri} ({@link #MODEL_FILE}), or the default for a model trained on labels. */
    public static TagGenres forModel(String modelUri, org.apache.hadoop.conf.Configuration conf) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(modelUri, MODEL_FILE);
        try {
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                return defaults();
            }
            try (InputStream in = fs.open(path)) {
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), path.toString());
            }
        } catch (IOException e) {
            throw new TrainingDataException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** This map as a source_genre,genre CSV (keys as looked up), for the model folder. */
    public String toCsv() {
        StringBuilder s = new StringBuilder("source_genre,genre\n");
        new java.util.TreeMap<>(byKey).forEach((k, g) -> s.append(k).append(',').append(g).append('\n'));
        return s.toString();
    }

    /** A map read back from {@link #toCsv} (a model folder's). */
    public static TagGenres parse(java.io.Reader csv, String uri) throws IOException {
        return new TagGenres(keyed(GenreMap.parse(csv, uri).entries(), new HashMap<>()), uri);
    }

    /** This map with {@code overrides}' entries in place of (or beside) its own. */
    public TagGenres overriddenBy(GenreMap overrides, String overridesSource) {
        if (overrides.entries().isEmpty()) {
            return this;
        }
        return new TagGenres(keyed(overrides.entries(), new HashMap<>(byKey)), source + " + " + overridesSource);
    }

    private static Map<String, String> keyed(Map<String, String> entries, Map<String, String> into) {
        entries.forEach((from, to) -> into.put(key(from), to.strip().toLowerCase(Locale.ROOT)));
        return into;
    }

    /** Where the map came from, for the summaries. */
    public String source() {
        return source;
    }

    /** The genres the map maps onto, sorted. */
    public List<String> taxonomy() {
        return byKey.values().stream().filter(g -> !g.isEmpty()).distinct().sorted().toList();
    }

    /** What a value is looked up by: lower case, '&' and '+' read as "and", other non-letters one space. */
    public static String key(String value) {
        String v = value.toLowerCase(Locale.ROOT).replace("&", " and ").replace("+", " and ")
                .replace("'n'", " n ").replace("’n’", " n ");
        return NOT_WORD.matcher(v).replaceAll(" ").strip();
    }

    /** The separate genre values of a tag's values: split, ID3 numbers named, blanks dropped, in order, distinct. */
    public static List<String> values(List<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : raw) {
            for (String part : SEPARATORS.split(tag)) {
                addValue(part.strip(), out);
            }
        }
        return new ArrayList<>(out);
    }

    /** One value: "(17)(79)Hard Rock" is Rock, Hard Rock and "Hard Rock"; "17" is Rock; "(RX)"/"(CR)" nothing. */
    private static void addValue(String value, Set<String> out) {
        String rest = value;
        while (true) {
            Matcher m = NUMBERED.matcher(rest);
            if (m.find()) {
                String name = Id3v1Genres.name(Integer.parseInt(m.group(1)));
                if (name != null) {
                    out.add(name);
                }
                rest = rest.substring(m.end()).strip();
            } else if (rest.startsWith("(RX)") || rest.startsWith("(CR)")) { // ID3v2.3's remix and cover markers
                rest = rest.substring(4).strip();
            } else {
                break;
            }
        }
        if (rest.startsWith("((")) { // ID3v2.3's escape of a leading parenthesis
            rest = rest.substring(1);
        }
        if (NUMBER.matcher(rest).matches()) {
            String name = Id3v1Genres.name(Integer.parseInt(rest));
            if (name != null) {
                out.add(name);
            }
            return;
        }
        if (!rest.isEmpty() && !key(rest).isEmpty()) {
            out.add(rest);
        }
    }

    /** The genre a single value maps to: a genre, "" when it is no genre, null when the map does not know it. */
    public String map(String value) {
        return byKey.get(key(value));
    }

    /** The verdict on a track's raw genre tag values (as {@code tag_genres} holds them). */
    public Verdict judge(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return new Verdict(Kind.NONE, null, List.of(), Set.of());
        }
        Set<String> mapped = new LinkedHashSet<>();
        List<String> unmapped = new ArrayList<>();
        for (String value : values(raw)) {
            String genre = map(value);
            if (genre == null) {
                unmapped.add(value);
            } else if (!genre.isEmpty()) {
                mapped.add(genre);
            }
        }
        if (mapped.size() == 1) {
            return new Verdict(Kind.OK, mapped.iterator().next(), unmapped, mapped);
        }
        if (mapped.size() > 1) {
            return new Verdict(Kind.CONFLICT, null, unmapped, mapped);
        }
        return new Verdict(unmapped.isEmpty() ? Kind.NONE : Kind.UNMAPPED, null, unmapped, mapped);
    }
}
