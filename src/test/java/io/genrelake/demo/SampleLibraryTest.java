package io.genrelake.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.TrackFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLibraryTest {

    @Test
    void committedDataSampleIsExactlyWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        List<Path> files = SampleLibrary.write(dir);
        assertEquals(SampleLibrary.GENRES.length * SampleLibrary.CLIPS_PER_GENRE, files.size());
        Path committed = Path.of("data-sample");
        for (Path f : files) {
            Path c = committed.resolve(dir.relativize(f));
            assertTrue(Files.isRegularFile(c), "data-sample is missing " + c + ": run bin/genrelake make-sample-data");
            assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(f), c + " differs from the generator's output");
        }
    }

    @Test
    void genresDifferWhereTheFeaturesLook(@TempDir Path dir) throws IOException {
        FeatureExtractor fx = new FeatureExtractor();
        Map<String, TrackFeatures> first = new HashMap<>();
        for (Path f : SampleLibrary.write(dir)) {
            LoadedAudio a = AudioLoader.load(f);
            assertEquals(22050, a.sampleRate());
            String genre = f.getParent().getFileName().toString();
            first.putIfAbsent(genre, fx.extract(a.samples()));
        }
        // a steady pad is far more harmonic than a drum machine
        double ambientRatio = first.get("ambient").get("perceptr_var") / first.get("ambient").get("harmony_var");
        double technoRatio = first.get("techno").get("perceptr_var") / first.get("techno").get("harmony_var");
        assertTrue(ambientRatio < technoRatio / 4, "percussive/harmonic: ambient " + ambientRatio + ", techno " + technoRatio);
        // distortion and hats push energy up the spectrum
        assertTrue(first.get("rock").get("spectral_centroid_mean") > first.get("ambient").get("spectral_centroid_mean"));
        // the drum machine's 128 BPM is found (librosa's grid: lags 20 -> 129.2, 21 -> 123.0)
        assertEquals(128, first.get("techno").get("tempo"), 6);
    }
}
