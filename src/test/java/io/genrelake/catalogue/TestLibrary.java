package io.genrelake.catalogue;

import io.genrelake.audio.WavWriter;
import io.genrelake.testing.Tools;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small generated music library for the extract tests: usable tracks in genre folders and one file of
 * every kind the job must survive. Sizes are chosen for 1-second windows with a 0.5-second minimum final
 * window ({@link #PLAN}), so the tests stay fast while every windowing rule is exercised.
 */
public final class TestLibrary {

    public static final int SR = 22050;
    /** The plan the library's expectations are written for. */
    public static final WindowPlan PLAN = WindowPlan.ofSeconds(1, 0.5);

    /** What the job must make of one file: its window count, or the kind of its error. */
    public record Expected(int windows, String errorKind) {
        static Expected ok(int windows) {
            return new Expected(windows, null);
        }

        static Expected error(String kind) {
            return new Expected(0, kind);
        }
    }

    private TestLibrary() {}

    /** The usable tracks only, by path relative to {@code root}. */
    public static Map<String, Expected> writeGood(Path root) throws IOException {
        Map<String, Expected> files = new LinkedHashMap<>();
        // 2.6 s: windows [0,1) [1,2) and a 0.6-s final window (>= 0.5 s, kept)
        WavWriter.writePcm16(dir(root, "blues").resolve("tone.wav"), music(2.6, 220, 1), SR);
        files.put("blues/tone.wav", Expected.ok(3));
        // 2.3 s: the 0.3-s final window is dropped
        WavWriter.writePcm16(dir(root, "rock").resolve("noise.WAV"), music(2.3, 330, 2), SR);
        files.put("rock/noise.WAV", Expected.ok(2));
        // 0.4 s: shorter than the minimum final window, but the only window: kept
        WavWriter.writePcm16(dir(root, "jazz").resolve("short.wav"), music(0.4, 440, 3), SR);
        files.put("jazz/short.wav", Expected.ok(1));
        // 44.1 kHz stereo: mixed to mono and resampled; 2 s → two windows
        WavWriter.writePcm16(dir(root, "classical").resolve("stereo44k.wav"), stereo(2.0, 44100), 2, 44100);
        files.put("classical/stereo44k.wav", Expected.ok(2));
        // silence is valid: features are defined
        WavWriter.writePcm16(dir(root, "ambient").resolve("silence.wav"), new float[(int) (1.5 * SR)], SR);
        files.put("ambient/silence.wav", Expected.ok(2));
        // an AU file named .wav: decoders go by the bytes, not the name
        Files.write(dir(root, "pop").resolve("really-au.wav"), au(music(1.2, 550, 4)));
        files.put("pop/really-au.wav", Expected.ok(1));
        return files;
    }

    /** Usable tracks plus one file of every kind of bad input, by path relative to {@code root}. */
    public static Map<String, Expected> writeAll(Path root) throws IOException {
        Map<String, Expected> files = writeGood(root);
        Path bad = dir(root, "bad");
        Files.write(bad.resolve("empty.wav"), new byte[0]);
        files.put("bad/empty.wav", Expected.error(ErrorReason.EMPTY));

        Files.write(bad.resolve("zero.wav"), wav(1, 1, SR, 16, 2, new byte[0], 0));
        files.put("bad/zero.wav", Expected.error(ErrorReason.ZERO_DURATION));

        Files.write(bad.resolve("tiny.wav"), pcm16(new float[1000], 1, SR));
        files.put("bad/tiny.wav", Expected.error(ErrorReason.TOO_SHORT));

        byte[] whole = pcm16(music(3.0, 200, 5), 1, SR);
        Files.write(bad.resolve("truncated.wav"), Arrays.copyOf(whole, whole.length / 2));
        files.put("bad/truncated.wav", Expected.error(ErrorReason.TRUNCATED));

        Files.write(bad.resolve("corrupt.wav"), wav(1, 0, SR, 16, 2, new byte[4000], 4000));
        files.put("bad/corrupt.wav", Expected.error(ErrorReason.CORRUPT));

        Files.write(bad.resolve("adpcm.wav"), wav(2, 1, SR, 4, 256, new byte[4096], 4096));
        files.put("bad/adpcm.wav", Expected.error(ErrorReason.UNSUPPORTED));

        Files.writeString(bad.resolve("notes.mp3"), "not audio at all, just a text file with an audio name\n");
        files.put("bad/notes.mp3", Expected.error(ErrorReason.UNSUPPORTED));

        // Not listed: no audio extension, or hidden.
        Files.writeString(bad.resolve("cover.jpg"), "jpeg");
        Files.writeString(dir(root, "blues").resolve("._tone.wav"), "AppleDouble");
        return files;
    }

    /**
     * Compressed formats, encoded by the ffmpeg tool from a 44.1-kHz stereo WAV: MP3, FLAC, AAC in M4A
     * with its index (moov) after the audio, as ffmpeg writes it (decoding must seek back), Ogg Vorbis and
     * Opus. Empty when ffmpeg is not installed (it is a benchmark and test tool, not a dependency).
     * Durations keep each final window far from the 0.5-s rule, whatever the codecs' padding.
     */
    public static Map<String, Expected> writeCompressed(Path root) throws IOException, InterruptedException {
        Map<String, Expected> files = new LinkedHashMap<>();
        if (!Tools.installed("ffmpeg", "-version")) {
            return files;
        }
        Path dir = dir(root, "compressed");
        encode(dir, 2.75, "song.mp3", List.of("-codec:a", "libmp3lame", "-b:a", "192k"));
        files.put("compressed/song.mp3", Expected.ok(3));
        encode(dir, 2.2, "song.flac", List.of("-codec:a", "flac"));
        files.put("compressed/song.flac", Expected.ok(2));
        encode(dir, 1.75, "song.m4a", List.of("-codec:a", "aac", "-b:a", "160k"));
        files.put("compressed/song.m4a", Expected.ok(2));
        encode(dir, 1.25, "song.ogg", List.of("-codec:a", "libvorbis"));
        files.put("compressed/song.ogg", Expected.ok(1));
        encode(dir, 1.25, "song.opus", List.of("-codec:a", "libopus", "-b:a", "96k"));
        files.put("compressed/song.opus", Expected.ok(1));
        return files;
    }

    private static void encode(Path dir, double seconds, String name, List<String> codec)
            throws IOException, InterruptedException {
        Path wav = dir.resolve(name + ".source.wav");
        WavWriter.writePcm16(wav, stereo(seconds, 44100), 2, 44100);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i",
                wav.toString()));
        cmd.addAll(codec);
        cmd.add(dir.resolve(name).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + cmd + "\n" + out);
        }
        Files.delete(wav);
    }

    /** The file {@link #writeAll} adds for deletion between listing and reading. */
    public static String writeDoomed(Path root) throws IOException {
        WavWriter.writePcm16(dir(root, "bad").resolve("deleted.wav"), music(1.0, 300, 6), SR);
        return "bad/deleted.wav";
    }

    /** A deterministic "music" signal: a decaying tone plus a little noise. */
    public static float[] music(double seconds, double hz, long seed) {
        Random rnd = new Random(seed);
        float[] y = new float[(int) Math.round(seconds * SR)];
        for (int i = 0; i < y.length; i++) {
            double t = (double) i / SR;
            y[i] = (float) (0.4 * Math.sin(2 * Math.PI * hz * t) * Math.exp(-(t % 0.5) * 4) + 0.02 * rnd.nextGaussian());
        }
        return y;
    }

    private static float[] stereo(double seconds, int rate) {
        int frames = (int) Math.round(seconds * rate);
        float[] y = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            y[2 * i] = (float) (0.3 * Math.sin(2 * Math.PI * 261.63 * i / rate));
            y[2 * i + 1] = (float) (0.3 * Math.sin(2 * Math.PI * 392.0 * i / rate));
        }
        return y;
    }

    private static byte[] pcm16(float[] interleaved, int channels, int rate) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.writePcm16(out, interleaved, channels, rate);
        return out.toByteArray();
    }

    /** A canonical 44-byte-header WAV with any fmt fields, declaring {@code declaredData} bytes of data. */
    static byte[] wav(int tag, int channels, int rate, int bits, int blockAlign, byte[] data, long declaredData) {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) (36 + declaredData)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        b.put(ascii("data")).putInt((int) declaredData).put(data);
        return b.array();
    }

    /** Sun AU, 16-bit big-endian PCM, mono, 22050 Hz. */
    static byte[] au(float[] y) {
        ByteBuffer b = ByteBuffer.allocate(24 + 2 * y.length).order(ByteOrder.BIG_ENDIAN);
        b.put(ascii(".snd")).putInt(24).putInt(2 * y.length).putInt(3).putInt(SR).putInt(1);
        for (float v : y) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768.0))));
        }
        return b.array();
    }

    private static Path dir(Path root, String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
