package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.LoadedAudio;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes from HDFS/S3 arrive as a one-way InputStream. MP3, FLAC, Ogg and ADTS decode from one
 * exactly as from a seekable local file; an M4A whose index follows its audio cannot, and says so.
 */
class FfmpegSeekabilityTest {

    @TempDir
    Path dir;

    static Stream<SineEncoder.Recipe> streamable() {
        return Stream.of(SineEncoder.MP3, SineEncoder.FLAC, SineEncoder.VORBIS, SineEncoder.OPUS, SineEncoder.ADTS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streamable")
    void oneWayStreamDecodesLikeTheFile(SineEncoder.Recipe recipe) throws IOException {
        assumeTrue(recipe.encoder() != null, "this FFmpeg build cannot encode " + recipe);
        Path file = dir.resolve("sine." + recipe.extension());
        new SineEncoder(recipe).writeTo(file);

        LoadedAudio seekable = AudioLoader.load(file);
        OneWayInputStream oneWay = new OneWayInputStream(Files.newInputStream(file));
        LoadedAudio streamed = AudioLoader.load(oneWay, file.toString());

        assertEquals(Files.size(file), oneWay.consumed(), "read once, front to back");
        assertEquals(seekable.codec(), streamed.codec());
        assertEquals(seekable.sampleRateIn(), streamed.sampleRateIn());
        assertEquals(2, streamed.channelsIn());
        // The MP3 demuxer trims the encoder's end padding only when it knows the file size, so a
        // one-way MP3 may run a few milliseconds longer; everything before that is identical.
        float[] a = seekable.samples();
        float[] b = streamed.samples();
        assertEquals(a.length, b.length, 0.01 * FfmpegCodecsTest.SR, "lengths");
        int common = Math.min(a.length, b.length) - 256; // the resampler's tail sees the difference
        assertArrayEquals(Arrays.copyOf(a, common), Arrays.copyOf(b, common));
        FfmpegCodecsTest.assertSine(streamed.samples());
    }

    @Test
    void m4aWithTrailingIndexDecodesFromALocalFile() throws IOException {
        assumeTrue(SineEncoder.M4A.encoder() != null);
        Path file = dir.resolve("moov-last.m4a");
        new SineEncoder(SineEncoder.M4A).writeTo(file);
        assertTrue(moovAfterMdat(file), "the muxer's default layout: index after the audio");

        LoadedAudio audio = AudioLoader.load(file);

        assertEquals("aac", audio.codec());
        assertEquals(3, audio.seconds(), 0.1);
        FfmpegCodecsTest.assertSine(audio.samples());
    }

    @Test
    void m4aWithTrailingIndexFromAOneWayStreamFailsClearly() throws IOException {
        assumeTrue(SineEncoder.M4A.encoder() != null);
        Path file = dir.resolve("moov-last.m4a");
        new SineEncoder(SineEncoder.M4A).writeTo(file);

        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioLoader.load(new OneWayInputStream(Files.newInputStream(file)), "moov-last.m4a"));

        assertTrue(e.getMessage().startsWith("needs a seekable input"), e.getMessage());
        assertEquals("moov-last.m4a", e.source());
    }

    @Test
    void faststartM4aDecodesFromAOneWayStream() throws IOException {
        assumeTrue(SineEncoder.M4A.encoder() != null);
        Path file = dir.resolve("faststart.m4a");
        new SineEncoder(SineEncoder.M4A).movflags("+faststart").writeTo(file);
        assertTrue(!moovAfterMdat(file), "faststart moves the index to the front");

        LoadedAudio audio = AudioLoader.load(new OneWayInputStream(Files.newInputStream(file)), file.toString());

        assertEquals("aac", audio.codec());
        assertEquals(3, audio.seconds(), 0.1);
        FfmpegCodecsTest.assertSine(audio.samples());
    }

    /** Walks the top-level MP4 boxes. */
    private static boolean moovAfterMdat(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int mdat = -1;
        int moov = -1;
        for (int pos = 0; pos + 8 <= b.length; ) {
            long size = ((b[pos] & 0xFFL) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("mdat")) {
                mdat = pos;
            } else if (type.equals("moov")) {
                moov = pos;
            }
            if (size < 8) {
                break;
            }
            pos += (int) size;
        }
        assertTrue(mdat >= 0 && moov >= 0, "mdat and moov boxes present");
        return moov > mdat;
    }
}
