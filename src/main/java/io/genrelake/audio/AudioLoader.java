package io.genrelake.audio;

import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * librosa.load(path, sr=22050, mono=True) for every format of {@link AudioDecoders#standard()}: WAV,
 * AU, AIFF in pure Java, compressed formats through FFmpeg. Local files are opened seekable, which
 * M4A files with their index after the audio need.
 */
public final class AudioLoader {

    private static final int READ_BLOCK = 1 << 16;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private AudioLoader() {}

    /** The whole file, mono, at 22050 Hz. */
    public static LoadedAudio load(Path path) throws IOException {
        return load(path, AudioDecoders.standard());
    }

    /** The whole file, mono, at 22050 Hz, read by one of {@code decoders}. */
    public static LoadedAudio load(Path path, AudioDecoders decoders) throws IOException {
        try (InputStream in = SeekableInputStream.open(path)) {
            return load(in, path.toString(), decoders);
        }
    }

    /** The whole stream, mono, at 22050 Hz; {@code name} appears in error reports. Closes {@code in}. */
    public static LoadedAudio load(InputStream in, String name) throws IOException {
        return load(in, name, AudioDecoders.standard());
    }

    private static LoadedAudio load(InputStream in, String name, AudioDecoders decoders) throws IOException {
        try (MonoAudioSource source = new MonoAudioSource(decoders.open(in, name), MonoAudioSource.TARGET_RATE)) {
            float[] samples = readAll(source, name);
            return new LoadedAudio(samples, source.sampleRate(), source.sampleRateIn(), source.channelsIn(), source.codec());
        } finally {
            in.close(); // also when open failed and no source took ownership
        }
    }

    /** A streaming source for the file, mono at 22050 Hz; the caller closes it. */
    public static MonoAudioSource open(Path path) throws IOException {
        return open(path, AudioDecoders.standard());
    }

    /** A streaming source for the file, mono at 22050 Hz, read by one of {@code decoders}; the caller closes it. */
    public static MonoAudioSource open(Path path, AudioDecoders decoders) throws IOException {
        InputStream in = SeekableInputStream.open(path);
        try {
            return new MonoAudioSource(decoders.open(in, path.toString()), MonoAudioSource.TARGET_RATE);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static float[] readAll(MonoAudioSource source, String name) throws IOException {
        long expected = source.expectedLength();
        if (expected > MAX_ARRAY) {
            throw new AudioFormatException("too long to load into memory: " + expected + " samples")
                    .withSource(name);
        }
        float[] samples = new float[expected >= 0 ? (int) expected : READ_BLOCK];
        float[] overflow = new float[READ_BLOCK];
        int length = 0;
        while (true) {
            if (length < samples.length) {
                int n = source.read(samples, length, samples.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                continue;
            }
            // Full: the usual end when the header gave the length; otherwise grow.
            int n = source.read(overflow, 0, overflow.length);
            if (n < 0) {
                break;
            }
            if ((long) length + n > MAX_ARRAY) {
                throw new AudioFormatException("too long to load into memory: over " + MAX_ARRAY + " samples")
                        .withSource(name);
            }
            samples = Arrays.copyOf(samples, (int) Math.min(MAX_ARRAY, Math.max((long) length + n, 2L * length)));
            System.arraycopy(overflow, 0, samples, length, n);
            length += n;
        }
        return length == samples.length ? samples : Arrays.copyOf(samples, length);
    }
}
