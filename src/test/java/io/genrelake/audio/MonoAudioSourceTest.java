package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Mono blocks at the target rate, with or without resampling. */
class MonoAudioSourceTest {

    private static AudioStream open(byte[] file) throws IOException {
        return AudioDecoders.builtIn().open(new ByteArrayInputStream(file), "test");
    }

    private static float[] readAll(MonoAudioSource source, int block) throws IOException {
        float[] all = new float[0];
        float[] buf = new float[block];
        int n;
        while ((n = source.read(buf, 0, block)) >= 0) {
            int old = all.length;
            all = Arrays.copyOf(all, old + n);
            System.arraycopy(buf, 0, all, old, n);
        }
        return all;
    }

    @Test
    void sameRatePassesDecodedSamples() throws IOException {
        byte[] file = WavFileBuilder.pcm(16, 2, 22050).data(SampleBytes.s16(false, 16384, 0, 8192, 8192, -32768, -32768)).build();
        try (MonoAudioSource source = new MonoAudioSource(open(file), MonoAudioSource.TARGET_RATE)) {
            assertEquals(22050, source.sampleRate());
            assertEquals(22050, source.sampleRateIn());
            assertEquals(2, source.channelsIn());
            assertEquals("pcm_s16le", source.codec());
            assertEquals(3, source.expectedLength());
            assertArrayEquals(new float[] {0.25f, 0.25f, -1f}, readAll(source, 2));
            assertEquals(-1, source.read(new float[4], 0, 4));
        }
    }

    @Test
    void otherRatesAreResampledToTheHeaderPromisedLength() throws IOException {
        int n = 44100 + 17;
        float[] x = Signals.sine(700, 44100, n, 0.4);
        byte[] file = WavFileBuilder.pcm(16, 1, 44100).data(SampleBytes.s16le(x)).build();
        try (MonoAudioSource source = new MonoAudioSource(open(file), 22050)) {
            assertEquals(22050, source.sampleRate());
            assertEquals(44100, source.sampleRateIn());
            assertEquals((n + 1) / 2, source.expectedLength());
            float[] y = readAll(source, 1000);
            assertEquals(source.expectedLength(), y.length);
            float[] decoded = new float[n];
            byte[] pcm = SampleBytes.s16le(x);
            for (int i = 0; i < n; i++) {
                decoded[i] = (short) ((pcm[2 * i] & 0xFF) | pcm[2 * i + 1] << 8) / 32768f;
            }
            assertArrayEquals(Resampler.resample(decoded, 44100, 22050), y);
        }
    }

    @Test
    void anyTargetRate() throws IOException {
        byte[] file = WavFileBuilder.pcm(16, 1, 22050).data(new byte[2 * 22050]).build();
        try (MonoAudioSource source = new MonoAudioSource(open(file), 16000)) {
            assertEquals(16000, source.sampleRate());
            assertEquals(16000, source.expectedLength());
            assertEquals(16000, readAll(source, 4096).length);
        }
    }

    @Test
    void unknownLengthIsMinusOne() throws IOException {
        byte[] file = WavFileBuilder.pcm(16, 1, 44100).data(new byte[200]).dataSizeField(WavFileBuilder.SIZE_UNKNOWN).build();
        try (MonoAudioSource source = new MonoAudioSource(open(file), 22050)) {
            assertEquals(-1, source.expectedLength());
            assertEquals(50, readAll(source, 7).length);
        }
    }

    @Test
    void zeroLengthReadsAndBadArguments() throws IOException {
        byte[] file = WavFileBuilder.pcm(16, 1, 44100).data(new byte[20]).build();
        try (MonoAudioSource source = new MonoAudioSource(open(file), 22050)) {
            assertEquals(0, source.read(new float[4], 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> source.read(new float[4], 2, 3));
        }
        assertThrows(IllegalArgumentException.class, () -> new MonoAudioSource(open(file), 0));
    }
}
