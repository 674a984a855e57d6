package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.audio.WavWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ties {@link ExtractorVersion#CURRENT} to the numbers: the features of two fixed signals — a 44.1-kHz stereo WAV
 * (so the decoder, the mix to mono and the resampler take part) and a 22050-Hz clip — in both feature sets, each
 * rounded to 10 significant digits (far above a platform's last-bit differences, far below any real change) and
 * hashed. A change that moves a number fails here until the version is bumped and its hash added: tables and
 * models then tell the new features from the old ({@code classify} and {@code nightly} refuse to mix them).
 * The MP3 decoder is not in the chain (no MP3 encoder in the build); its bit-exact tests guard it.
 */
class ExtractorVersionTest {

    /** Every version's hash; a bump adds a line, the old ones stay as the record. */
    static final Map<String, String> HASHES = Map.of(
            "0.3.0", "45b15c919d493e9b93384fe7560783a9c0c76bf81d6cc397ff99cdc3a44d9624");

    @Test
    void theVersionNamesTheseNumbers(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(18);
        int rate = 44_100;
        float[] stereo = new float[2 * rate * 4];
        for (int i = 0; i < stereo.length / 2; i++) {
            double t = (double) i / rate;
            double chord = 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.2 * Math.sin(2 * Math.PI * 277.2 * t)
                    + 0.1 * Math.sin(2 * Math.PI * 329.6 * t) * (1 + Math.sin(2 * Math.PI * 2 * t));
            double beat = (i % (rate / 2)) < 800 ? 0.5 * (random.nextDouble() - 0.5) : 0;
            stereo[2 * i] = (float) (chord + beat);
            stereo[2 * i + 1] = (float) (0.8 * chord + 0.05 * (random.nextDouble() - 0.5));
        }
        Path wav = dir.resolve("chord.wav");
        WavWriter.writeFloat32(wav, stereo, 2, rate);
        LoadedAudio loaded = AudioLoader.load(wav);
        float[] clip = new float[FeatureExtractor.SAMPLE_RATE * 3];
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (0.4 * Math.sin(2 * Math.PI * 440 * i / 22050.0 + 3 * Math.sin(2 * Math.PI * 5 * i / 22050.0))
                    + 0.1 * (random.nextDouble() - 0.5));
        }

        StringBuilder text = new StringBuilder();
        for (FeatureSetKind kind : FeatureSetKind.values()) {
            FeatureExtractor extractor = new FeatureExtractor(kind);
            for (float[] signal : new float[][] {loaded.samples(), clip}) {
                for (double v : extractor.extract(signal).values()) {
                    text.append(String.format(Locale.ROOT, "%.9e", v)).append('\n');
                }
            }
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(HASHES.get(ExtractorVersion.CURRENT), hash, "the extractor's numbers are not those of version "
                + ExtractorVersion.CURRENT + ": bump ExtractorVersion.CURRENT (and say why there) and add \""
                + hash + "\" for it here");
    }
}
