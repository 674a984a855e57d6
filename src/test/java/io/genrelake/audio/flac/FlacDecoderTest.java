package io.genrelake.audio.flac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.testing.FfmpegCli;
import io.genrelake.testing.MonoSamples;
import io.genrelake.testing.Prerequisite;
import io.genrelake.testing.SharedData;
import io.genrelake.testing.Tools;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pure-Java FLAC decoder against FFmpeg's: FLAC is lossless, so the mono floats must be equal, bit for bit, on
 * files from FFmpeg's encoder (fixed and LPC predictors up to order 32, every stereo mode, 1–6 channels, 16 and 24
 * bits, block sizes from 192 to 16384) and from libFLAC's ({@code flac}: every preset, wasted bits, constant and
 * verbatim subframes, 8 bits, 65535-sample blocks; Debian package {@code flac}, which .ci/run installs: skipped without
 * it, failed under CI=true), and on real music. Damaged and cut files, and streams it leaves to FFmpeg.
 */
class FlacDecoderTest {

    private static final AudioDecoders JAVA = AudioDecoders.of(new FlacDecoder());
    private static final AudioDecoders FFMPEG = AudioDecoders.builtIn().with(new FfmpegDecoder());

    @TempDir
    Path dir;

    /** Two seconds of two different tones with noise per channel, so that channels decorrelate differently. */
    private static List<String> signal(int channels, int rate, double seconds) {
        StringBuilder exprs = new StringBuilder();
        for (int c = 0; c < channels; c++) {
            exprs.append(c == 0 ? "" : "|").append("0.6*sin(").append(220 * (c + 1)).append("*2*PI*t)+0.05*random(")
                    .append(c).append(")");
        }
        return List.of("-f", "lavfi", "-i", "aevalsrc=exprs=" + exprs + ":s=" + rate + ":d=" + seconds);
    }

    @ParameterizedTest(name = "{0} ch, {1} Hz, {2}")
    @CsvSource(delimiter = '|', value = {
            "1 | 44100 | -compression_level 0",
            "2 | 44100 | -compression_level 5",
            "2 | 44100 | -compression_level 12",
            "2 | 48000 | -ch_mode indep",
            "2 | 44100 | -ch_mode left_side",
            "2 | 44100 | -ch_mode right_side",
            "2 | 44100 | -ch_mode mid_side -compression_level 8",
            "2 | 96000 | -sample_fmt s32 -compression_level 8",
            "1 | 8000 | -sample_fmt s32 -frame_size 192",
            "3 | 22050 | -compression_level 2",
            "6 | 48000 | -compression_level 5",
            "2 | 44100 | -frame_size 16384 -lpc_type cholesky -max_prediction_order 32 -lpc_coeff_precision 15",
            "2 | 32000 | -exact_rice_parameters 1 -prediction_order_method search -frame_size 1152",
            "2 | 11025 | -lpc_type none",
            "1 | 16000 | -lpc_type fixed -multi_dim_quant 1"})
    void ffmpegsEncoderBitForBit(int channels, int rate, String options) throws Exception {
        List<String> args = new ArrayList<>(signal(channels, rate, 2));
        args.addAll(Arrays.asList(options.trim().split("\\s+")));
        Path flac = dir.resolve("signal.flac");
        args.addAll(List.of("-c:a", "flac", flac.toString()));
        FfmpegCli.run(args.toArray(new String[0]));
        float[] ours = sameAsFfmpeg(flac);
        assertEquals(2 * rate, ours.length);
    }

    @ParameterizedTest(name = "flac {0}")
    @CsvSource(delimiter = '|', value = {
            "-0 | pcm_s16le | 44100 | 2",
            "-3 | pcm_s16le | 44100 | 2",
            "-5 | pcm_s16le | 22050 | 1",
            "-8 | pcm_s24le | 48000 | 2",
            "-8 -b 4608 | pcm_s16le | 44100 | 2",
            "--lax -l 32 -b 65535 | pcm_s16le | 44100 | 2",
            "-5 -b 576 | pcm_u8 | 8000 | 1",
            "-5 | wasted | 44100 | 2",
            "-5 | quiet | 44100 | 2",
            "-0 | noise | 44100 | 2"})
    void libFlacsEncoderBitForBit(String options, String input, int rate, int channels) throws Exception {
        Prerequisite.require(Tools.installed("flac", "--version"), "the flac tool is not installed (apt-get install flac)");
        Path wav = dir.resolve("in.wav");
        List<String> args = new ArrayList<>(switch (input) {
            // 16-bit audio in 24-bit words: every subframe has 8 wasted bits
            case "wasted" -> List.of("-f", "lavfi", "-i", "aevalsrc=exprs='floor(20000*sin(220*2*PI*t))/32768"
                    + "|floor(20000*sin(330*2*PI*t)+300*random(0))/32768':s=" + rate + ":d=3", "-c:a", "pcm_s24le");
            // digital silence between tones: constant subframes
            case "quiet" -> List.of("-f", "lavfi", "-i", "aevalsrc=exprs='if(gt(mod(t,1),0.5),0.5*sin(440*2*PI*t),0)"
                    + "|if(gt(mod(t,1),0.5),0.5*sin(550*2*PI*t),0)':s=" + rate + ":d=3", "-c:a", "pcm_s16le");
            // loud white noise: verbatim subframes
            case "noise" -> List.of("-f", "lavfi", "-i", "anoisesrc=a=1:c=white:r=" + rate + ":d=3", "-ac", "2",
                    "-c:a", "pcm_s16le");
            default -> concat(signal(channels, rate, 3), List.of("-c:a", input));
        });
        args.add(wav.toString());
        FfmpegCli.run(args.toArray(new String[0]));
        Path flac = dir.resolve("in.flac");
        List<String> cmd = new ArrayList<>(List.of("flac", "--silent", "--force"));
        cmd.addAll(Arrays.asList(options.trim().split("\\s+")));
        cmd.addAll(List.of("-o", flac.toString(), wav.toString()));
        run(cmd);
        float[] ours = sameAsFfmpeg(flac);
        assertEquals(3 * rate, ours.length);
    }

    @Test
    void realMusic() throws Exception {
        Path emotify = SharedData.require("emotify");
        for (String clip : List.of("classical/1.mp3", "rock/301.mp3", "electronic/101.mp3")) {
            Path flac = dir.resolve(clip.replace('/', '-').replace(".mp3", ".flac"));
            FfmpegCli.run("-i", emotify.resolve(clip).toString(), "-map", "0:a", "-c:a", "flac", flac.toString());
            float[] ours = sameAsFfmpeg(flac);
            assertTrue(ours.length > 29 * 44_100, clip + ": " + ours.length);
        }
    }

    @Test
    void throughTheStandardRegistry() throws Exception {
        Path flac = encode("s.flac", 1);
        try (InputStream in = Files.newInputStream(flac);
                AudioStream s = AudioDecoders.withJavaMp3().open(in, flac.toString())) {
            assertEquals("java-flac", s.decoder());
            assertEquals(44_100, s.sampleRate());
            assertEquals(2, s.channels());
            assertEquals(44_100, s.frameCount());
        }
        assertTrue(AudioDecoders.withJavaMp3().names().contains("java-mp3, java-flac, ffmpeg"),
                AudioDecoders.withJavaMp3().names());
    }

    @Test
    void aDamagedFrameIsSkippedAndACutFileIsTruncated() throws Exception {
        byte[] b = Files.readAllBytes(encode("d.flac", 10));
        float[] whole = decode(JAVA, b);
        byte[] damaged = b.clone();
        damaged[b.length / 2] ^= 0x5A; // inside a frame: its CRC-16 no longer matches
        float[] skipped = decode(JAVA, damaged);
        int lost = whole.length - skipped.length;
        assertTrue(lost > 0 && lost <= 2 * 4608, "one frame lost, maybe two: " + lost);

        byte[] cut = Arrays.copyOf(b, b.length / 2);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decode(JAVA, cut));
        assertTrue(e.getMessage().startsWith("truncated: decoding stopped after 4."), e.getMessage());

        byte[] tagged = concat(b, "TAG".concat("x".repeat(125)).getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(whole, decode(JAVA, tagged), "an ID3v1 tag after the last frame is no audio");
    }

    @Test
    void leavesToFfmpegWhatItDoesNotDecode() throws Exception {
        byte[] b = Files.readAllBytes(encode("w.flac", 1));
        byte[] wide = b.clone(); // STREAMINFO's bits per sample (5 bits across bytes 20–21) set to 32
        wide[8 + 12] = (byte) (wide[8 + 12] | 0x01);
        wide[8 + 13] = (byte) (wide[8 + 13] | 0xF0);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(wide));
        assertNull(new FlacDecoder().open(in), "32 bits: FFmpeg's");
        assertEquals('f', in.read(), "the stream is back at its start");

        byte[] noInfo = b.clone();
        noInfo[4] = (byte) ((noInfo[4] & 0x80) | 1); // the first block claims to be padding
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> decode(JAVA, noInfo));
        assertTrue(e.getMessage().contains("not STREAMINFO"), e.getMessage());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Path encode(String name, double seconds) throws Exception {
        Path flac = dir.resolve(name);
        List<String> args = new ArrayList<>(signal(2, 44_100, seconds));
        args.addAll(List.of("-c:a", "flac", flac.toString()));
        FfmpegCli.run(args.toArray(new String[0]));
        return flac;
    }

    /** Both decoders' mono floats, which must be equal; ours. */
    private static float[] sameAsFfmpeg(Path flac) throws IOException {
        byte[] b = Files.readAllBytes(flac);
        float[] ours = decode(JAVA, b);
        float[] theirs = decode(FFMPEG, b);
        assertEquals(theirs.length, ours.length, flac + ": sample count");
        assertArrayEquals(theirs, ours, flac.toString());
        return ours;
    }

    private static float[] decode(AudioDecoders decoders, byte[] file) throws IOException {
        try (AudioStream s = decoders.open(new ByteArrayInputStream(file), "test.flac")) {
            return MonoSamples.readAll(s);
        }
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("failed: " + cmd + "\n" + text);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
