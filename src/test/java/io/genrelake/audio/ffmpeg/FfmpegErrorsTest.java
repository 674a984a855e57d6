package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with a short reason (and never takes the JVM down). */
class FfmpegErrorsTest {

    @TempDir
    Path dir;

    static Stream<SineEncoder.Recipe> truncatable() {
        return Stream.of(SineEncoder.MP3, SineEncoder.FLAC);
    }

    /** Cut at half: the first half comes out, then "truncated: decoding stopped after 1.5 s ...". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("truncatable")
    void truncatedFileDeliversWhatIsThereThenSaysTruncated(SineEncoder.Recipe recipe) throws IOException {
        assumeTrue(recipe.encoder() != null);
        Path whole = dir.resolve("whole." + recipe.extension());
        new SineEncoder(recipe).writeTo(whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path half = dir.resolve("half." + recipe.extension());
        Files.write(half, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        float[] buffer = new float[10 * FfmpegCodecsTest.SR];
        int read = 0;
        AudioFormatException failure = null;
        try (MonoAudioSource source = AudioLoader.open(half)) {
            while (true) {
                // Small reads: a read that fails loses what it had copied (MonoAudioSource's contract).
                int n = source.read(buffer, read, Math.min(1024, buffer.length - read));
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (AudioFormatException e) {
            failure = e;
        }

        assertTrue(failure != null, "a file cut in half must be reported, " + read + " samples decoded");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("truncated: decoding stopped after ([0-9.]+) s")
                .matcher(failure.getMessage());
        assertTrue(m.lookingAt(), failure.getMessage());
        assertEquals(half.toString(), failure.source());
        // Half the bytes is somewhat less than half the audio (FLAC's header carries 8 KiB of padding).
        double stoppedAt = Double.parseDouble(m.group(1));
        assertTrue(stoppedAt > 0.9 && stoppedAt < 1.6, failure.getMessage());
        assertEquals(stoppedAt, read / (double) FfmpegCodecsTest.SR, 0.1, "the audio before the cut was delivered");
    }

    /** A few hundred damaged bytes cost a few frames, not the file (as with the ffmpeg command line). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("damageable")
    void smallDamageIsSkipped(SineEncoder.Recipe recipe) throws IOException {
        assumeTrue(recipe.encoder() != null);
        Path file = damaged(recipe, 0.5, 0.505);

        LoadedAudio audio = AudioLoader.load(file);

        assertEquals(3, audio.seconds(), 0.15);
    }

    /** A fifth of the data destroyed: reported as corrupt rather than passed off as the song. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("destroyable")
    void largeDamageIsCorrupt(SineEncoder.Recipe recipe) throws IOException {
        assumeTrue(recipe.encoder() != null);
        Path file = damaged(recipe, 0.4, 0.6);

        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioLoader.load(file));

        assertTrue(e.getMessage().startsWith("corrupt: "), e.getMessage());
    }

    static Stream<SineEncoder.Recipe> damageable() {
        return Stream.of(SineEncoder.MP3, SineEncoder.M4A, SineEncoder.FLAC);
    }

    /** M4A: 16 undecodable packets in a row; FLAC: frames missing before the declared end. */
    static Stream<SineEncoder.Recipe> destroyable() {
        return Stream.of(SineEncoder.M4A, SineEncoder.FLAC);
    }

    /** The 3-s sine with bytes [from, to) (fractions of the file) replaced by noise. */
    private Path damaged(SineEncoder.Recipe recipe, double from, double to) throws IOException {
        Path file = dir.resolve("damaged." + recipe.extension());
        new SineEncoder(recipe).writeTo(file);
        byte[] bytes = Files.readAllBytes(file);
        Random random = new Random(5);
        for (int i = (int) (bytes.length * from); i < (int) (bytes.length * to); i++) {
            bytes[i] = (byte) random.nextInt();
        }
        return Files.write(file, bytes);
    }

    @Test
    void randomBytesBehindAnMp3FrameHeaderAreRejected() {
        byte[] junk = random(1 << 16, 1);
        junk[0] = (byte) 0xFF; // MPEG-1 Layer III, 128 kbps, 44.1 kHz
        junk[1] = (byte) 0xFB;
        junk[2] = (byte) 0x90;
        junk[3] = (byte) 0x64;
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioLoader.load(new ByteArrayInputStream(junk), "junk.mp3"));
        assertEquals("junk.mp3", e.source());
        assertTrue(!e.getMessage().isBlank(), e.toString());
    }

    @Test
    void randomBytesBehindAnId3TagAreRejected() {
        byte[] junk = random(1 << 16, 2);
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10};
        System.arraycopy(id3, 0, junk, 0, id3.length);
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioLoader.load(new ByteArrayInputStream(junk), "junk.mp3"));
        assertTrue(!e.getMessage().isBlank(), e.toString());
    }

    @Test
    void emptyStreamIsAnEmptyFile() {
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioLoader.load(new ByteArrayInputStream(new byte[0]), "empty.mp3"));
        assertEquals("empty file", e.getMessage());
    }

    @Test
    void emptyStreamOpenedDirectlyIsAnEmptyFile() {
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> new FfmpegDecoder().open(new ByteArrayInputStream(new byte[0])));
        assertEquals("empty file", e.getMessage());
    }

    @Test
    void textIsNotAudio() {
        byte[] text = "This is a plain text file, not audio.\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
        UnsupportedAudioException e = assertThrows(UnsupportedAudioException.class,
                () -> AudioLoader.load(new ByteArrayInputStream(text), "notes.txt"));
        assertTrue(e.getMessage().startsWith("unsupported format"), e.getMessage());
    }

    @Test
    void headerOnlyFlacIsTruncatedOrCorrupt() throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null);
        Path whole = dir.resolve("whole.flac");
        new SineEncoder(SineEncoder.FLAC).writeTo(whole);
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(whole), 42); // "fLaC" + STREAMINFO, no frames
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioLoader.load(new ByteArrayInputStream(head), "head.flac"));
        assertTrue(e.getMessage().startsWith("truncated") || e.getMessage().startsWith("corrupt"), e.getMessage());
    }

    /** A failing HDFS read is an I/O problem, not a format problem: the stream's own exception surfaces. */
    @Test
    void inputStreamFailureIsRethrownAsIs() throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null);
        Path file = dir.resolve("sine.flac");
        new SineEncoder(SineEncoder.FLAC).seconds(10).writeTo(file);
        byte[] bytes = Files.readAllBytes(file);
        IOException boom = new IOException("connection reset by datanode");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            private long position;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position > bytes.length / 2) {
                    throw boom;
                }
                int n = super.read(b, off, len);
                position += Math.max(n, 0);
                return n;
            }
        };
        IOException e = assertThrows(IOException.class, () -> AudioLoader.load(failing, "remote.flac"));
        assertSame(boom, e);
    }

    /** WAV stays with the pure-Java decoder even though FFmpeg could read it. */
    @Test
    void wavIsNotRoutedToFfmpeg() throws IOException {
        Path wav = io.genrelake.testing.WavFiles.writePcm16(dir.resolve("a.wav"), new float[] {0f, 0.5f, -0.5f}, 22050);
        try (AudioStream stream = AudioDecoders.standard().open(Files.newInputStream(wav), "a.wav")) {
            assertEquals("pcm_s16le", stream.codec());
            assertTrue(!(stream.getClass().getName().contains("ffmpeg")), stream.getClass().getName());
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
