package io.genrelake.features;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes feature tables in the layout of the public GTZAN {@code features_30_sec.csv}:
 * {@code filename, length, <57 features>, label}.
 *
 * <p>Reading is by column name, so column order does not matter, {@code length} may be absent and
 * extra columns (such as {@code librosa_note} in the golden edge cases) are ignored. Writing always
 * produces exactly {@link FeatureSet#KAGGLE_HEADER}; numbers are written with {@link Double#toString},
 * which re-reads to the same double, so a table survives a round trip bit for bit.
 */
public final class KaggleCsv {

    /** The {@link KaggleRow#length()} of rows read from a table without a {@code length} column. */
    public static final long NO_LENGTH = -1;

    /** A table that does not have the Kaggle layout; the message names the file and line. */
    public static final class FormatException extends IOException {
        FormatException(String message) {
            super(message);
        }
    }

    private KaggleCsv() {}

    /** Reads every row of a Kaggle-layout CSV file (UTF-8). */
    public static List<KaggleRow> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        }
    }

    /** Reads every row of a Kaggle-layout CSV; {@code source} names the input in error messages. */
    public static List<KaggleRow> read(Reader in, String source) throws IOException {
        CsvRecordReader records = new CsvRecordReader(in, source);
        List<String> header = records.next();
        if (header == null) {
            throw new FormatException(source + ": empty file, expected a header line");
        }
        ColumnMap columns = ColumnMap.of(header, source);
        List<KaggleRow> rows = new ArrayList<>();
        List<String> fields;
        while ((fields = records.next()) != null) {
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // blank line
            }
            rows.add(columns.row(fields, source + " line " + records.recordLine()));
        }
        return rows;
    }

    /** Creates (or truncates) {@code file} and writes the header; rows follow with {@link Writer#write}. */
    public static Writer create(Path file) throws IOException {
        return new Writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /** Quotes a CSV field as RFC 4180 asks: only when it holds a comma, quote, CR or LF. */
    public static String quote(String field) {
        boolean plain = true;
        for (int i = 0; i < field.length() && plain; i++) {
            char c = field.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }

    /** Writes rows in the exact Kaggle column order. Not thread-safe. */
    public static final class Writer implements Closeable {
        private final BufferedWriter out;
        private final StringBuilder line = new StringBuilder(1536);

        Writer(BufferedWriter out) throws IOException {
            this.out = out;
            out.write(String.join(",", FeatureSet.KAGGLE_HEADER));
            out.write('\n');
        }

        public void write(KaggleRow row) throws IOException {
            line.setLength(0);
            line.append(quote(row.filename())).append(',').append(row.length());
            for (double v : row.values()) {
                line.append(',').append(Double.toString(v));
            }
            line.append(',').append(quote(row.label())).append('\n');
            out.append(line);
        }

        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Where each Kaggle column sits in a particular file's header. */
    private record ColumnMap(int filename, int length, int[] features, int label, int width) {

        static ColumnMap of(List<String> header, String source) throws FormatException {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip();
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1); // byte-order mark written by some spreadsheet tools
                }
                index.putIfAbsent(name, i);
            }
            List<String> missing = new ArrayList<>();
            for (String required : FeatureSet.KAGGLE_HEADER) {
                if (!required.equals("length") && !index.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new FormatException(source + " line 1: header lacks column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing));
            }
            int[] features = new int[FeatureSet.SIZE];
            for (int f = 0; f < features.length; f++) {
                features[f] = index.get(FeatureSet.NAMES.get(f));
            }
            return new ColumnMap(index.get("filename"), index.getOrDefault("length", -1), features,
                    index.get("label"), header.size());
        }

        KaggleRow row(List<String> fields, String where) throws FormatException {
            if (fields.size() != width) {
                throw new FormatException(where + ": expected " + width + " fields as in the header, found "
                        + fields.size());
            }
            long len = NO_LENGTH;
            if (length >= 0) {
                String text = fields.get(length).strip();
                try {
                    len = Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new FormatException(where + ": column length: not a whole number: '" + text + "'");
                }
            }
            double[] values = new double[features.length];
            for (int f = 0; f < features.length; f++) {
                values[f] = parseDouble(fields.get(features[f]), FeatureSet.NAMES.get(f), where);
            }
            return new KaggleRow(fields.get(filename), len, values, fields.get(label));
        }

        private static double parseDouble(String raw, String column, String where) throws FormatException {
            String text = raw.strip();
            // Python writes non-finite floats as inf/nan; Java's parser only knows Infinity/NaN.
            switch (text) {
                case "inf", "+inf" -> { return Double.POSITIVE_INFINITY; }
                case "-inf" -> { return Double.NEGATIVE_INFINITY; }
                case "nan" -> { return Double.NaN; }
                default -> { }
            }
            // parseDouble would also accept Java literal suffixes like "1d"; a table never holds those.
            char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
            if (Character.isLetter(last) && !text.endsWith("Infinity") && !text.equals("NaN")) {
                throw new FormatException(where + ": column " + column + ": not a number: '" + raw + "'");
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new FormatException(where + ": column " + column + ": not a number: '" + raw + "'");
            }
        }
    }
}
