package io.genrelake.ml;

import io.genrelake.features.CsvRecordReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The two-column CSVs {@code train} takes ({@code --split}'s {@code filename,split}, {@code --genre-map}'s
 * {@code source_genre,genre}): blank lines skipped, an optional header line naming the two columns, a spreadsheet's
 * byte-order mark tolerated, fields stripped; any record of another width is refused with its number.
 */
final class PairCsv {

    /** One record: its number in the file (1-based, for messages) and its two stripped fields. */
    record Pair(int number, String first, String second) {}

    private PairCsv() {}

    static List<Pair> read(Reader csv, String uri, String firstHeader, String secondHeader) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        CsvRecordReader reader = new CsvRecordReader(csv, uri);
        int number = 0;
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            number++;
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != 2) {
                throw new TrainingDataException(uri + " record " + number + ": expected 2 fields (" + firstHeader
                        + "," + secondHeader + "), found " + r.size());
            }
            String first = r.get(0).replace("\uFEFF", "").strip();
            String second = r.get(1).strip();
            if (number == 1 && first.equalsIgnoreCase(firstHeader) && second.equalsIgnoreCase(secondHeader)) {
                continue;
            }
            pairs.add(new Pair(number, first, second));
        }
        return pairs;
    }
}
