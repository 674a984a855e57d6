package io.genrelake.catalogue;

import io.genrelake.features.CsvRecordReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Where the {@code label} (and {@code artist}, {@code album}) columns come from: by default the label is the
 * name of the folder that holds the file (GTZAN's {@code <genre>/<clip>} layout) and there is no artist or
 * album; with a labels table, that table alone, and files it does not name get no label.
 *
 * <p>A labels table is a CSV (fields may be quoted). With a header line, its columns are found by name:
 * {@code path}, {@code label} or {@code genre}, and optionally {@code artist} and {@code album}; other
 * columns are ignored (e.g. {@code path,genre,artist,album,tag_genre}). Without one, it is {@code path,label}.
 * A path with a scheme or a leading slash names a file anywhere and is normalised like the listing's paths;
 * any other path is taken relative to the listed directory, e.g. {@code blues/blues.00000.wav}.
 */
public final class Labels {

    /** What a labels table says of one file; empty fields are null. */
    public record Tags(String label, String artist, String album) {}

    private final Map<String, Tags> byPath; // null: the parent folder's name

    private Labels(Map<String, Tags> byPath) {
        this.byPath = byPath;
    }

    /** Labels from the name of each file's folder. */
    public static Labels parentFolder() {
        return new Labels(null);
    }

    /** Labels from a labels CSV on any Hadoop file system. */
    public static Labels readCsv(String table, Configuration conf) throws IOException {
        Path path = new Path(table);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), table, conf);
        }
    }

    /** Column positions of a table: path, label, artist and album (-1 when absent), and the record width. */
    private record Layout(int path, int label, int artist, int album, int width, String names) {
        static final Layout HEADERLESS = new Layout(0, 1, -1, -1, 2, "path,label");

        /** The layout a header names, or null when the record is not a header (no path and label/genre). */
        static Layout ofHeader(List<String> header) {
            List<String> names = header.stream().map(h -> h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT))
                    .toList();
            int label = names.indexOf("label") >= 0 ? names.indexOf("label") : names.indexOf("genre");
            if (names.indexOf("path") < 0 || label < 0) {
                return null;
            }
            return new Layout(names.indexOf("path"), label, names.indexOf("artist"), names.indexOf("album"),
                    names.size(), String.join(",", names));
        }
    }

    static Labels fromCsv(Reader csv, String source, Configuration conf) throws IOException {
        Map<String, Tags> byPath = new HashMap<>();
        CsvRecordReader reader = new CsvRecordReader(csv, source);
        Layout layout = null;
        int number = 0;
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            number++;
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (layout == null) {
                layout = Layout.ofHeader(r);
                if (layout != null) {
                    continue;
                }
                layout = Layout.HEADERLESS;
            }
            if (r.size() != layout.width()) {
                throw new IOException(source + " record " + number + ": expected " + layout.width() + " fields ("
                        + layout.names() + "), found " + r.size());
            }
            String file = (number == 1 ? r.get(layout.path()).replace("\uFEFF", "") : r.get(layout.path())).strip();
            byPath.put(isAbsolute(file) ? CataloguePath.normalise(file, conf) : file,
                    new Tags(field(r, layout.label()), field(r, layout.artist()), field(r, layout.album())));
        }
        return new Labels(byPath);
    }

    private static String field(List<String> record, int index) {
        if (index < 0) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The label of {@code file}, or null when it has none. */
    public String labelOf(CatalogueFile file) {
        return tagsOf(file).label();
    }

    /** What is known of {@code file}: label, artist, album (each possibly null). */
    public Tags tagsOf(CatalogueFile file) {
        if (byPath == null) {
            Path parent = new Path(file.path()).getParent();
            String name = parent == null ? "" : parent.getName();
            return new Tags(name.isEmpty() ? null : name, null, null);
        }
        Tags tags = byPath.get(file.path());
        tags = tags != null ? tags : byPath.get(file.relativePath());
        return tags != null ? tags : new Tags(null, null, null);
    }

    /** The files with their label, artist and album set. */
    public List<CatalogueFile> apply(List<CatalogueFile> files) {
        List<CatalogueFile> labelled = new ArrayList<>(files.size());
        for (CatalogueFile f : files) {
            Tags tags = tagsOf(f);
            labelled.add(f.withTags(tags.label(), tags.artist(), tags.album()));
        }
        return labelled;
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || new Path(path).toUri().getScheme() != null;
    }
}
