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

/** AIFF and AIFF-C layouts, with exact values. */
class AiffDecoderTest {

    @TempDir
    Path dir;

    @Test
    void aiffSigned8Bit() throws IOException {
        Path file = AiffFileBuilder.aiff(8, 1, 22050).data(SampleBytes.u8(0x80, 0x40, 0x00, 0xFF), 4).write(dir, "s8.aiff");
        Decoded d = decode(file);
        assertEquals("pcm_s8", d.codec());
        assertEquals(4, d.frameCount());
        assertArrayEquals(new float[] {-1f, 0.5f, 0f, -1f / 128f}, d.samples());
    }

    @Test
    void aiffSigned16Bit() throws IOException {
        Path file = AiffFileBuilder.aiff(16, 1, 44100).data(SampleBytes.s16(true, 16384, -32768, 1), 3).write(dir, "s16.aiff");
        Decoded d = decode(file);
        assertEquals("pcm_s16be", d.codec());
        assertEquals(44100, d.sampleRate());
        assertEquals(1, d.channels());
        assertEquals(3, d.frameCount());
        assertArrayEquals(new float[] {0.5f, -1f, 1f / 32768f}, d.samples());
    }

    @Test
    void aiffSigned24And32Bit() throws IOException {
        Path s24 = AiffFileBuilder.aiff(24, 1, 96000).data(SampleBytes.s24(true, 8388607, -8388608), 2).write(dir, "s24.aiff");
        Decoded d24 = decode(s24);
        assertEquals("pcm_s24be", d24.codec());
        assertEquals(96000, d24.sampleRate());
        assertArrayEquals(new float[] {8388607f / 8388608f, -1f}, d24.samples());
        Path s32 = AiffFileBuilder.aiff(32, 1, 48000).data(SampleBytes.s32(true, 1 << 30, -1), 2).write(dir, "s32.aiff");
        Decoded d32 = decode(s32);
        assertEquals("pcm_s32be", d32.codec());
        assertArrayEquals(new float[] {0.5f, -0x1p-31f}, d32.samples());
    }

    @Test
    void aiffStereoAndSsndOffset() throws IOException {
        Path file = AiffFileBuilder.aiff(16, 2, 22050).ssndOffset(6)
                .data(SampleBytes.s16(true, 16384, 0, -16384, -16384), 2).write(dir, "stereo.aiff");
        Decoded d = decode(file);
        assertEquals(2, d.channels());
        assertArrayEquals(new float[] {0.25f, -0.5f}, d.samples());
    }

    @Test
    void aiffTwelveBitSamplesSitInSixteenBits() throws IOException {
        Path file = AiffFileBuilder.aiff(12, 1, 22050).data(SampleBytes.s16(true, 0x4000), 1).write(dir, "s12.aiff");
        assertEquals("pcm_s16be", decode(file).codec());
        assertArrayEquals(new float[] {0.5f}, decode(file).samples());
    }

    @Test
    void unknownChunksWithOddSizesAreSkipped() throws IOException {
        Path file = AiffFileBuilder.aiff(16, 1, 22050)
                .chunk("NAME", "odd".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .chunk("ANNO", "even".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .chunk("MARK", new byte[] {0, 0})
                .data(SampleBytes.s16(true, 8192), 1).write(dir, "chunks.aiff");
        assertArrayEquals(new float[] {0.25f}, decode(file).samples());
    }

    @Test
    void commAfterSsndIsAccepted() throws IOException {
        Path file = AiffFileBuilder.aiff(16, 1, 22050).ssndBeforeComm()
                .data(SampleBytes.s16(true, 16384, -16384, 4096), 3).write(dir, "late-comm.aiff");
        Decoded d = decode(file);
        assertEquals(3, d.frameCount());
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.125f}, d.samples());
    }

    @Test
    void aifcNoneAndTwosAreBigEndianPcm() throws IOException {
        Path none = AiffFileBuilder.aifc("NONE", 16, 1, 22050).data(SampleBytes.s16(true, 16384), 1).write(dir, "none.aifc");
        assertEquals("pcm_s16be", decode(none).codec());
        assertArrayEquals(new float[] {0.5f}, decode(none).samples());
        Path twos = AiffFileBuilder.aifc("twos", 24, 1, 22050).data(SampleBytes.s24(true, -4194304), 1).write(dir, "twos.aifc");
        assertEquals("pcm_s24be", decode(twos).codec());
        assertArrayEquals(new float[] {-0.5f}, decode(twos).samples());
    }

    @Test
    void aifcSowtIsLittleEndianPcm() throws IOException {
        Path file = AiffFileBuilder.aifc("sowt", 16, 2, 44100)
                .data(SampleBytes.s16(false, 16384, 16384, -32768, 0), 2).write(dir, "sowt.aifc");
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertEquals(44100, d.sampleRate());
        assertArrayEquals(new float[] {0.5f, -0.5f}, d.samples());
        Path s24 = AiffFileBuilder.aifc("sowt", 24, 1, 22050).data(SampleBytes.s24(false, 4194304), 1).write(dir, "sowt24.aifc");
        assertEquals("pcm_s24le", decode(s24).codec());
        assertArrayEquals(new float[] {0.5f}, decode(s24).samples());
    }

    @Test
    void aifcFloat32And64() throws IOException {
        Path fl32 = AiffFileBuilder.aifc("fl32", 32, 1, 22050).data(SampleBytes.f32(true, 0.7f, -0.1f), 2).write(dir, "fl32.aifc");
        Decoded d = decode(fl32);
        assertEquals("pcm_f32be", d.codec());
        assertArrayEquals(new float[] {0.7f, -0.1f}, d.samples());
        Path upper = AiffFileBuilder.aifc("FL32", 32, 1, 22050).data(SampleBytes.f32(true, 0.5f), 1).write(dir, "FL32.aifc");
        assertArrayEquals(new float[] {0.5f}, decode(upper).samples());
        Path fl64 = AiffFileBuilder.aifc("fl64", 64, 1, 22050).data(SampleBytes.f64(true, 0.2), 1).write(dir, "fl64.aifc");
        assertEquals("pcm_f64be", decode(fl64).codec());
        assertArrayEquals(new float[] {0.2f}, decode(fl64).samples());
    }

    @Test
    void aifcMuLawAndALaw() throws IOException {
        // Writers put 16 in the sample size of G.711 files; the compression type decides the width.
        Path ulaw = AiffFileBuilder.aifc("ulaw", 16, 1, 8000).data(SampleBytes.u8(0x00, 0xFF, 0x8F), 3).write(dir, "ulaw.aifc");
        Decoded d = decode(ulaw);
        assertEquals("pcm_mulaw", d.codec());
        assertEquals(3, d.frameCount());
        assertArrayEquals(scaled(32768f, -32124, 0, 16764), d.samples());
        Path alaw = AiffFileBuilder.aifc("alaw", 16, 1, 8000).data(SampleBytes.u8(0x80, 0x55), 2).write(dir, "alaw.aifc");
        assertEquals("pcm_alaw", decode(alaw).codec());
        assertArrayEquals(scaled(32768f, 5504, -8), decode(alaw).samples());
    }

    @Test
    void aifcRawIsUnsigned8Bit() throws IOException {
        Path file = AiffFileBuilder.aifc("raw ", 8, 1, 22050).data(SampleBytes.u8(0, 128, 192), 3).write(dir, "raw.aifc");
        Decoded d = decode(file);
        assertEquals("pcm_u8", d.codec());
        assertArrayEquals(new float[] {-1f, 0f, 0.5f}, d.samples());
    }
}
