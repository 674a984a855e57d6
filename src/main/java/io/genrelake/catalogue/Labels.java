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
 * Where the {@code label} column comes from: by default the name of the folder that holds the file
 * (GTZAN's {@code <genre>/<clip>} layout); with a labels table, that table alone, and files it does
 * not name get no label.
 *
 * <p>A labels table is a CSV of {@code path,label} (a header line {@code path,label} is optional; fields
 * may be quoted). A path with a scheme or a leading slash names a file anywhere and is normalised like
 * the listing's paths; any other path is taken relative to the listed directory, e.g.
 * {@code blues/blues.00000.wav}.
 */
public final class Labels {

    private final Map<String, String> byPath; // null: the parent folder's name

    private Labels(Map<String, String> byPath) {
        this.byPath = byPath;
    }

    /** Labels from the name of each file's folder. */
    public static Labels parentFolder() {
        return new Labels(null);
    }

    /** Labels from a {@code path,label} CSV on any Hadoop file system. */
    public static Labels readCsv(String table, Configuration conf) throws IOException {
        Path path = new Path(table);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), table, conf);
        }
    }

    static Labels fromCsv(Reader csv, String source, Configuration conf) throws IOException {
        Map<String, String> byPath = new HashMap<>();
        List<List<String>> records = new ArrayList<>();
        CsvRecordReader reader = new CsvRecordReader(csv, source);
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        for (int i = 0; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != 2) {
                throw new IOException(source + " record " + (i + 1) + ": expected 2 fields (path,label), found "
                        + r.size());
            }
            String file = (i == 0 ? r.get(0).replace("\uFEFF", "") : r.get(0)).strip(); // spreadsheet BOM
            String label = r.get(1).strip();
            if (i == 0 && file.toLowerCase(Locale.ROOT).equals("path") && label.toLowerCase(Locale.ROOT).equals("label")) {
                continue;
            }
            byPath.put(isAbsolute(file) ? CataloguePath.normalise(file, conf) : file, label.isEmpty() ? null : label);
        }
        return new Labels(byPath);
    }

    /** The label of {@code file}, or null when it has none. */
    public String labelOf(CatalogueFile file) {
        if (byPath == null) {
            Path parent = new Path(file.path()).getParent();
            String name = parent == null ? "" : parent.getName();
            return name.isEmpty() ? null : name;
        }
        String label = byPath.get(file.path());
        return label != null ? label : byPath.get(file.relativePath());
    }

    /** The files with their labels set. */
    public List<CatalogueFile> apply(List<CatalogueFile> files) {
        List<CatalogueFile> labelled = new ArrayList<>(files.size());
        for (CatalogueFile f : files) {
            labelled.add(f.withLabel(labelOf(f)));
        }
        return labelled;
    }

    private static boolean isAbsolute(String path) {
        return path.startsWith("/") || new Path(path).toUri().getScheme() != null;
    }
}
