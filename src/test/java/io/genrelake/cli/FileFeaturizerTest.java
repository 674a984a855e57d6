package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.DecoderBugException;
import io.genrelake.audio.ffmpeg.FailingDecoder;
import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.SegmentPlan;
import io.genrelake.jobs.LogCapture;
import io.genrelake.testing.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFeaturizerTest {

    private static final int SR = 22050;
    private static final SegmentPlan ONE_SECOND = SegmentPlan.ofSeconds(1, SR, SegmentPlan.Cut.KAGGLE);

    @TempDir
    Path dir;

    private Path wav(String relative, float[] samples) throws IOException {
        return WavFiles.writePcm16(dir.resolve(relative), samples, SR);
    }

    @Test
    void segmentNamesFollowTheKaggleThreeSecondTable() {
        assertEquals("blues.00000.3.wav", FileFeaturizer.segmentName("blues.00000.wav", 3));
        assertEquals("take.0.AIFF", FileFeaturizer.segmentName("take.AIFF", 0));
        assertEquals("noext.7", FileFeaturizer.segmentName("noext", 7));
        assertEquals(".hidden.1", FileFeaturizer.segmentName(".hidden", 1));
    }

    @Test
    void labelIsTheParentFolderName() {
        assertEquals("jazz", LabelSource.PARENT.labelOf(Path.of("/music/jazz/x.wav")));
        assertEquals("jazz", LabelSource.PARENT.labelOf(Path.of("/music/jazz/./x.wav")));
        assertEquals(Path.of("").toAbsolutePath().getFileName().toString(), LabelSource.PARENT.labelOf(Path.of("x.wav")));
        assertEquals("", LabelSource.NONE.labelOf(Path.of("/music/jazz/x.wav")));
    }

    @Test
    void streamingThresholdIsTenMinutesOfOutput() {
        assertEquals(13_230_000L, FileFeaturizer.LONG_FILE_SAMPLES);
    }

    // Needs the decoders only: the length checks come before the extractor.

    @Test
    void tooShortFileIsRejectedWithTheReasonUsersSee() throws IOException {
        Path f = wav("x/short.wav", WavFiles.sine(440, 0.5, 1000.0 / SR, SR));
        FileFeaturizer whole = new FileFeaturizer(null, LabelSource.PARENT);
        UnusableAudioException e = assertThrows(UnusableAudioException.class,
                () -> whole.rows(new FeatureExtractor(), f));
        assertEquals("too short: 1000 samples, need at least 2048 (one analysis frame)", e.getMessage());
    }

    @Test
    void clipWithoutAWholeSegmentIsRejected() throws IOException {
        Path f = wav("x/one.wav", WavFiles.sine(440, 0.5, 1.0, SR));
        FileFeaturizer threeSeconds = new FileFeaturizer(SegmentPlan.ofSeconds(3, SR, SegmentPlan.Cut.KAGGLE),
                LabelSource.PARENT);
        UnusableAudioException e = assertThrows(UnusableAudioException.class,
                () -> threeSeconds.rows(new FeatureExtractor(), f));
        assertEquals("no whole segment: 22050 samples, a segment needs 66150", e.getMessage());
        // The streaming path reads slot by slot and must come to the same verdict.
        FileFeaturizer streamed = new FileFeaturizer(SegmentPlan.ofSeconds(3, SR, SegmentPlan.Cut.KAGGLE),
                LabelSource.PARENT, 0, AudioDecoders.standard());
        e = assertThrows(UnusableAudioException.class, () -> streamed.rows(new FeatureExtractor(), f));
        assertEquals("no whole segment: 22050 samples, a segment needs 66150", e.getMessage());
    }

    @Test
    void shortReasonsReachTheErrorsFile() throws IOException {
        wav("in/short.wav", new float[100]);
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", dir.resolve("in").toString(), "--output", out.toString());
        assertEquals(1, run.exitCode(), run.transcript());
        List<String> errors = Files.readAllLines(dir.resolve("o.errors.csv"));
        // The reason holds a comma, so it is quoted.
        assertEquals(dir.resolve("in/short.wav") + ",\"too short: 100 samples, need at least 2048 (one analysis frame)\"",
                errors.get(1));
        assertTrue(run.err().contains("short.wav  ERROR too short: 100 samples"), run.err());
    }

    // Needs the feature engine.

    @Test
    void streamedSegmentsEqualInMemorySegments() throws IOException, UnusableAudioException {
        float[] y = WavFiles.sine(523.25, 0.4, 3.5, SR);
        Path f = wav("piano/c5.wav", y);
        FeatureExtractor extractor = new FeatureExtractor();
        List<KaggleRow> inMemory = new FileFeaturizer(ONE_SECOND, LabelSource.PARENT).rows(extractor, f);
        List<KaggleRow> streamed = new FileFeaturizer(ONE_SECOND, LabelSource.PARENT, 0, AudioDecoders.standard()).rows(extractor, f);
        assertEquals(3, inMemory.size()); // the last half second is not a whole segment
        assertEquals("c5.2.wav", inMemory.get(2).filename());
        assertEquals("piano", inMemory.get(2).label());
        // The same samples go to extract() either way (a slice of the clip, or a slot read from the file).
        assertEquals(inMemory, streamed);
    }

    @Test
    void streamedWholeClipAgreesWithInMemoryClip() throws IOException, UnusableAudioException {
        Path f = wav("piano/c5.wav", WavFiles.sine(523.25, 0.4, 3.5, SR));
        FeatureExtractor extractor = new FeatureExtractor();
        KaggleRow inMemory = new FileFeaturizer(null, LabelSource.PARENT).rows(extractor, f).get(0);
        KaggleRow streamed = new FileFeaturizer(null, LabelSource.PARENT, 0, AudioDecoders.standard()).rows(extractor, f).get(0);
        assertEquals(77175, inMemory.length());
        assertEquals(inMemory.length(), streamed.length());
        assertEquals("c5.wav", streamed.filename());
        // The streaming extractor may accumulate in another order: equal to float32 precision, not bit for bit.
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            double a = inMemory.values()[i];
            double b = streamed.values()[i];
            assertEquals(a, b, 1e-4 * Math.abs(a) + 1e-6, FeatureSet.NAMES.get(i));
        }
    }

    /**
     * A bug planted in the WAV decoder (after its first read, or on the streamed path after a window) sends the file
     * from its start to FFmpeg, which decodes the same PCM: the rows are those of a clean run, and the log says so.
     */
    @Test
    void aDecoderBugFallsBackToTheNextDecoder() throws IOException, UnusableAudioException {
        Path f = wav("piano/c5.wav", WavFiles.sine(523.25, 0.4, 3.5, SR));
        FeatureExtractor extractor = new FeatureExtractor();
        List<KaggleRow> clean = new FileFeaturizer(ONE_SECOND, LabelSource.PARENT).rows(extractor, f);
        AudioDecoders wav = AudioDecoders.builtIn();
        for (long threshold : new long[] {FileFeaturizer.LONG_FILE_SAMPLES, 0}) {
            AudioDecoders buggy = AudioDecoders.of(FailingDecoder.afterReads(wav.decoders().get(0), 1),
                    new FfmpegDecoder());
            List<KaggleRow> rows;
            try (LogCapture log = new LogCapture()) {
                rows = new FileFeaturizer(ONE_SECOND, LabelSource.PARENT, threshold, buggy).rows(extractor, f);
                assertTrue(log.text().contains(f + ": the wav decoder failed (java.lang.ArrayIndexOutOfBoundsException: "
                        + "planted bug"), log.text());
                assertTrue(log.text().contains("decoding the file again from its start with ffmpeg"), log.text());
            }
            assertEquals(clean.size(), rows.size(), "threshold " + threshold);
            for (int k = 0; k < rows.size(); k++) {
                for (int i = 0; i < FeatureSet.SIZE; i++) {
                    double a = clean.get(k).values()[i];
                    assertEquals(a, rows.get(k).values()[i], 1e-4 * Math.abs(a) + 1e-6,
                            "segment " + k + " " + FeatureSet.NAMES.get(i));
                }
            }
        }
        // With no decoder after the failing one, the bug is the file's failure.
        AudioDecoders alone = AudioDecoders.of(FailingDecoder.afterReads(wav.decoders().get(0), 1));
        DecoderBugException e = assertThrows(DecoderBugException.class,
                () -> new FileFeaturizer(ONE_SECOND, LabelSource.PARENT, FileFeaturizer.LONG_FILE_SAMPLES, alone)
                        .rows(extractor, f));
        assertEquals("wav", e.decoder());
    }
}
