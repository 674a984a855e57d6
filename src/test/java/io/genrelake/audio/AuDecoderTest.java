package io.genrelake.audio;

import static io.genrelake.audio.Decoding.decode;
import static io.genrelake.audio.Decoding.scaled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genrelake.audio.Decoding.Decoded;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sun/NeXT AU, GTZAN's original format: every encoding we read, with exact values. */
class AuDecoderTest {

    @TempDir
    Path dir;

    @Test
    void muLaw() throws IOException {
        Path file = new AuFileBuilder(1).sampleRate(8000).data(SampleBytes.u8(0x00, 0x80, 0xFF, 0x8F)).write(dir, "ulaw.au");
        Decoded d = decode(file);
        assertEquals("pcm_mulaw", d.codec());
        assertEquals(8000, d.sampleRate());
        assertEquals(4, d.frameCount());
        assertArrayEquals(scaled(32768f, -32124, 32124, 0, 16764), d.samples());
    }

    @Test
    void signed8Bit() throws IOException {
        Path file = new AuFileBuilder(2).data(SampleBytes.u8(0x80, 0x40, 0x7F, 0xFF, 0)).write(dir, "s8.au");
        Decoded d = decode(file);
        assertEquals("pcm_s8", d.codec());
        assertArrayEquals(new float[] {-1f, 0.5f, 127f / 128f, -1f / 128f, 0f}, d.samples());
    }

    @Test
    void signed16BitBigEndianWithAnnotation() throws IOException {
        // GTZAN-style header: 22050 Hz mono 16-bit, with annotation text before the data.
        Path file = new AuFileBuilder(3).annotation("blues.00000 ; GTZAN\0\0\0\0\0")
                .data(SampleBytes.s16(true, 16384, -32768, 32767)).write(dir, "s16.au");
        Decoded d = decode(file);
        assertEquals("pcm_s16be", d.codec());
        assertEquals(22050, d.sampleRate());
        assertEquals(3, d.frameCount());
        assertArrayEquals(new float[] {0.5f, -1f, 32767f / 32768f}, d.samples());
    }

    @Test
    void oddLengthAnnotation() throws IOException {
        Path file = new AuFileBuilder(3).annotation("abc").data(SampleBytes.s16(true, 8192)).write(dir, "odd.au");
        assertArrayEquals(new float[] {0.25f}, decode(file).samples());
    }

    @Test
    void signed24And32Bit() throws IOException {
        Path s24 = new AuFileBuilder(4).data(SampleBytes.s24(true, -8388608, 4194304)).write(dir, "s24.au");
        assertEquals("pcm_s24be", decode(s24).codec());
        assertArrayEquals(new float[] {-1f, 0.5f}, decode(s24).samples());
        Path s32 = new AuFileBuilder(5).data(SampleBytes.s32(true, Integer.MIN_VALUE, 1 << 29)).write(dir, "s32.au");
        assertEquals("pcm_s32be", decode(s32).codec());
        assertArrayEquals(new float[] {-1f, 0.25f}, decode(s32).samples());
    }

    @Test
    void float32And64() throws IOException {
        Path f32 = new AuFileBuilder(6).data(SampleBytes.f32(true, 0.3f, -2f)).write(dir, "f32.au");
        assertEquals("pcm_f32be", decode(f32).codec());
        assertArrayEquals(new float[] {0.3f, -2f}, decode(f32).samples());
        Path f64 = new AuFileBuilder(7).data(SampleBytes.f64(true, 0.1, 1e-3)).write(dir, "f64.au");
        assertEquals("pcm_f64be", decode(f64).codec());
        assertArrayEquals(new float[] {0.1f, 1e-3f}, decode(f64).samples());
    }

    @Test
    void aLaw() throws IOException {
        Path file = new AuFileBuilder(27).data(SampleBytes.u8(0xD5, 0x00)).write(dir, "alaw.au");
        Decoded d = decode(file);
        assertEquals("pcm_alaw", d.codec());
        assertArrayEquals(scaled(32768f, 8, -5504), d.samples());
    }

    @Test
    void stereoMixesToMono() throws IOException {
        Path file = new AuFileBuilder(3).channels(2).sampleRate(44100)
                .data(SampleBytes.s16(true, 16384, -16384, 32767, 32767)).write(dir, "stereo.au");
        Decoded d = decode(file);
        assertEquals(2, d.channels());
        assertEquals(2, d.frameCount());
        assertArrayEquals(new float[] {0f, 32767f / 32768f}, d.samples());
    }

    @Test
    void unknownDataSizeReadsToTheEnd() throws IOException {
        Path file = new AuFileBuilder(3).dataSizeField(AuFileBuilder.SIZE_UNKNOWN)
                .data(SampleBytes.s16(true, 1, 2, 3)).write(dir, "unknown.au");
        Decoded d = decode(file);
        assertEquals(-1, d.frameCount());
        assertArrayEquals(scaled(32768f, 1, 2, 3), d.samples());
    }

    @Test
    void littleEndianVariant() throws IOException {
        Path file = new AuFileBuilder(3).littleEndian().data(SampleBytes.s16(false, 16384)).write(dir, "dns.au");
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertArrayEquals(new float[] {0.5f}, d.samples());
    }
}
