package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.mp3.Mp3Decoder;
import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.ErrorReason;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.RunStamp;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.catalogue.TrackExtractor;
import io.genrelake.catalogue.TrackResult;
import io.genrelake.jobs.LogCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug in the pure-Java MP3 decoder (planted by {@link FailingDecoder}) sends the file to FFmpeg, which decodes it
 * again from its start: the rows are FFmpeg's alone, say so in {@code decoder}, and the fallback is counted and
 * logged. Documented failures (truncated) stay the Java decoder's verdict.
 */
class Mp3FallbackTest {

    @TempDir
    static Path dir;
    static Path mp3;

    private static final AudioDecoders FFMPEG_ONLY = AudioDecoders.builtIn().with(new FfmpegDecoder());

    @BeforeAll
    static void encode() throws IOException {
        assumeTrue(SineEncoder.MP3.encoder() != null, "this FFmpeg build has no LAME encoder");
        mp3 = dir.resolve("signal.mp3");
        new SineEncoder(SineEncoder.MP3).seconds(3.5).signal(Mp3DecoderAgreementTest::signal).writeTo(mp3);
    }

    private static CatalogueFile listed(Path p) throws IOException {
        return new CatalogueFile("file:" + p, p.getFileName().toString(), Files.size(p), 0, "rock");
    }

    private static TrackExtractor extractor(AudioDecoders decoders) {
        return new TrackExtractor(new Configuration(), decoders, TestLibrary.PLAN);
    }

    private static AudioDecoders javaMp3(FailingDecoder failing) {
        return AudioDecoders.builtIn().with(failing).with(new FfmpegDecoder());
    }

    @Test
    void aBugAfterSomeWindowsRestartsTheFileWithFfmpeg() throws IOException {
        TrackResult reference = extractor(FFMPEG_ONLY).extract(listed(mp3));
        assertTrue(reference.ok(), reference.error());
        TrackExtractor extractor = extractor(javaMp3(FailingDecoder.afterReads(new Mp3Decoder(), 2)));
        TrackResult r;
        try (LogCapture log = new LogCapture()) {
            r = extractor.extract(listed(mp3));
            String text = log.text();
            String path = "file:" + mp3;
            assertEquals(1, text.split("the java-mp3 decoder failed", -1).length - 1, text);
            assertTrue(text.contains(path + ": the java-mp3 decoder failed (java.lang.ArrayIndexOutOfBoundsException: "
                    + "planted bug: Index 576 out of bounds for length 576 at io.genrelake.audio.ffmpeg.FailingDecoder"),
                    text);
            assertTrue(text.contains("decoding the file again from its start with ffmpeg"), text);
        }
        assertTrue(r.ok(), r.error());
        assertEquals(1, extractor.fallbacks());
        assertEquals("ffmpeg", r.audio().decoder());
        assertEquals("mp3", r.audio().codec());
        // Exactly FFmpeg's windows: nothing of the two windows the Java decoder had handed out is left.
        assertEquals(reference.durationSeconds(), r.durationSeconds());
        assertEquals(reference.windows().size(), r.windows().size());
        for (int k = 0; k < r.windows().size(); k++) {
            assertArrayEquals(reference.windows().get(k).values(), r.windows().get(k).values(), "window " + k);
        }
        List<Row> rows = FeatureTable.rows(r, new RunStamp("test", 0));
        for (Row row : rows) {
            assertEquals("ffmpeg", row.get(FeatureTable.SCHEMA.fieldIndex(FeatureTable.DECODER)));
            assertEquals(FeatureTable.STATUS_OK, row.get(FeatureTable.SCHEMA.fieldIndex(FeatureTable.STATUS)));
        }
    }

    @Test
    void aBugWhileOpeningGoesToFfmpegToo() throws IOException {
        TrackExtractor extractor = extractor(javaMp3(FailingDecoder.whileOpening(new Mp3Decoder())));
        TrackResult r = extractor.extract(listed(mp3));
        assertTrue(r.ok(), r.error());
        assertEquals("ffmpeg", r.audio().decoder());
        assertEquals(1, extractor.fallbacks());
    }

    @Test
    void withoutTheBugTheJavaDecoderMakesTheRows() throws IOException {
        TrackExtractor extractor = extractor(AudioDecoders.withJavaMp3());
        TrackResult r = extractor.extract(listed(mp3));
        assertTrue(r.ok(), r.error());
        assertEquals("java-mp3", r.audio().decoder());
        assertEquals(0, extractor.fallbacks());
    }

    @Test
    void withNoDecoderAfterItTheBugIsAnInternalError() throws IOException {
        TrackExtractor extractor = extractor(AudioDecoders.builtIn().with(FailingDecoder.afterReads(new Mp3Decoder(), 2)));
        TrackResult r = extractor.extract(listed(mp3));
        assertEquals("internal error: java.lang.ArrayIndexOutOfBoundsException: planted bug: Index 576 out of bounds "
                + "for length 576", r.error());
        assertEquals("java-mp3", r.audio().decoder(), "the row names the decoder that failed");
        assertEquals(0, extractor.fallbacks());
    }

    /** A truncated file is a bad file, not a bug: the Java decoder's verdict stands and FFmpeg is not asked. */
    @Test
    void truncatedStaysTruncatedWithoutFallback() throws IOException {
        byte[] bytes = Files.readAllBytes(mp3);
        Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(bytes, bytes.length / 2));
        TrackExtractor extractor = extractor(AudioDecoders.withJavaMp3());
        TrackResult r = extractor.extract(listed(cut));
        assertEquals(ErrorReason.TRUNCATED, ErrorReason.kindOf(r.error()), r.error());
        assertEquals("java-mp3", r.audio().decoder());
        assertEquals(0, extractor.fallbacks());
        assertFalse(r.ok());
    }
}
