package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.mp3.Mp3Decoder;
import io.genrelake.testing.MonoSamples;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java MP3 decoder against FFmpeg's on the same files (LAME encodes, in process): the same samples to
 * float rounding, at every MPEG version and sample rate it takes, on a signal whose channels differ and whose
 * clicks make LAME switch to short blocks (so mid/side and left/right frames, and unequal block types, all occur).
 */
class Mp3DecoderAgreementTest {

    @TempDir
    Path dir;

    /** Left: a chirp with clicks every 0.25 s; right: two tones with noise bursts in between. */
    static double signal(int c, double t) {
        if (c == 0) {
            double chirp = 0.3 * Math.sin(2 * Math.PI * (200 * t + 400 * t * t));
            double sinceClick = t % 0.25;
            return chirp + (sinceClick < 0.002 ? 0.6 * Math.exp(-sinceClick * 2000) : 0);
        }
        double tones = 0.2 * Math.sin(2 * Math.PI * 330 * t) + 0.15 * Math.sin(2 * Math.PI * 2500 * t);
        double sinceBurst = (t + 0.125) % 0.5;
        double noise = sinceBurst < 0.01 ? 0.4 * (((long) (t * 1e6) * 2654435761L >>> 7 & 1023) / 512.0 - 1) : 0;
        return tones + noise;
    }

    @ParameterizedTest(name = "{0} Hz, {1} channels, {2} b/s")
    @CsvSource({"44100, 2, 128000", "44100, 2, 320000", "44100, 1, 96000", "48000, 2, 160000", "32000, 2, 96000",
            "22050, 2, 64000", "24000, 2, 48000", "16000, 1, 32000", "11025, 2, 32000", "12000, 1, 24000"})
    void samplesAgreeWithFfmpeg(int rate, int channels, long bitRate) throws IOException {
        SineEncoder.Recipe recipe = new SineEncoder.Recipe("mp3", new String[] {"libmp3lame"}, "mp3", "mp3", "mp3",
                bitRate);
        assumeTrue(recipe.encoder() != null, "this FFmpeg build has no LAME encoder");
        Path file = dir.resolve("signal-" + rate + ".mp3");
        double seconds = 4;
        new SineEncoder(recipe).sampleRate(rate).channels(channels).seconds(seconds)
                .signal(Mp3DecoderAgreementTest::signal).writeTo(file);

        float[] ours = decode(new Mp3Decoder(), file);
        float[] ffmpeg = decode(new FfmpegDecoder(), file);

        // Gapless: encoder delay and padding trimmed from the LAME tag, so exactly the samples encoded.
        assertEquals(Math.round(seconds * rate), ours.length);
        // FFmpeg trims the start alike but keeps up to a frame of the padding at the end.
        assertTrue(ffmpeg.length >= ours.length && ffmpeg.length <= ours.length + 1152, ffmpeg.length + " samples");
        double snr = signalToDifference(ffmpeg, ours, ours.length);
        assertTrue(snr > 100, "signal-to-difference " + snr + " dB");
    }

    /** 10·log10 of the power of {@code reference} over that of {@code actual − reference}, their first n samples. */
    static double signalToDifference(float[] reference, float[] actual, int n) {
        double error = 0;
        double power = 0;
        for (int i = 0; i < n; i++) {
            double d = actual[i] - reference[i];
            error += d * d;
            power += (double) reference[i] * reference[i];
        }
        return 10 * Math.log10(power / Math.max(error, 1e-30));
    }

    @Test
    void registryWithJavaMp3DecodesMp3InJava() throws IOException {
        Path file = dir.resolve("sine.mp3");
        assumeTrue(SineEncoder.MP3.encoder() != null);
        new SineEncoder(SineEncoder.MP3).writeTo(file);
        try (InputStream in = Files.newInputStream(file);
                AudioStream s = AudioDecoders.withJavaMp3().open(in, "sine.mp3")) {
            assertEquals("mp3", s.codec());
            assertEquals(44100 * 3, s.frameCount(), "from the LAME tag: frames·1152 − delay − padding");
        }
    }

    /** Cut at half: the audio before the cut, then "truncated: ..." (the tag declares 3 s). */
    @Test
    void truncatedFileSaysTruncatedAfterItsAudio() throws IOException {
        assumeTrue(SineEncoder.MP3.encoder() != null);
        Path whole = dir.resolve("whole.mp3");
        new SineEncoder(SineEncoder.MP3).writeTo(whole);
        byte[] bytes = Files.readAllBytes(whole);
        AudioStream s = new Mp3Decoder().open(new BufferedInputStream(new ByteArrayInputStream(
                Arrays.copyOf(bytes, bytes.length / 2))));
        float[] buffer = new float[44100 * 4];
        int read = 0;
        AudioFormatException failure = null;
        try (s) {
            for (int n; (n = s.readMono(buffer, read, 1024)) > 0; ) {
                read += n;
            }
        } catch (AudioFormatException e) {
            failure = e;
        }
        assertNotNull(failure, read + " samples and no error");
        assertTrue(failure.getMessage().startsWith("truncated: decoding stopped after 1."), failure.getMessage());
        assertEquals(1.5, read / 44100.0, 0.1);
    }

    /** Noise over 0.5 % of the file costs a few frames, not the file; over a fifth it is reported as corrupt. */
    @Test
    void damagedBytesAreSkippedOrReported() throws IOException {
        assumeTrue(SineEncoder.MP3.encoder() != null);
        Path file = dir.resolve("sine.mp3");
        new SineEncoder(SineEncoder.MP3).writeTo(file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(3.0, decode(new Mp3Decoder(), damaged(bytes, 0.5, 0.505)).length / 44100.0, 0.15);
        AudioFormatException e = org.junit.jupiter.api.Assertions.assertThrows(AudioFormatException.class,
                () -> decode(new Mp3Decoder(), damaged(bytes, 0.3, 0.7)));
        assertTrue(e.getMessage().startsWith("corrupt: only "), e.getMessage());
    }

    private Path damaged(byte[] original, double from, double to) throws IOException {
        byte[] bytes = original.clone();
        Random random = new Random(5);
        for (int i = (int) (bytes.length * from); i < (int) (bytes.length * to); i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return Files.write(dir.resolve("damaged-" + from + ".mp3"), bytes);
    }

    /** An ID3v2 tag in front of FLAC: the MP3 decoder looks past the tag, finds no frames and hands it on. */
    @Test
    void id3TaggedFlacGoesToFfmpeg() throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null);
        Path flac = dir.resolve("sine.flac");
        new SineEncoder(SineEncoder.FLAC).writeTo(flac);
        byte[] body = Files.readAllBytes(flac);
        byte[] tag = new byte[10 + 300];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[8] = 2; // sync-safe size 2·128 + 44 = 300
        tag[9] = 44;
        byte[] file = Arrays.copyOf(tag, tag.length + body.length);
        System.arraycopy(body, 0, file, tag.length, body.length);

        InputStream in = new BufferedInputStream(new ByteArrayInputStream(file));
        assertNull(new Mp3Decoder().open(in), "not MP3");
        assertEquals('I', in.read(), "the stream is back at its start");

        try (AudioStream s = AudioDecoders.withJavaMp3().open(new ByteArrayInputStream(file), "tagged.flac")) {
            assertEquals("flac", s.codec());
        }
    }

    /** Noise behind a valid-looking header is not MP3: declined, so the caller's error comes from FFmpeg. */
    @Test
    void headerFollowedByNoiseIsDeclined() throws IOException {
        byte[] junk = new byte[1 << 14];
        new Random(3).nextBytes(junk);
        junk[0] = (byte) 0xFF;
        junk[1] = (byte) 0xFB;
        junk[2] = (byte) 0x90;
        junk[3] = (byte) 0x64;
        Mp3Decoder decoder = new Mp3Decoder();
        assertTrue(decoder.sniff(junk, 64));
        assertNull(decoder.open(new BufferedInputStream(new ByteArrayInputStream(junk))));
    }

    private static float[] decode(AudioDecoder decoder, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            AudioStream s = decoder.open(in);
            assertNotNull(s, decoder.name() + " declined " + file);
            try (s) {
                return MonoSamples.readAll(s);
            }
        }
    }
}
