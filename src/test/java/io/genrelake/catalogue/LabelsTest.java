package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {

    private static final Configuration CONF = new Configuration();

    private static CatalogueFile file(String path, String relative) {
        return new CatalogueFile(path, relative, 1, 0, null);
    }

    @Test
    void byDefaultTheLabelIsTheParentFolderName() {
        Labels labels = Labels.parentFolder();
        assertEquals("blues", labels.labelOf(file("file:/m/blues/a.wav", "blues/a.wav")));
        assertEquals("deep", labels.labelOf(file("s3a://bucket/jazz/deep/b.mp3", "jazz/deep/b.mp3")));
        assertNull(labels.labelOf(file("s3a://bucket/c.mp3", "c.mp3"))); // a bucket's root has no name
        assertEquals(List.of("blues"), labels.apply(List.of(file("file:/m/blues/a.wav", "a.wav")))
                .stream().map(CatalogueFile::label).toList());
    }

    @Test
    void aLabelsTableNamesFilesByFullPathOrRelativeToTheInput() throws IOException {
        String csv = "\uFEFFpath,label\n"
                + "/m/blues/a.wav,blues\n"
                + "file:/m/x/b.wav,\"rock, hard\"\r\n"
                + "jazz/c.wav,jazz\n"
                + "\n"
                + "d.wav,\n";
        Labels labels = Labels.fromCsv(new StringReader(csv), "labels.csv", CONF);
        assertEquals("blues", labels.labelOf(file("file:/m/blues/a.wav", "blues/a.wav")));
        assertEquals("rock, hard", labels.labelOf(file("file:/m/x/b.wav", "x/b.wav")));
        assertEquals("jazz", labels.labelOf(file("hdfs://nn/lib/jazz/c.wav", "jazz/c.wav")));
        assertNull(labels.labelOf(file("file:/m/d.wav", "d.wav")));        // empty label
        assertNull(labels.labelOf(file("file:/m/blues/e.wav", "blues/e.wav"))); // not in the table
    }

    @Test
    void readsTheTableFromAHadoopPathWithoutAHeader(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"), "a.wav,pop\n");
        assertEquals("pop", Labels.readCsv(csv.toString(), CONF).labelOf(file("file:/m/a.wav", "a.wav")));
    }

    @Test
    void aMalformedTableIsRefusedWithItsRecordNumber() {
        IOException e = assertThrows(IOException.class,
                () -> Labels.fromCsv(new StringReader("path,label\na.wav,pop,extra\n"), "l.csv", CONF));
        assertEquals("l.csv record 2: expected 2 fields (path,label), found 3", e.getMessage());
    }

    @Test
    void aHeaderNamesTheColumnsGenreArtistAlbumAndOthersAreIgnored() throws IOException {
        String csv = "path,tag_genre,genre,album,artist\n"
                + "rock/1.mp3,Alternative Rock,rock,\"Songs, Vol. 1\",The Band\n"
                + "pop/2.mp3,Pop,pop,,\n";
        Labels labels = Labels.fromCsv(new StringReader(csv), "labels.csv", CONF);
        assertEquals(new Labels.Tags("rock", "The Band", "Songs, Vol. 1"),
                labels.tagsOf(file("file:/m/rock/1.mp3", "rock/1.mp3")));
        assertEquals(new Labels.Tags("pop", null, null), labels.tagsOf(file("file:/m/pop/2.mp3", "pop/2.mp3")));
        CatalogueFile tagged = labels.apply(List.of(file("file:/m/rock/1.mp3", "rock/1.mp3"))).get(0);
        assertEquals("The Band", tagged.artist());
        assertEquals("Songs, Vol. 1", tagged.album());
        assertNull(Labels.parentFolder().apply(List.of(tagged)).get(0).artist(), "folder labels name no artist");
    }

    @Test
    void aHeaderedRowWithTheWrongWidthIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> Labels.fromCsv(new StringReader("path,genre,artist\na.mp3,pop\n"), "l.csv", CONF));
        assertEquals("l.csv record 2: expected 3 fields (path,genre,artist), found 2", e.getMessage());
    }

    @Test
    void emotifysLabelsTableParses() throws IOException {
        Path table = io.genrelake.testing.SharedData.require("emotify/labels.csv");
        Labels labels = Labels.readCsv(table.toString(), CONF);
        java.util.Set<String> artists = new java.util.HashSet<>();
        java.util.Map<String, Integer> genres = new java.util.TreeMap<>();
        int rows = 0;
        try (java.io.Reader in = Files.newBufferedReader(table)) {
            io.genrelake.features.CsvRecordReader reader = new io.genrelake.features.CsvRecordReader(in, "labels.csv");
            reader.next(); // header
            for (List<String> r = reader.next(); r != null; r = reader.next()) {
                Labels.Tags tags = labels.tagsOf(file("file:/emotify/" + r.get(0), r.get(0)));
                assertEquals(r.get(1), tags.label(), r.get(0));
                assertEquals(r.get(3).strip().isEmpty() ? null : r.get(3).strip(), tags.album(), r.get(0));
                artists.add(tags.artist());
                genres.merge(tags.label(), 1, Integer::sum);
                rows++;
            }
        }
        assertEquals(400, rows);
        assertEquals(138, artists.size()); // distinct artist names in labels.csv (shared/README.md says 141)
        assertEquals(java.util.Map.of("classical", 100, "electronic", 100, "pop", 100, "rock", 100), genres);
        assertEquals(new Labels.Tags("classical", "Voices of Music",
                "Bach and Telemann - Sonatas, Preludes and Fantasias"),
                labels.tagsOf(file("file:/emotify/classical/1.mp3", "classical/1.mp3")));
    }
}
