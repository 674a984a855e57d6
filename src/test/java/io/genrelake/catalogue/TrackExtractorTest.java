package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.ffmpeg.IdleFfmpegProcesses;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSet;
import io.genrelake.testing.Prerequisite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file at a time through the extraction the executors run, without Spark. */
class TrackExtractorTest {

    @TempDir
    static Path root;
    static Map<String, TestLibrary.Expected> library;

    private final TrackExtractor extractor =
            new TrackExtractor(new Configuration(), AudioDecoders.standard(), TestLibrary.PLAN);

    @BeforeAll
    static void write() throws IOException {
        library = TestLibrary.writeAll(root);
    }

    private static CatalogueFile file(String relative) throws IOException {
        Path p = root.resolve(relative);
        return new CatalogueFile("file:" + p, relative, Files.size(p), Files.getLastModifiedTime(p).toMillis(), "x");
    }

    @Test
    void everyFileGetsItsWindowsOrTheReasonItHasNone() throws IOException {
        for (Map.Entry<String, TestLibrary.Expected> e : library.entrySet()) {
            TrackResult r = extractor.extract(file(e.getKey()));
            TestLibrary.Expected expected = e.getValue();
            if (expected.errorKind() == null) {
                assertTrue(r.ok(), e.getKey() + ": " + r.error());
                assertEquals(expected.windows(), r.windows().size(), e.getKey());
                for (TrackResult.WindowFeatures w : r.windows()) {
                    for (double v : w.values()) {
                        assertTrue(Double.isFinite(v), e.getKey() + " window " + w.window().index());
                    }
                }
            } else {
                assertEquals(expected.errorKind(), ErrorReason.kindOf(r.error()), e.getKey() + ": " + r.error());
                assertTrue(r.windows().isEmpty());
                assertNull(r.durationSeconds());
            }
        }
    }

    @Test
    void windowsAreTheFeaturesOfTheirSliceOfTheSignal() throws IOException {
        TrackResult r = extractor.extract(file("blues/tone.wav"));
        float[] y = AudioLoader.load(root.resolve("blues/tone.wav")).samples();
        assertEquals((double) y.length / 22050, r.durationSeconds(), 1e-12);
        FeatureExtractor reference = new FeatureExtractor();
        int[][] slices = {{0, 22050}, {22050, 44100}, {44100, y.length}};
        for (int k = 0; k < 3; k++) {
            TrackResult.WindowFeatures w = r.windows().get(k);
            assertEquals(k, w.window().index());
            assertEquals(slices[k][0], w.window().start());
            assertEquals(slices[k][1] - slices[k][0], w.window().length());
            assertArrayEquals(reference.extract(y, slices[k][0], slices[k][1]).values(), w.values(), "window " + k);
        }
        assertEquals(new AudioInfo("pcm_s16le", 22050, 1, "wav"), r.audio());
    }

    @Test
    void reportsTheInputFormatBeforeMixingAndResampling() throws IOException {
        TrackResult r = extractor.extract(file("classical/stereo44k.wav"));
        assertEquals(new AudioInfo("pcm_s16le", 44100, 2, "wav"), r.audio());
        assertEquals(2.0, r.durationSeconds(), 1e-3);
    }

    @Test
    void aTruncatedFileKeepsWhatTheHeaderSaidInItsErrorRow() throws IOException {
        TrackResult r = extractor.extract(file("bad/truncated.wav"));
        assertTrue(r.error().startsWith("truncated: "), r.error());
        assertEquals(new AudioInfo("pcm_s16le", 22050, 1, "wav"), r.audio()); // the header was fine
    }

    @Test
    void aFileDeletedAfterListingIsNotFound() throws IOException {
        String doomed = TestLibrary.writeDoomed(root);
        CatalogueFile listed = file(doomed);
        Files.delete(root.resolve(doomed));
        TrackResult r = extractor.extract(listed);
        assertEquals(ErrorReason.NOT_FOUND, ErrorReason.kindOf(r.error()), r.error());
        assertNull(r.audio());
    }

    @Test
    void silenceHasDefinedFeatures() throws IOException {
        TrackResult r = extractor.extract(file("ambient/silence.wav"));
        assertTrue(r.ok(), r.error());
        double[] v = r.windows().get(0).values();
        assertEquals(0.0, v[FeatureSet.RMS_MEAN]);
        assertEquals(FeatureSet.SIZE, v.length);
    }

    @Test
    void compressedFormatsDecodeThroughFfmpeg(@TempDir Path compressed) throws Exception {
        Map<String, TestLibrary.Expected> files = compressed(compressed);
        Map<String, String> codecs = Map.of("compressed/song.mp3", "mp3", "compressed/song.flac", "flac",
                "compressed/song.m4a", "aac", "compressed/song.ogg", "vorbis", "compressed/song.opus", "opus");
        for (Map.Entry<String, TestLibrary.Expected> e : files.entrySet()) {
            Path p = compressed.resolve(e.getKey());
            TrackResult r = extractor.extract(new CatalogueFile("file:" + p, e.getKey(), Files.size(p), 0, null));
            assertTrue(r.ok(), e.getKey() + ": " + r.error());
            assertEquals(e.getValue().windows(), r.windows().size(), e.getKey() + " " + r.durationSeconds() + " s");
            assertEquals(codecs.get(e.getKey()), r.audio().codec(), e.getKey());
            assertEquals(2, r.audio().channelsIn(), e.getKey());
            assertEquals(e.getKey().endsWith(".opus") ? 48000 : 44100, r.audio().sampleRateIn(), e.getKey());
        }
    }

    @Test
    void startingFfmpegsProcessIsCountedApartFromTagsAndDecoding(@TempDir Path compressed) throws Exception {
        compressed(compressed);
        Path ogg = compressed.resolve("compressed/song.ogg"); // tags and audio both read by FFmpeg
        try (IdleFfmpegProcesses held = IdleFfmpegProcesses.hold()) { // none idle: this extraction starts one
            TrackResult r = extractor.extract(new CatalogueFile("file:" + ogg, "song.ogg", Files.size(ogg), 0, null));
            assertTrue(r.ok(), r.error());
        }
        assertEquals(1, extractor.ffmpegStarts());
        assertTrue(extractor.ffmpegStartNanos() > 50_000_000L, "a process starts a JVM: " + extractor.ffmpegStartNanos());
        // the tag read, the first use of FFmpeg, started the process: its ~0.6 s must not count as reading tags
        assertTrue(extractor.tagNanos() < extractor.ffmpegStartNanos(), extractor.tagNanos() + " ns of tags");
        assertTrue(extractor.decodeNanos() < extractor.ffmpegStartNanos(), extractor.decodeNanos() + " ns decoding");
    }

    private static Map<String, TestLibrary.Expected> compressed(Path folder) throws Exception {
        Map<String, TestLibrary.Expected> files = TestLibrary.writeCompressed(folder);
        Prerequisite.require(!files.isEmpty(),
                "the ffmpeg tool is not installed: no compressed test files (apt-get install ffmpeg)");
        return files;
    }

    @Test
    void countsTheTimeSpentDecodingAndExtracting() throws IOException {
        extractor.extract(file("blues/tone.wav"));
        assertTrue(extractor.decodeNanos() > 0);
        assertTrue(extractor.featureNanos() > extractor.decodeNanos(), "features cost more than PCM decoding");
    }
}
