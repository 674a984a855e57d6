package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackIdTest {

    @Test
    void isTheFirstSixteenBytesOfTheSha256OfThePathInHex() {
        // Pinned values (Python: hashlib.sha256(path.encode()).hexdigest()[:32]): ids must never change
        // between versions, or the nightly job would see every track as new.
        assertEquals("1dcdb5166b592087d703304d53cd5c5b", TrackId.of("file:/music/blues/blues.00000.wav"));
        assertEquals("29a29d24f96dd701f720e8b69ac2014a", TrackId.of("s3a://catalogue/blues/blues.00000.wav"));
    }

    @Test
    void differentPathsGiveDifferentIds() {
        String a = TrackId.of("file:/music/blues/blues.00000.wav");
        String b = TrackId.of("file:/music/blues/blues.00001.wav");
        assertNotEquals(a, b);
        assertTrue(a.matches("[0-9a-f]{32}"), a);
    }

    @Test
    void everySpellingOfALocalPathNormalisesToOne(@TempDir Path dir) throws IOException {
        Configuration conf = new Configuration();
        String plain = dir.resolve("blues/a.wav").toString();
        String expected = "file:" + plain;
        assertEquals(expected, CataloguePath.normalise(plain, conf));
        assertEquals(expected, CataloguePath.normalise("file://" + plain, conf));
        assertEquals(expected, CataloguePath.normalise("FILE:" + dir + "/./blues//a.wav", conf));
        assertEquals(expected, CataloguePath.normalise(dir + "/rock/../blues/a.wav", conf));
        assertEquals(TrackId.of(expected), new CatalogueFile(CataloguePath.normalise(plain, conf), "a.wav", 1, 0, null).trackId());
    }

    @Test
    void schemeAndHostAreCaseInsensitiveButThePathIsNot() {
        assertEquals("s3a://bucket/Music/A.mp3",
                CataloguePath.normalise(new org.apache.hadoop.fs.Path("S3A://Bucket/Music/A.mp3")));
        assertEquals("hdfs://namenode:8020/m/a.wav",
                CataloguePath.normalise(new org.apache.hadoop.fs.Path("hdfs://NameNode:8020/m/a.wav")));
    }
}
