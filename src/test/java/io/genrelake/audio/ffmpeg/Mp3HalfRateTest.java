package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.audio.Resampler;
import io.genrelake.audio.mp3.Mp3Decoder;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The MP3 decoder's half-rate output (synthesis and 2:1 resampling in one, what {@link MonoAudioSource} uses for
 * 44.1-kHz MP3s) against decoding at the full rate and resampling with {@link Resampler}: the same number of samples,
 * the same samples to the resampler's own −100 dB everywhere, the first and last ones included (they are replayed
 * the resampler's way), with and without a LAME tag, and when the stream is cut short.
 */
class Mp3HalfRateTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} Hz, {1} channels, {2} b/s")
    @CsvSource({"44100, 2, 128000", "44100, 2, 320000", "44100, 1, 96000", "48000, 2, 160000", "32000, 2, 96000",
            "22050, 2, 64000"})
    void halfRateEqualsFullRateResampled(int rate, int channels, long bitRate) throws IOException {
        byte[] file = encode(rate, channels, bitRate);
        assertAgrees(file, rate);
    }

    /** No LAME tag (its magic overwritten): nothing trimmed, an even start, the length known only at the end. */
    @Test
    void withoutTagAgreesToo() throws IOException {
        byte[] file = encode(44100, 2, 128000);
        String text = new String(file, 0, Math.min(file.length, 8192), StandardCharsets.ISO_8859_1);
        int tag = Math.max(text.indexOf("Info"), text.indexOf("Xing"));
        assertTrue(tag > 0, "the encoder wrote a LAME tag");
        file[tag] = 'J';
        assertAgrees(file, 44100);
    }

    /** Cut short: the samples before the cut agree, then both report the truncation. */
    @Test
    void truncatedStreamAgreesThenFails() throws IOException {
        byte[] whole = encode(44100, 2, 128000);
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);
        Decoded full = decode(cut, false);
        Decoded half = decode(cut, true);
        assertNotNull(full.failure);
        assertNotNull(half.failure);
        assertEquals(full.failure.getMessage(), half.failure.getMessage());
        assertSame(Resampler.resample(full.samples, 44100, 22050), half.samples);
    }

    @Test
    void monoAudioSourceLetsTheDecoderHalve() throws IOException {
        byte[] file = encode(44100, 2, 128000);
        AudioStream stream = new Mp3Decoder().open(new BufferedInputStream(new ByteArrayInputStream(file)));
        try (MonoAudioSource source = new MonoAudioSource(stream, 22050)) {
            assertEquals(44100, source.sampleRateIn());
            assertEquals(Resampler.outputLength(stream.frameCount(), 44100, 22050), source.expectedLength());
            assertTrue(!stream.halveRate(), "already halved: a second request is refused");
        }
    }

    private byte[] encode(int rate, int channels, long bitRate) throws IOException {
        SineEncoder.Recipe recipe = new SineEncoder.Recipe("mp3", new String[] {"libmp3lame"}, "mp3", "mp3", "mp3",
                bitRate);
        assumeTrue(recipe.encoder() != null, "this FFmpeg build has no LAME encoder");
        Path file = dir.resolve("signal-" + rate + "-" + bitRate + ".mp3");
        new SineEncoder(recipe).sampleRate(rate).channels(channels).seconds(3)
                .signal(Mp3DecoderAgreementTest::signal).writeTo(file);
        return Files.readAllBytes(file);
    }

    private static void assertAgrees(byte[] file, int rate) throws IOException {
        Decoded full = decode(file, false);
        Decoded half = decode(file, true);
        assertEquals(null, full.failure);
        assertEquals(null, half.failure);
        assertSame(Resampler.resample(full.samples, rate, rate / 2), half.samples);
    }

    /** Same length; signal-to-difference above 95 dB; no sample, edges included, off by more than 3·10⁻⁵. */
    private static void assertSame(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        double snr = Mp3DecoderAgreementTest.signalToDifference(expected, actual, expected.length);
        assertTrue(snr > 95, "signal-to-difference " + snr + " dB");
        assertTrue(worst < 3e-5, "largest difference " + worst);
    }

    private record Decoded(float[] samples, AudioFormatException failure) {}

    private static Decoded decode(byte[] file, boolean halve) throws IOException {
        AudioStream s = new Mp3Decoder().open(new BufferedInputStream(new ByteArrayInputStream(file)));
        assertNotNull(s);
        if (halve) {
            assertTrue(s.halveRate());
        }
        float[] out = new float[1 << 16];
        int n = 0;
        AudioFormatException failure = null;
        try (s) {
            while (true) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                int r = s.readMono(out, n, out.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (AudioFormatException e) {
            failure = e;
        }
        return new Decoded(Arrays.copyOf(out, n), failure);
    }
}
