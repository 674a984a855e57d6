package io.genrelake.audio;

import static io.genrelake.audio.Decoding.decode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genrelake.audio.Decoding.Decoded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minimal writers: canonical headers, exact round trips through the decoder. */
class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void pcm16RoundTripsEveryMultipleOf1Over32768() throws IOException {
        float[] x = new float[65536];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 32768) / 32768f;
        }
        Path file = dir.resolve("all.wav");
        WavWriter.writePcm16(file, x, 22050);
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertEquals(22050, d.sampleRate());
        assertArrayEquals(x, d.samples());
    }

    @Test
    void pcm16RoundsToNearestAndClips() throws IOException {
        Path file = dir.resolve("clip.wav");
        WavWriter.writePcm16(file, new float[] {1.5f, -2f, 1f, 0.3f, 1.4f / 32768f, -0.6f / 32768f}, 8000);
        assertArrayEquals(new float[] {32767f / 32768f, -1f, 32767f / 32768f, Math.round(0.3 * 32768) / 32768f,
            1f / 32768f, -1f / 32768f}, decode(file).samples());
    }

    @Test
    void canonicalHeader() throws IOException {
        Path file = dir.resolve("h.wav");
        WavWriter.writePcm16(file, new float[] {0, 0, 0, 0, 0, 0}, 2, 44100);
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(44 + 12, b.capacity());
        assertEquals(36 + 12, b.getInt(4));
        assertEquals(1, b.getShort(20));
        assertEquals(2, b.getShort(22));
        assertEquals(44100, b.getInt(24));
        assertEquals(44100 * 4, b.getInt(28));
        assertEquals(4, b.getShort(32));
        assertEquals(16, b.getShort(34));
        assertEquals(12, b.getInt(40));
    }

    @Test
    void float32RoundTripsExactly() throws IOException {
        float[] x = {0.1f, -1.5f, 3e-9f, 0f, 1f};
        Path file = dir.resolve("f.wav");
        WavWriter.writeFloat32(file, x, 48000);
        Decoded d = decode(file);
        assertEquals("pcm_f32le", d.codec());
        assertEquals(48000, d.sampleRate());
        assertArrayEquals(x, d.samples());
    }

    @Test
    void interleavedChannelsAndStreamVariant() throws IOException {
        float[] stereo = {0.5f, 0f, -0.5f, -0.25f};
        Path file = dir.resolve("st.wav");
        WavWriter.writePcm16(file, stereo, 2, 22050);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WavWriter.writePcm16(out, stereo, 2, 22050);
        assertArrayEquals(Files.readAllBytes(file), out.toByteArray());
        Decoded d = decode(file);
        assertEquals(2, d.channels());
        assertArrayEquals(new float[] {0.25f, -0.375f}, d.samples());

        ByteArrayOutputStream f32 = new ByteArrayOutputStream();
        WavWriter.writeFloat32(f32, stereo, 2, 22050);
        Path ff = dir.resolve("st32.wav");
        Files.write(ff, f32.toByteArray());
        assertArrayEquals(new float[] {0.25f, -0.375f}, decode(ff).samples());
    }

    @Test
    void rejectsFramesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> WavWriter.writePcm16(new ByteArrayOutputStream(), new float[3], 2, 22050));
        assertThrows(IllegalArgumentException.class, () -> WavWriter.writePcm16(new ByteArrayOutputStream(), new float[2], 0, 22050));
    }
}
