package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.tags.Id3Bytes;
import io.genrelake.testing.FfmpegCli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Tags travel from the file into its feature rows, and a bad tag never costs audio that decodes. */
class TaggedExtractionTest {

    @TempDir
    Path dir;

    private static final RunStamp RUN = new RunStamp("test", 0L, FeatureSetKind.GTZAN);

    private final TrackExtractor extractor =
            new TrackExtractor(new Configuration(), AudioDecoders.standard(), TestLibrary.PLAN);

    private CatalogueFile write(String name, String... metadata) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(FfmpegCli.sine(3));
        for (String m : metadata) {
            args.add("-metadata");
            args.add(m);
        }
        args.add(out.toString());
        FfmpegCli.run(args.toArray(new String[0]));
        return new CatalogueFile("file:" + out, name, Files.size(out), Files.getLastModifiedTime(out).toMillis(), null);
    }

    private static Object column(Row row, String name) {
        return row.get(FeatureTable.schema(FeatureSetKind.GTZAN).fieldIndex(name));
    }

    @Test
    void theTagsAreInEveryRowOfTheFile() throws Exception {
        TrackResult r = extractor.extract(write("a.mp3", "title=Night Train", "artist=The Examples",
                "album=Test Pressing", "genre=Rock;Pop", "date=2004", "track=3/12"));
        assertTrue(r.ok(), r.error());
        assertEquals("java-mp3", r.audio().decoder()); // read by FFmpeg, decoded by the Java decoder from the start
        Row row = FeatureTable.rows(r, RUN).get(0);
        assertEquals("Night Train", column(row, FeatureTable.TAG_TITLE));
        assertEquals("The Examples", column(row, FeatureTable.TAG_ARTIST));
        assertEquals("Test Pressing", column(row, FeatureTable.TAG_ALBUM));
        assertEquals(List.of("Rock;Pop"), CollectionConverters.asJava((Seq<?>) column(row, FeatureTable.TAG_GENRES)));
        assertEquals(2004, column(row, FeatureTable.TAG_YEAR));
        assertEquals(3, column(row, FeatureTable.TAG_TRACK));
        assertNull(column(row, FeatureTable.TAG_WARNING));
    }

    /** What FFmpeg drops of an ID3v2 tag (a second value in TCON, the MusicBrainz UFID) reaches the rows too. */
    @Test
    void everyId3v2GenreValueAndTheMusicBrainzUfid() throws Exception {
        String mbid = "9e5f9d9c-1f0a-4c3e-8f4e-2b7c1d3e4f50";
        List<String> args = new ArrayList<>(FfmpegCli.sine(3));
        args.addAll(List.of("-c:a", "libmp3lame", "-id3v2_version", "0", dir.resolve("bare.mp3").toString()));
        FfmpegCli.run(args.toArray(new String[0]));
        byte[] tag = new Id3Bytes(4).text("TCON", "Rock\0Pop")
                .frame("UFID", ("http://musicbrainz.org\0" + mbid).getBytes(StandardCharsets.ISO_8859_1)).bytes();
        Path mp3 = dir.resolve("multi.mp3");
        Files.write(mp3, tag);
        Files.write(mp3, Files.readAllBytes(dir.resolve("bare.mp3")), StandardOpenOption.APPEND);
        TrackResult r = extractor.extract(new CatalogueFile("file:" + mp3, "multi.mp3", Files.size(mp3), 0L, null));
        assertTrue(r.ok(), r.error());
        Row row = FeatureTable.rows(r, RUN).get(0);
        assertEquals(List.of("Rock", "Pop"),
                CollectionConverters.asJava((Seq<?>) column(row, FeatureTable.TAG_GENRES)));
        assertEquals(mbid, column(row, FeatureTable.TAG_MB_RECORDING_ID));
        assertNull(column(row, FeatureTable.TAG_WARNING));
    }

    @Test
    void aMalformedTagIsAWarningOnARowThatDecodes() throws Exception {
        TrackResult r = extractor.extract(write("b.flac", "artist=Kept", "date=the year the tape broke",
                "title=" + "x".repeat(3000)));
        assertTrue(r.ok(), r.error());
        Row row = FeatureTable.rows(r, RUN).get(0);
        assertEquals(FeatureTable.STATUS_OK, column(row, FeatureTable.STATUS));
        assertEquals("Kept", column(row, FeatureTable.TAG_ARTIST));
        assertNull(column(row, FeatureTable.TAG_YEAR));
        assertNull(column(row, FeatureTable.TAG_TITLE));
        assertEquals("title oversized (3000 characters); year malformed ('the year the tape broke')",
                column(row, FeatureTable.TAG_WARNING));
    }

    @Test
    void anUnusableFileKeepsItsTags() throws Exception {
        CatalogueFile whole = write("c.wav", "artist=Cut Short", "genre=Jazz");
        Path path = dir.resolve("c.wav");
        Files.write(path, java.util.Arrays.copyOf(Files.readAllBytes(path), 1000)); // header, INFO, a few samples
        TrackResult r = extractor.extract(new CatalogueFile(whole.path(), whole.relativePath(), 1000,
                whole.modified(), null));
        Row row = FeatureTable.rows(r, RUN).get(0);
        assertEquals(FeatureTable.STATUS_ERROR, column(row, FeatureTable.STATUS), r.error());
        assertEquals("Cut Short", column(row, FeatureTable.TAG_ARTIST));
        assertEquals(List.of("Jazz"), CollectionConverters.asJava((Seq<?>) column(row, FeatureTable.TAG_GENRES)));
    }
}
