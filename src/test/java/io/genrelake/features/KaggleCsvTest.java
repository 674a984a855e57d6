package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.SharedData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KaggleCsvTest {

    @TempDir
    Path dir;

    /** Values that stress the number format: tiny, huge, negative zero, non-finite, many digits. */
    private static double[] awkwardValues(int seed) {
        double[] v = new double[FeatureSet.SIZE];
        double[] specials = {0.35008811950683594, -0.0, 1e-300, Double.MIN_VALUE, 1.7976931348623157e308,
                0.1 + 0.2, -1234567.890123, Double.NaN, Double.POSITIVE_INFINITY, 2.0E-3, 1e21, 123.046875};
        for (int i = 0; i < v.length; i++) {
            v[i] = i < specials.length ? specials[(i + seed) % specials.length] : Math.sqrt(i + seed) * (i % 2 == 0 ? 1 : -1e-7);
        }
        return v;
    }

    private static String header() {
        return String.join(",", FeatureSet.KAGGLE_HEADER);
    }

    @Test
    void writesExactKaggleHeaderAndRoundTripsBitForBit() throws IOException {
        List<KaggleRow> rows = List.of(
                new KaggleRow("blues.00000.wav", 661794, awkwardValues(0), "blues"),
                new KaggleRow("odd, \"name\".wav", 66149, awkwardValues(5), ""),
                new KaggleRow("x.3.au", 22049, awkwardValues(9), "hip hop"));
        Path file = dir.resolve("t.csv");
        try (KaggleCsv.Writer w = KaggleCsv.create(file)) {
            for (KaggleRow r : rows) {
                w.write(r);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(header(), lines.get(0));
        assertEquals(60, FeatureSet.KAGGLE_HEADER.size());
        assertTrue(lines.get(1).startsWith("blues.00000.wav,661794,0.35008811950683594,-0.0,1.0E-300,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("\"odd, \"\"name\"\".wav\",66149,"), lines.get(2));
        assertTrue(lines.get(2).endsWith(","), "empty label is an empty last field: " + lines.get(2));

        List<KaggleRow> back = KaggleCsv.read(file);
        assertEquals(rows, back); // KaggleRow.equals compares values with Arrays.equals: bit for bit, NaN included
    }

    @Test
    void readsByColumnNameIgnoringOrderExtrasAndMissingLength() throws IOException {
        List<String> cols = new ArrayList<>(FeatureSet.NAMES);
        java.util.Collections.reverse(cols);
        StringBuilder csv = new StringBuilder("label,librosa_note,");
        csv.append(String.join(",", cols)).append(",filename\r\n");
        csv.append("rock,\"a note, with comma\"");
        for (int i = FeatureSet.SIZE - 1; i >= 0; i--) {
            csv.append(',').append(i).append(".5");
        }
        csv.append(",song.wav\r\n\r\n");
        List<KaggleRow> rows = KaggleCsv.read(new StringReader(csv.toString()), "mem.csv");
        assertEquals(1, rows.size());
        KaggleRow r = rows.get(0);
        assertEquals("song.wav", r.filename());
        assertEquals("rock", r.label());
        assertEquals(KaggleCsv.NO_LENGTH, r.length());
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            assertEquals(i + 0.5, r.values()[i], FeatureSet.NAMES.get(i));
        }
        assertEquals(16.5, r.get("tempo"));
    }

    @Test
    void acceptsPythonSpellingsOfNonFiniteValues() throws IOException {
        StringBuilder csv = new StringBuilder(header()).append("\nx.wav,10");
        String[] words = {"inf", "-inf", "nan", "1e-05"};
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            csv.append(',').append(i < words.length ? words[i] : "0");
        }
        csv.append(",lbl\n");
        double[] v = KaggleCsv.read(new StringReader(csv.toString()), "py.csv").get(0).values();
        assertEquals(Double.POSITIVE_INFINITY, v[0]);
        assertEquals(Double.NEGATIVE_INFINITY, v[1]);
        assertTrue(Double.isNaN(v[2]));
        assertEquals(1e-5, v[3]);
    }

    @Test
    void missingColumnIsNamed() {
        String csv = header().replace(",mfcc7_var,", ",mfcc7_variance,").replace(",label", ",genre") + "\n";
        IOException e = assertThrows(IOException.class, () -> KaggleCsv.read(new StringReader(csv), "bad.csv"));
        assertTrue(e.getMessage().contains("bad.csv line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("mfcc7_var, label"), e.getMessage());
    }

    @Test
    void badNumberNamesLineAndColumn() {
        StringBuilder csv = new StringBuilder(header()).append('\n');
        for (int row = 0; row < 3; row++) {
            csv.append("f").append(row).append(".wav,100");
            for (int i = 0; i < FeatureSet.SIZE; i++) {
                csv.append(',').append(row == 2 && i == FeatureSet.TEMPO ? "12O.5" : "1.0");
            }
            csv.append(",x\n");
        }
        IOException e = assertThrows(IOException.class,
                () -> KaggleCsv.read(new StringReader(csv.toString()), "t.csv"));
        assertEquals("t.csv line 4: column tempo: not a number: '12O.5'", e.getMessage());
    }

    @Test
    void badLengthAndShortRowAreNamed() {
        String values = ",1".repeat(FeatureSet.SIZE);
        String badLength = header() + "\na.wav,66149.5" + values + ",x\n";
        IOException e = assertThrows(IOException.class, () -> KaggleCsv.read(new StringReader(badLength), "l.csv"));
        assertTrue(e.getMessage().startsWith("l.csv line 2: column length"), e.getMessage());

        String shortRow = header() + "\na.wav,1" + values + ",x\nb.wav,1,2,3\n";
        e = assertThrows(IOException.class, () -> KaggleCsv.read(new StringReader(shortRow), "s.csv"));
        assertTrue(e.getMessage().startsWith("s.csv line 3: expected 60 fields"), e.getMessage());
    }

    @Test
    void readsThePublicGtzanTable() throws IOException {
        List<KaggleRow> rows = KaggleCsv.read(SharedData.require("gtzan/features_30_sec.csv"));
        assertEquals(1000, rows.size());
        Map<String, Long> perLabel = rows.stream()
                .collect(Collectors.groupingBy(KaggleRow::label, TreeMap::new, Collectors.counting()));
        assertEquals(10, perLabel.size(), perLabel.toString());
        perLabel.forEach((label, n) -> assertEquals(100L, n, label));
        KaggleRow first = rows.get(0);
        assertEquals("blues.00000.wav", first.filename());
        assertEquals(661794, first.length());
        assertEquals("blues", first.label());
        assertEquals(0.35008811950683594, first.get("chroma_stft_mean"));
        assertEquals(0.35008811950683594, first.values()[FeatureSet.CHROMA_MEAN]);
    }

    @Test
    void publicTableSurvivesWriteAndReread() throws IOException {
        List<KaggleRow> rows = KaggleCsv.read(SharedData.require("gtzan/features_30_sec.csv"));
        Path copy = dir.resolve("copy.csv");
        try (KaggleCsv.Writer w = KaggleCsv.create(copy)) {
            for (KaggleRow r : rows) {
                w.write(r);
            }
        }
        List<KaggleRow> again = KaggleCsv.read(copy);
        assertEquals(rows.size(), again.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i).values(), again.get(i).values(), rows.get(i).filename());
            assertEquals(rows.get(i), again.get(i));
        }
    }
}
