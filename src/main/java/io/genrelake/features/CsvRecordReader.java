package io.genrelake.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 CSV into records, allowing quoted fields that span lines. */
public final class CsvRecordReader {
    private final BufferedReader in;
    private final String source;
    private int line = 1;
    private int recordLine;
    private boolean atEnd;

    public CsvRecordReader(Reader in, String source) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
        this.source = source;
    }

    /** Line (1-based) on which the record last returned by {@link #next} began. */
    public int recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of input. */
    public List<String> next() throws IOException {
        if (atEnd) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean sawAnything = false;
        while (true) {
            int c = in.read();
            if (c == -1) {
                atEnd = true;
                if (quoted) {
                    throw new KaggleCsv.FormatException(source + " line " + recordLine + ": quoted field not closed");
                }
                if (!sawAnything) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            sawAnything = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    if (in.read() == '"') {
                        field.append('"');
                    } else {
                        in.reset();
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }
}
