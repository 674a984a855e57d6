package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.WavWriter;
import io.genrelake.testing.MonoSamples;
import io.genrelake.testing.Prerequisite;
import io.genrelake.testing.Tools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java MP3 decoder against FFmpeg's on files made by the {@code lame} command with what FFmpeg's libmp3lame
 * wrapper cannot ask for: CRC-protected frames ({@code -p}) and dual-channel mode ({@code -m d}), with VBR, ABR, CBR,
 * forced mid/side and no LAME tag around them. Needs the {@code lame} tool (Debian package {@code lame}; .ci/run
 * installs it): skipped without it, failed under CI=true.
 */
class Mp3LameCliTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "lame {1} at {0} Hz")
    @CsvSource(delimiter = '|', value = {
            "44100 | -b 128 -p",
            "44100 | -m d -b 192 -p",
            "44100 | -m d -b 160",
            "48000 | -V 2 -p",
            "32000 | -m f -b 96 -p",
            "22050 | --abr 64 -m m -p",
            "24000 | -m d -V 5",
            "16000 | -b 32 -p -t",
            "44100 | -b 128 -t --nores"})
    void samplesAgreeWithFfmpeg(int rate, String options) throws IOException, InterruptedException {
        Prerequisite.require(Tools.installed("lame", "--version"), "the lame tool is not installed (apt-get install lame)");
        Path wav = dir.resolve("signal.wav");
        double seconds = 3;
        boolean mono = options.contains("-m m");
        int n = (int) Math.round(seconds * rate);
        float[] interleaved = new float[mono ? n : 2 * n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < (mono ? 1 : 2); c++) {
                interleaved[mono ? i : 2 * i + c] = (float) Mp3DecoderAgreementTest.signal(c, i / (double) rate);
            }
        }
        WavWriter.writePcm16(wav, interleaved, mono ? 1 : 2, rate);
        Path mp3 = dir.resolve("signal.mp3");
        lame(options, wav, mp3);
        byte[] bytes = Files.readAllBytes(mp3);
        assertEquals(0xFF, bytes[0] & 0xFF, "no ID3v2 tag: a frame first");
        assertEquals(options.contains("-p") ? 0 : 1, bytes[1] & 0x01, "protection bit (0: CRC follows the header)");
        if (options.contains("-m d")) {
            assertEquals(2, (bytes[3] & 0xC0) >> 6, "dual-channel mode");
        }

        float[] ours = decode(AudioDecoders.withJavaMp3(), mp3, "java-mp3");
        float[] ffmpeg = decode(AudioDecoders.builtIn().with(new FfmpegDecoder()), mp3, "ffmpeg");
        if (!options.contains("-t")) {
            assertEquals(n, ours.length, "gapless from the LAME tag");
        }
        assertTrue(Math.abs(ffmpeg.length - ours.length) <= 1152, ours.length + " vs FFmpeg's " + ffmpeg.length);
        double snr = Mp3DecoderAgreementTest.signalToDifference(ffmpeg, ours, Math.min(ours.length, ffmpeg.length));
        assertTrue(snr > 100, "signal-to-difference " + snr + " dB");
    }

    private static void lame(String options, Path in, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("lame", "--quiet"));
        cmd.addAll(Arrays.asList(options.trim().split("\\s+")));
        cmd.addAll(List.of(in.toString(), out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("lame failed: " + cmd + "\n" + text);
        }
    }

    private static float[] decode(AudioDecoders decoders, Path file, String expectedDecoder) throws IOException {
        try (InputStream in = Files.newInputStream(file); AudioStream s = decoders.open(in, file.toString())) {
            assertEquals(expectedDecoder, s.decoder(), file.toString());
            return MonoSamples.readAll(s);
        }
    }
}
