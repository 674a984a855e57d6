package io.genrelake.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Renames the genres of several sources onto one set ({@code train --genre-map FILE}): a CSV
 * {@code source_genre,genre} (header optional). A genre mapped to an empty value is dropped (its rows are left
 * out); a genre the map does not name is kept as it is.
 */
public final class GenreMap {

    private final Map<String, String> target; // "" = drop

    private GenreMap(Map<String, String> target) {
        this.target = target;
    }

    /** The map that changes nothing. */
    public static GenreMap identity() {
        return new GenreMap(Map.of());
    }

    public static GenreMap read(String uri, Configuration conf) {
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), uri);
        } catch (IOException e) {
            throw new TrainingDataException("cannot read genre map " + uri + ": " + e.getMessage(), e);
        }
    }

    static GenreMap parse(Reader csv, String uri) throws IOException {
        Map<String, String> target = new HashMap<>();
        for (PairCsv.Pair r : PairCsv.read(csv, uri, "source_genre", "genre")) {
            target.put(r.first(), r.second());
        }
        return new GenreMap(Map.copyOf(target));
    }

    /** The genre {@code genre} becomes: itself when unmapped, null when dropped. */
    public String apply(String genre) {
        String to = target.getOrDefault(genre, genre);
        return to.isEmpty() ? null : to;
    }

    /** The mapping as source genre → genre ("" for dropped), for a plan or the model card. */
    public Map<String, String> entries() {
        return target;
    }
}
