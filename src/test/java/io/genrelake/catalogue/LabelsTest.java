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
}
