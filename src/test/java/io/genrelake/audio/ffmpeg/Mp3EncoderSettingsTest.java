package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.mp3.Mp3Decoder;
import io.genrelake.testing.MonoSamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pure-Java MP3 decoder against FFmpeg's on files made with other encoder settings than the CBR ones of
 * {@link Mp3DecoderAgreementTest}: VBR at several qualities, ABR, simple (not joint) stereo, dual channel, no bit
 * reservoir, no LAME/Xing tag, an ID3v1 tag at the end instead of ID3v2 at the start, across MPEG-1 and MPEG-2 rates.
 * All made in process by FFmpeg's bundled libmp3lame: the bundled build has no other MP3 encoder (no libshine; its
 * mp2 encoder makes Layer II, which the Java decoder hands to FFmpeg, checked below), and no option for CRC-protected
 * frames.
 */
class Mp3EncoderSettingsTest {

    @TempDir
    Path dir;

    /** One way to encode: rate, channels, CBR bit rate (0 for VBR) and the settings. */
    record Setting(String label, int rate, int channels, long bitRate, UnaryOperator<SineEncoder> settings,
            boolean dualChannel) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Setting> settings() {
        return List.of(
                new Setting("VBR V0, 44.1 kHz joint stereo", 44100, 2, 0, e -> e.vbrQuality(0), false),
                new Setting("VBR V4, 48 kHz joint stereo", 48000, 2, 0, e -> e.vbrQuality(4), false),
                new Setting("VBR V9, 32 kHz mono", 32000, 1, 0, e -> e.vbrQuality(9), false),
                new Setting("VBR V2, MPEG-2 22.05 kHz", 22050, 2, 0, e -> e.vbrQuality(2), false),
                new Setting("VBR V6, MPEG-2 16 kHz mono", 16000, 1, 0, e -> e.vbrQuality(6), false),
                new Setting("ABR 160k, 44.1 kHz", 44100, 2, 160_000, e -> e.codecOption("abr", "1"), false),
                new Setting("ABR 64k, MPEG-2 24 kHz", 24000, 2, 64_000, e -> e.codecOption("abr", "1"), false),
                new Setting("CBR 192k simple stereo", 44100, 2, 192_000, e -> e.codecOption("joint_stereo", "0"), false),
                new Setting("CBR 192k dual channel", 44100, 2, 192_000,
                        e -> e.codecOption("joint_stereo", "0").muxerOption("id3v2_version", "0"), true),
                new Setting("CBR 128k without bit reservoir", 44100, 2, 128_000, e -> e.codecOption("reservoir", "0"),
                        false),
                new Setting("CBR 96k, ID3v1 and no ID3v2", 32000, 2, 96_000,
                        e -> e.muxerOption("id3v2_version", "0").muxerOption("write_id3v1", "1"), false),
                new Setting("VBR V3 without LAME/Xing tag", 44100, 2, 0,
                        e -> e.vbrQuality(3).muxerOption("write_xing", "0"), false),
                new Setting("CBR 32k without LAME/Xing tag, MPEG-2.5 11.025 kHz", 11025, 1, 32_000,
                        e -> e.muxerOption("write_xing", "0"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void samplesAgreeWithFfmpeg(Setting s) throws IOException {
        SineEncoder.Recipe recipe = new SineEncoder.Recipe("mp3", new String[] {"libmp3lame"}, "mp3", "mp3", "mp3",
                s.bitRate());
        assumeTrue(recipe.encoder() != null, "this FFmpeg build has no LAME encoder");
        Path file = dir.resolve("signal.mp3");
        double seconds = 3;
        s.settings().apply(new SineEncoder(recipe).sampleRate(s.rate()).channels(s.channels()).seconds(seconds)
                .signal(Mp3DecoderAgreementTest::signal)).writeTo(file);
        if (s.dualChannel()) {
            assertEquals(framesIn(file), DualChannel.markFrames(file), "every frame marked dual-channel");
        }
        boolean tagged = !s.label().contains("without LAME/Xing");

        float[] ours = decode(AudioDecoders.withJavaMp3(), file, "java-mp3");
        float[] ffmpeg = decode(AudioDecoders.builtIn().with(new FfmpegDecoder()), file, "ffmpeg");

        long encoded = Math.round(seconds * s.rate());
        if (tagged) {
            assertEquals(encoded, ours.length, "gapless from the LAME tag");
            assertTrue(ffmpeg.length >= ours.length && ffmpeg.length <= ours.length + 1152, ffmpeg.length + " samples");
        } else {
            // No tag: both hand out every decoded sample, encoder delay and padding included.
            assertTrue(ours.length > encoded, ours.length + " samples");
            assertTrue(Math.abs(ffmpeg.length - ours.length) <= 1152, ours.length + " vs FFmpeg's " + ffmpeg.length);
        }
        int n = Math.min(ours.length, ffmpeg.length);
        double snr = Mp3DecoderAgreementTest.signalToDifference(ffmpeg, ours, n);
        assertTrue(snr > 100, "signal-to-difference " + snr + " dB");
    }

    /** Layer II (FFmpeg's mp2 encoder) and 8-kHz MPEG-2.5: declined by the Java decoder, decoded by FFmpeg. */
    @Test
    void streamsTheJavaDecoderDeclinesGoToFfmpeg() throws IOException {
        SineEncoder.Recipe mp2 = new SineEncoder.Recipe("mp2", new String[] {"mp2"}, "mp2", "mp2", "mp2", 192_000);
        SineEncoder.Recipe mp3 = new SineEncoder.Recipe("mp3", new String[] {"libmp3lame"}, "mp3", "mp3", "mp3", 16_000);
        assumeTrue(mp2.encoder() != null && mp3.encoder() != null);
        Path layer2 = dir.resolve("layer2.mp2");
        new SineEncoder(mp2).sampleRate(44100).writeTo(layer2);
        Path eightK = dir.resolve("8k.mp3");
        new SineEncoder(mp3).sampleRate(8000).channels(1).writeTo(eightK);
        for (Path p : List.of(layer2, eightK)) {
            try (InputStream in = Files.newInputStream(p)) {
                assertEquals(null, new Mp3Decoder().open(new java.io.BufferedInputStream(in)), p + " is not taken");
            }
            float[] y = decode(AudioDecoders.withJavaMp3(), p, "ffmpeg");
            assertEquals(3.0, y.length / (double) (p == eightK ? 8000 : 44100), 0.1, p.toString());
        }
    }

    private static int framesIn(Path file) throws IOException {
        return DualChannel.countFrames(Files.readAllBytes(file));
    }

    /** The file's mono samples through {@code decoders}, which must pick the decoder named. */
    private static float[] decode(AudioDecoders decoders, Path file, String expectedDecoder) throws IOException {
        try (InputStream in = Files.newInputStream(file); AudioStream s = decoders.open(in, file.toString())) {
            assertNotNull(s);
            assertEquals(expectedDecoder, s.decoder(), file.toString());
            return MonoSamples.readAll(s);
        }
    }
}
