package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.testing.BytesInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeekableInputStreamTest {

    @TempDir
    Path dir;

    @Test
    void markResetSkipAndAvailableWorkBySeeking() throws IOException {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Path file = Files.write(dir.resolve("bytes"), bytes);
        try (SeekableInputStream in = SeekableInputStream.open(file)) {
            assertTrue(in.markSupported());
            assertEquals(0, in.read());
            in.mark(1);
            byte[] ten = new byte[10];
            assertEquals(10, in.readNBytes(ten, 0, 10)); // beyond the read limit: still resettable
            in.reset();
            assertEquals(1, in.read());
            assertEquals(100, in.skip(100));
            assertEquals(102, in.read());
            assertEquals(153, in.available());
            assertEquals(153, in.skip(1000), "skip stops at the end");
            assertEquals(-1, in.read());
            assertEquals(0, in.available());
        }
    }

    @Test
    void missingFileFailsLikeFilesNewInputStream() {
        org.junit.jupiter.api.Assertions.assertThrows(NoSuchFileException.class,
                () -> SeekableInputStream.open(dir.resolve("missing.m4a")));
    }

    /** An M4A with its index at the end decodes from any SeekableInput, e.g. a remote-file adapter. */
    @Test
    void trailingIndexM4aDecodesFromACustomSeekableInput() throws IOException {
        assumeTrue(SineEncoder.M4A.encoder() != null);
        Path file = dir.resolve("moov-last.m4a");
        new SineEncoder(SineEncoder.M4A).writeTo(file);
        BytesInput remote = new BytesInput(Files.readAllBytes(file));

        LoadedAudio audio = AudioLoader.load(new SeekableInputStream(remote), "hdfs://x/moov-last.m4a");

        assertTrue(remote.seeks() > 1, "FFmpeg seeked");
        assertArrayEquals(AudioLoader.load(file).samples(), audio.samples());
    }

    /** FFmpeg's offsets start where the stream stood when decoding began (e.g. after a header). */
    @Test
    void decodingStartsAtTheCurrentPosition() throws IOException {
        assumeTrue(SineEncoder.M4A.encoder() != null);
        Path file = dir.resolve("moov-last.m4a");
        new SineEncoder(SineEncoder.M4A).writeTo(file);
        byte[] m4a = Files.readAllBytes(file);
        byte[] prefixed = new byte[100 + m4a.length];
        System.arraycopy(m4a, 0, prefixed, 100, m4a.length);
        InputStream in = new SeekableInputStream(new BytesInput(prefixed));
        assertEquals(100, in.skip(100));

        LoadedAudio audio = AudioLoader.load(in, "prefixed.m4a");

        assertArrayEquals(AudioLoader.load(file).samples(), audio.samples());
        assertTrue(Arrays.equals(m4a, Arrays.copyOfRange(prefixed, 100, prefixed.length)));
    }
}
