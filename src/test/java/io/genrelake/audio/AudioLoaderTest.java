package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** librosa.load equivalence: on real GTZAN clips and golden arrays when present, and on generated files. */
class AudioLoaderTest {

    @TempDir
    Path dir;

    @Test
    void gtzanClipLoadsAsInt16Over32768() throws IOException {
        Path clip = SharedData.require("gtzan/audio/blues/blues.00000.wav");
        LoadedAudio audio = AudioLoader.load(clip);
        assertEquals(661794, audio.samples().length);
        assertEquals(22050, audio.sampleRate());
        assertEquals(22050, audio.sampleRateIn());
        assertEquals(1, audio.channelsIn());
        assertEquals("pcm_s16le", audio.codec());

        byte[] raw = Files.readAllBytes(clip);
        ByteBuffer data = ByteBuffer.wrap(raw, 44, raw.length - 44).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < audio.samples().length; i++) {
            float expected = data.getShort() / 32768f;
            if (expected != audio.samples()[i]) {
                assertEquals(expected, audio.samples()[i], "sample " + i);
            }
        }
    }

    @Test
    void gtzanClipEqualsLibrosaGoldenArray() throws IOException {
        Path clip = SharedData.require("gtzan/audio/blues/blues.00000.wav");
        Path golden = SharedData.require("golden/clips/blues.00000/y.npy");
        float[] y = readFloat32Npy(golden);
        assertArrayEquals(y, AudioLoader.load(clip).samples());
    }

    @Test
    void soundfileFloatWavWithFactAndPeakChunks() throws IOException {
        Path file = SharedData.require("golden/edge_cases/sine440_0.1s.wav");
        LoadedAudio audio = AudioLoader.load(file);
        assertEquals(2205, audio.samples().length);
        assertEquals("pcm_f32le", audio.codec());
        for (int i = 0; i < 2205; i++) {
            assertEquals(0.5 * Math.sin(2 * Math.PI * 440 * i / 22050), audio.samples()[i], 1e-7, "sample " + i);
        }
    }

    @Test
    void otherRatesAreMixedThenResampledTo22050() throws IOException {
        int n = 48000;
        float[] left = Signals.sine(440, 48000, n, 0.5);
        float[] interleaved = new float[2 * n];
        for (int i = 0; i < n; i++) {
            interleaved[2 * i] = left[i];
            interleaved[2 * i + 1] = -0.25f * left[i];
        }
        Path file = dir.resolve("stereo48k.wav");
        WavWriter.writeFloat32(file, interleaved, 2, 48000);

        LoadedAudio audio = AudioLoader.load(file);
        assertEquals(22050, audio.sampleRate());
        assertEquals(48000, audio.sampleRateIn());
        assertEquals(2, audio.channelsIn());
        assertEquals("pcm_f32le", audio.codec());
        float[] mono = new float[n];
        for (int i = 0; i < n; i++) {
            mono[i] = (interleaved[2 * i] + interleaved[2 * i + 1]) / 2f;
        }
        assertArrayEquals(Resampler.resample(mono, 48000, 22050), audio.samples());
        assertEquals(22050, audio.samples().length);
        assertEquals(1.0, audio.seconds(), 1e-12);
    }

    @Test
    void loadFromAStreamClosesIt() throws IOException {
        Path file = dir.resolve("s.wav");
        WavWriter.writePcm16(file, new float[] {0.5f, -0.5f}, 22050);
        boolean[] closed = {false};
        InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        assertArrayEquals(new float[] {0.5f, -0.5f}, AudioLoader.load(in, "s.wav").samples());
        assertTrue(closed[0]);
    }

    @Test
    void unknownLengthFilesGrowTheirBuffer() throws IOException {
        int n = 200_001;
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            codes[i] = (i % 2001) - 1000;
        }
        Path file = WavFileBuilder.pcm(16, 1, 22050).data(SampleBytes.s16(false, codes))
                .dataSizeField(WavFileBuilder.SIZE_UNKNOWN).write(dir, "streamed.wav");
        float[] y = AudioLoader.load(file).samples();
        assertEquals(n, y.length);
        assertEquals(-1000 / 32768f, y[0]);
        assertEquals(((n - 1) % 2001 - 1000) / 32768f, y[n - 1]);
    }

    @Test
    void streamingSourceMatchesTheWholeLoad() throws IOException {
        Path file = dir.resolve("44k.wav");
        WavWriter.writePcm16(file, Signals.sine(1000, 44100, 100_000, 0.3), 44100);
        float[] whole = AudioLoader.load(file).samples();
        try (MonoAudioSource source = AudioLoader.open(file)) {
            assertEquals(whole.length, source.expectedLength());
            float[] streamed = new float[whole.length + 10];
            int n = 0;
            int got;
            while ((got = source.read(streamed, n, Math.min(333, streamed.length - n))) > 0) {
                n += got;
            }
            assertEquals(whole.length, n);
            assertArrayEquals(whole, Arrays.copyOf(streamed, n));
        }
    }

    /** A little-endian float32 .npy array (v1/v2 header). */
    private static float[] readFloat32Npy(Path path) throws IOException {
        byte[] b = Files.readAllBytes(path);
        int major = b[6];
        int headerLength = major == 1 ? (b[8] & 0xFF) | (b[9] & 0xFF) << 8
                : ByteBuffer.wrap(b, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int start = (major == 1 ? 10 : 12) + headerLength;
        String header = new String(b, 0, start, StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'<f4'"), header);
        float[] y = new float[(b.length - start) / 4];
        ByteBuffer.wrap(b, start, b.length - start).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(y);
        return y;
    }
}
