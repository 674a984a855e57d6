package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioLoader;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.TrackFeatures;
import io.genrelake.testing.FfmpegCli;
import io.genrelake.testing.SharedData;
import io.genrelake.testing.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end through the decoders and the feature engine, on WAV files the test writes. */
class FeaturesCommandHappyPathTest {

    private static final int SR = 22050;

    @TempDir
    Path dir;

    /** A 3-s, 440-Hz sine at half scale, 16-bit, in a folder named after its label. */
    private Path tone(String folder, String name, double hz) throws IOException {
        return WavFiles.writePcm16(dir.resolve("lib").resolve(folder).resolve(name),
                WavFiles.sine(hz, 0.5, 3.0, SR), SR);
    }

    private static void assertFinite(KaggleRow row) {
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            assertTrue(Double.isFinite(row.values()[i]), row.filename() + " " + FeatureSet.NAMES.get(i)
                    + " = " + row.values()[i]);
        }
    }

    @Test
    void wholeClipGivesOneLabelledRowOfFiniteValues() throws IOException {
        tone("sine", "tone.wav", 440);
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        assertEquals(String.join(",", FeatureSet.KAGGLE_HEADER), Files.readAllLines(out).get(0));
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(1, rows.size());
        KaggleRow row = rows.get(0);
        assertEquals("tone.wav", row.filename());
        assertEquals("sine", row.label());
        assertEquals(66150, row.length());
        assertFinite(row);
        assertTrue(row.get("rms_mean") > 0.3 && row.get("rms_mean") < 0.4, "rms of a 0.5 sine is ~0.354: " + row);
        assertEquals(List.of("path,reason"), Files.readAllLines(dir.resolve("o.errors.csv")));
        assertTrue(run.err().contains("[1/1] sine/tone.wav  ok  "), run.err());
        assertTrue(run.err().contains("1 file ok, 0 errors; 1 row written"), run.err());
    }

    @Test
    void aFolderOfMp3sIsWalkedAsExtractListsIt() throws Exception {
        Path wav = tone("sine", "tone.wav", 440);
        Path mp3 = dir.resolve("lib").resolve("coded").resolve("tone.mp3");
        Files.createDirectories(mp3.getParent());
        FfmpegCli.run("-i", wav.toString(), "-c:a", "libmp3lame", mp3.toString());
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(List.of("tone.mp3", "tone.wav"), rows.stream().map(KaggleRow::filename).toList());
        assertEquals("coded", rows.get(0).label());
        assertFinite(rows.get(0));
        assertTrue(run.err().contains("2 files ok, 0 errors; 2 rows written"), run.err());
    }

    @Test
    void writtenValuesAreExactlyTheExtractorsValues() throws IOException {
        Path wav = tone("sine", "tone.wav", 440);
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", wav.toString(), "--output", out.toString(), "--label-from", "none");
        assertEquals(0, run.exitCode(), run.transcript());
        KaggleRow row = KaggleCsv.read(out).get(0);
        assertEquals("", row.label());
        TrackFeatures direct = new FeatureExtractor().extract(AudioLoader.load(wav).samples());
        assertEquals(direct.length(), row.length());
        assertArrayEquals(direct.values(), row.values(), "the CSV must re-read to the same doubles");
    }

    @Test
    void oneSecondSegmentsGiveThreeKaggleCutRows() throws IOException {
        tone("sine", "tone.wav", 440);
        Path out = dir.resolve("seg.csv");
        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString(),
                "--window-seconds", "1");
        assertEquals(0, run.exitCode(), run.transcript());
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(List.of("tone.0.wav", "tone.1.wav", "tone.2.wav"), rows.stream().map(KaggleRow::filename).toList());
        for (KaggleRow row : rows) {
            assertEquals(22049, row.length(), row.filename());
            assertEquals("sine", row.label());
            assertFinite(row);
        }
        assertTrue(run.err().contains("(3 segments)"), run.err());
    }

    @Test
    void exactCutSegmentsAreWholeSlots() throws IOException {
        tone("sine", "tone.wav", 440);
        Path out = dir.resolve("seg.csv");
        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString(),
                "--window-seconds", "1", "--window-cut", "exact");
        assertEquals(0, run.exitCode(), run.transcript());
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(3, rows.size());
        rows.forEach(r -> assertEquals(22050, r.length(), r.filename()));
    }

    @Test
    void manyFilesOnSeveralThreadsComeOutInPathOrderAndBadOnesAreSkipped() throws IOException {
        tone("b", "t3.wav", 330);
        tone("a", "t2.wav", 220);
        tone("b", "t1.WAV", 110);
        tone("a", "t4.aiff.wav", 440);
        tone("c", "t5.wav", 550);
        Files.write(dir.resolve("lib/a/broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path out = dir.resolve("many.csv");
        CliRun run = CliRun.of("features", dir.resolve("lib").toString(), "--output", out.toString(), "--parallelism", "3");
        assertEquals(0, run.exitCode(), run.transcript());
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(List.of("t2.wav", "t4.aiff.wav", "t1.WAV", "t3.wav", "t5.wav"),
                rows.stream().map(KaggleRow::filename).toList());
        assertEquals(List.of("a", "a", "b", "b", "c"), rows.stream().map(KaggleRow::label).toList());
        // Higher tones have higher spectral centroids: the rows belong to the files they name.
        double[] hz = {220, 440, 110, 330, 550};
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.size(); j++) {
                if (hz[i] < hz[j]) {
                    assertTrue(rows.get(i).get("spectral_centroid_mean") < rows.get(j).get("spectral_centroid_mean"),
                            rows.get(i).filename() + " vs " + rows.get(j).filename());
                }
            }
        }
        List<String> errors = Files.readAllLines(dir.resolve("many.errors.csv"));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(1).contains("broken.wav"), errors.toString());
        assertTrue(run.err().contains("5 files ok, 1 error; 5 rows written"), run.err());
    }

    @Test
    void gtzanClipsReproduceTheKaggleTable() throws IOException {
        Path audio = SharedData.require("gtzan/audio");
        Map<String, KaggleRow> kaggle = KaggleCsv.read(SharedData.require("gtzan/features_30_sec.csv")).stream()
                .collect(Collectors.toMap(KaggleRow::filename, r -> r));
        Path out = dir.resolve("gtzan.csv");
        CliRun run = CliRun.of("features", audio.toString(), "--output", out.toString());
        assertEquals(0, run.exitCode(), run.transcript());
        List<KaggleRow> rows = KaggleCsv.read(out);
        assertEquals(8, rows.size(), run.transcript());
        for (KaggleRow row : rows) {
            KaggleRow expected = kaggle.get(row.filename());
            assertTrue(expected != null, row.filename() + " is not in features_30_sec.csv");
            assertEquals(expected.length(), row.length(), row.filename());
            assertEquals(expected.label(), row.label(), row.filename());
            for (int i = 0; i < FeatureSet.SIZE; i++) {
                // librosa itself reproduces the table to 5.1e-6 relative (shared/golden/README.md).
                double want = expected.values()[i];
                assertEquals(want, row.values()[i], 1e-4 * Math.abs(want) + 1e-12,
                        row.filename() + " " + FeatureSet.NAMES.get(i));
            }
        }
    }
}
