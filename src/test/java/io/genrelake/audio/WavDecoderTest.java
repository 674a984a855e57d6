package io.genrelake.audio;

import static io.genrelake.audio.Decoding.decode;
import static io.genrelake.audio.Decoding.scaled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.genrelake.audio.Decoding.Decoded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every WAV layout we read, with exact sample values (libsndfile's scaling). */
class WavDecoderTest {

    @TempDir
    Path dir;

    @Test
    void unsigned8BitMapsZeroToMinusOne() throws IOException {
        Path file = WavFileBuilder.pcm(8, 1, 22050).data(SampleBytes.u8(0, 128, 255, 64, 192)).write(dir, "u8.wav");
        Decoded d = decode(file);
        assertEquals("pcm_u8", d.codec());
        assertEquals(5, d.frameCount());
        assertArrayEquals(new float[] {-1f, 0f, 127f / 128f, -0.5f, 0.5f}, d.samples());
    }

    @Test
    void signed16BitDividesBy32768() throws IOException {
        int[] codes = {0, 16384, -16384, 32767, -32768, 1, -1};
        Path file = WavFileBuilder.pcm(16, 1, 44100).data(SampleBytes.s16(false, codes)).write(dir, "s16.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertEquals(44100, d.sampleRate());
        assertEquals(1, d.channels());
        assertEquals(codes.length, d.frameCount());
        assertArrayEquals(new float[] {0f, 0.5f, -0.5f, 32767f / 32768f, -1f, 1f / 32768f, -1f / 32768f}, d.samples());
    }

    @Test
    void signed24BitDividesBy8388608() throws IOException {
        int[] codes = {-8388608, 4194304, 8388607, -1, 1, 0};
        Path file = WavFileBuilder.pcm(24, 1, 48000).data(SampleBytes.s24(false, codes)).write(dir, "s24.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s24le", d.codec());
        assertArrayEquals(new float[] {-1f, 0.5f, 8388607f / 8388608f, -0x1p-23f, 0x1p-23f, 0f}, d.samples());
    }

    @Test
    void signed32BitIsRoundedToFloatThenScaled() throws IOException {
        int[] codes = {Integer.MIN_VALUE, 1 << 30, Integer.MAX_VALUE, 1, -1, 0x12345678};
        Path file = WavFileBuilder.pcm(32, 1, 22050).data(SampleBytes.s32(false, codes)).write(dir, "s32.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s32le", d.codec());
        // (float) 2147483647 rounds to 2^31: full scale reads as exactly 1.0, as in libsndfile.
        assertArrayEquals(new float[] {-1f, 0.5f, 1f, 0x1p-31f, -0x1p-31f, (float) 0x12345678 / 2147483648f}, d.samples());
    }

    @Test
    void float32IsTakenAsIs() throws IOException {
        float[] values = {0.25f, -1.5f, 1e-20f, Float.MIN_VALUE, 3f, -0f};
        Path file = WavFileBuilder.pcm(32, 1, 22050).tag(3).data(SampleBytes.f32(false, values)).write(dir, "f32.wav");
        Decoded d = decode(file);
        assertEquals("pcm_f32le", d.codec());
        assertArrayEquals(values, d.samples());
    }

    @Test
    void float64IsCastToFloat() throws IOException {
        double[] values = {0.1, -0.75, 1.0 / 3, 1e300, -2.5};
        Path file = WavFileBuilder.pcm(64, 1, 22050).tag(3).data(SampleBytes.f64(false, values)).write(dir, "f64.wav");
        Decoded d = decode(file);
        assertEquals("pcm_f64le", d.codec());
        assertArrayEquals(new float[] {0.1f, -0.75f, (float) (1.0 / 3), Float.POSITIVE_INFINITY, -2.5f}, d.samples());
    }

    @Test
    void extensiblePcm16() throws IOException {
        Path file = WavFileBuilder.pcm(16, 1, 22050).extensible(1, 16)
                .data(SampleBytes.s16(false, 16384, -32768)).write(dir, "ext16.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertArrayEquals(new float[] {0.5f, -1f}, d.samples());
    }

    @Test
    void extensiblePcm24ScalesByContainerNotValidBits() throws IOException {
        // 20 valid bits in a 24-bit container: libsndfile still divides by 2^23.
        Path file = WavFileBuilder.pcm(24, 2, 96000).extensible(1, 20)
                .data(SampleBytes.s24(false, 4194304, 4194304, -8388608, 0)).write(dir, "ext24.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s24le", d.codec());
        assertEquals(96000, d.sampleRate());
        assertEquals(2, d.channels());
        assertArrayEquals(new float[] {0.5f, -0.5f}, d.samples());
    }

    @Test
    void extensible24In32BitContainerReadsAsS32() throws IOException {
        Path file = WavFileBuilder.pcm(32, 1, 22050).extensible(1, 24)
                .data(SampleBytes.s32(false, 0x40000000, 0x00000100)).write(dir, "ext24in32.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s32le", d.codec());
        assertArrayEquals(new float[] {0.5f, 0x1p-23f}, d.samples());
    }

    @Test
    void extensibleFloat() throws IOException {
        Path file = WavFileBuilder.pcm(32, 1, 22050).extensible(3, 32)
                .data(SampleBytes.f32(false, 0.125f, -0.5f)).write(dir, "extf.wav");
        Decoded d = decode(file);
        assertEquals("pcm_f32le", d.codec());
        assertArrayEquals(new float[] {0.125f, -0.5f}, d.samples());
    }

    @Test
    void muLawExpandsToG711LinearOver32768() throws IOException {
        Path file = WavFileBuilder.pcm(8, 1, 8000).tag(7)
                .data(SampleBytes.u8(0x00, 0x0F, 0x80, 0x8F, 0xFF, 0x7F, 0x01)).write(dir, "ulaw.wav");
        Decoded d = decode(file);
        assertEquals("pcm_mulaw", d.codec());
        assertEquals(8000, d.sampleRate());
        assertArrayEquals(scaled(32768f, -32124, -16764, 32124, 16764, 0, 0, -31100), d.samples());
    }

    @Test
    void aLawExpandsToG711LinearOver32768() throws IOException {
        Path file = WavFileBuilder.pcm(8, 1, 8000).tag(6)
                .data(SampleBytes.u8(0x00, 0x01, 0x02, 0x80, 0xD5, 0x55)).write(dir, "alaw.wav");
        Decoded d = decode(file);
        assertEquals("pcm_alaw", d.codec());
        assertArrayEquals(scaled(32768f, -5504, -5248, -6016, 5504, 8, -8), d.samples());
    }

    @Test
    void stereoIsTheFloatMeanOfTheChannels() throws IOException {
        Path file = WavFileBuilder.pcm(16, 2, 44100)
                .data(SampleBytes.s16(false, 16384, 0, -32768, 32767, 100, 101, -3, -3)).write(dir, "stereo.wav");
        Decoded d = decode(file);
        assertEquals(2, d.channels());
        assertEquals(4, d.frameCount());
        assertArrayEquals(new float[] {
            (0.5f + 0f) / 2f, (-1f + 32767f / 32768f) / 2f, (100f / 32768f + 101f / 32768f) / 2f, -3f / 32768f}, d.samples());
    }

    @Test
    void sixChannelsAreSummedInFloatLeftToRightThenDivided() throws IOException {
        // Each 5.9e-8 is under half an ulp of 1: lost one by one in float, not when summed in double.
        float[] frame = {1f, 5.9e-8f, 5.9e-8f, 5.9e-8f, 5.9e-8f, 5.9e-8f};
        float[] frame2 = {0.1f, 0.2f, 0.3f, -0.4f, 0.5f, 0.6f};
        float[] interleaved = new float[12];
        System.arraycopy(frame, 0, interleaved, 0, 6);
        System.arraycopy(frame2, 0, interleaved, 6, 6);
        Path file = WavFileBuilder.pcm(32, 6, 48000).tag(3).data(SampleBytes.f32(false, interleaved)).write(dir, "6ch.wav");
        Decoded d = decode(file);
        assertEquals(6, d.channels());
        float expected = floatMean(frame);
        assertEquals(expected, d.samples()[0]);
        assertNotEquals((float) (doubleSum(frame) / 6), expected, "the frame must tell float from double summation");
        assertEquals(floatMean(frame2), d.samples()[1]);
    }

    @Test
    void sixChannelInt16() throws IOException {
        Path file = WavFileBuilder.pcm(16, 6, 48000)
                .data(SampleBytes.s16(false, 32767, 32767, 32767, 32767, 32767, -32768)).write(dir, "6ch16.wav");
        float[] frame = {32767f / 32768f, 32767f / 32768f, 32767f / 32768f, 32767f / 32768f, 32767f / 32768f, -1f};
        assertArrayEquals(new float[] {floatMean(frame)}, decode(file).samples());
    }

    @Test
    void unknownChunksAnywhereBeforeDataAreSkipped() throws IOException {
        byte[] list = "INFOISFT\u0006\0\0\0Lavf58\0".getBytes(StandardCharsets.ISO_8859_1);
        Path file = WavFileBuilder.pcm(16, 1, 22050)
                .chunkBeforeFmt("JUNK", new byte[28])
                .chunkBeforeFmt("bext", new byte[602])
                .chunkBeforeData("fact", ByteWriter.le().u32(3).toByteArray())
                .chunkBeforeData("PEAK", new byte[16])
                .chunkBeforeData("LIST", list)
                .chunkBeforeData("cue ", ByteWriter.le().u32(0).toByteArray())
                .data(SampleBytes.s16(false, 16384, -16384, 8192))
                .write(dir, "chunks.wav");
        Decoded d = decode(file);
        assertEquals(3, d.frameCount());
        assertArrayEquals(new float[] {0.5f, -0.5f, 0.25f}, d.samples());
    }

    @Test
    void oddSizedChunkIsFollowedByItsPadByte() throws IOException {
        Path file = WavFileBuilder.pcm(16, 1, 22050)
                .chunkBeforeData("odd ", new byte[] {1, 2, 3})   // 3 bytes + 1 pad byte
                .chunkBeforeData("LIST", new byte[] {'I', 'N', 'F', 'O', 'x'})
                .data(SampleBytes.s16(false, 16384, 4096))
                .write(dir, "odd.wav");
        assertArrayEquals(new float[] {0.5f, 0.125f}, decode(file).samples());
    }

    @Test
    void dataSizeUnknownReadsToTheEnd() throws IOException {
        Path file = WavFileBuilder.pcm(16, 1, 22050).data(SampleBytes.s16(false, 16384, -8192, 1))
                .dataSizeField(WavFileBuilder.SIZE_UNKNOWN).write(dir, "streamed.wav");
        Decoded d = decode(file);
        assertEquals(-1, d.frameCount());
        assertArrayEquals(new float[] {0.5f, -0.25f, 1f / 32768f}, d.samples());
    }

    @Test
    void dataSizeZeroReadsToTheEndIgnoringAPartialFrame() throws IOException {
        byte[] data = ByteWriter.le().u16(16384).u16(2048).u8(7).toByteArray(); // 2 frames + 1 stray byte
        Path file = WavFileBuilder.pcm(16, 1, 22050).data(data).dataSizeField(0).write(dir, "zero.wav");
        Decoded d = decode(file);
        assertEquals(-1, d.frameCount());
        assertArrayEquals(new float[] {0.5f, 0.0625f}, d.samples());
    }

    @Test
    void chunksAfterDataAreNotSamples() throws IOException {
        Path file = WavFileBuilder.pcm(8, 1, 22050).data(SampleBytes.u8(255, 0, 128))
                .chunkAfterData("LIST", "INFOIART".getBytes(StandardCharsets.US_ASCII)).write(dir, "tail.wav");
        Decoded d = decode(file);
        assertEquals(3, d.frameCount());
        assertArrayEquals(new float[] {127f / 128f, -1f, 0f}, d.samples());
    }

    @Test
    void partialTrailingFrameOfADeclaredLengthIsIgnored() throws IOException {
        byte[] data = SampleBytes.s16(false, 16384, -16384, 1); // 6 bytes: one stereo frame + half a frame
        Path file = WavFileBuilder.pcm(16, 2, 22050).data(data).write(dir, "partial.wav");
        Decoded d = decode(file);
        assertEquals(1, d.frameCount());
        assertArrayEquals(new float[] {0f}, d.samples());
    }

    @Test
    void twelveBitPcmSitsInSixteenBitContainers() throws IOException {
        Path file = WavFileBuilder.pcm(12, 1, 22050).blockAlign(2).data(SampleBytes.s16(false, 0x4000, -0x8000))
                .write(dir, "s12.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s16le", d.codec());
        assertArrayEquals(new float[] {0.5f, -1f}, d.samples());
    }

    @Test
    void rifxIsBigEndian() throws IOException {
        Path file = WavFileBuilder.pcm(16, 1, 22050).rifx().data(SampleBytes.s16(true, 16384, -32768, 3))
                .write(dir, "rifx.wav");
        Decoded d = decode(file);
        assertEquals("pcm_s16be", d.codec());
        assertEquals(22050, d.sampleRate());
        assertArrayEquals(new float[] {0.5f, -1f, 3f / 32768f}, d.samples());
    }

    @Test
    void rifxFloatAnd24Bit() throws IOException {
        Path f32 = WavFileBuilder.pcm(32, 1, 22050).rifx().tag(3).data(SampleBytes.f32(true, 0.75f)).write(dir, "rifxf.wav");
        assertEquals("pcm_f32be", decode(f32).codec());
        assertArrayEquals(new float[] {0.75f}, decode(f32).samples());
        Path s24 = WavFileBuilder.pcm(24, 1, 22050).rifx().data(SampleBytes.s24(true, -4194304)).write(dir, "rifx24.wav");
        assertEquals("pcm_s24be", decode(s24).codec());
        assertArrayEquals(new float[] {-0.5f}, decode(s24).samples());
    }

    @Test
    void longFileCrossesManyReadBuffers() throws IOException {
        int n = 100_003; // several 64-KiB buffers and an odd tail
        int[] codes = new int[2 * n];
        float[] expected = new float[n];
        for (int i = 0; i < n; i++) {
            codes[2 * i] = (i * 37) % 65536 - 32768;
            codes[2 * i + 1] = (i * 101) % 65536 - 32768;
            expected[i] = (codes[2 * i] / 32768f + codes[2 * i + 1] / 32768f) / 2f;
        }
        Path file = WavFileBuilder.pcm(16, 2, 44100).data(SampleBytes.s16(false, codes)).write(dir, "long.wav");
        Decoded d = decode(file);
        assertEquals(n, d.frameCount());
        assertArrayEquals(expected, d.samples());
    }

    static float floatMean(float[] frame) {
        float sum = frame[0];
        for (int i = 1; i < frame.length; i++) {
            sum += frame[i];
        }
        return sum / frame.length;
    }

    private static double doubleSum(float[] frame) {
        double sum = 0;
        for (float v : frame) {
            sum += v;
        }
        return sum;
    }
}
