package io.genrelake.fuzz;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.MonoAudioSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One fuzz input through a decoder registry as extract reads a file: open, ask for the half rate where extract would
 * ({@link AudioStream#halveRate} at twice 22050 Hz: the MP3 decoder's own resampling), read the mono mix to the end
 * in blocks. The {@link io.genrelake.audio.Resampler} is left out: building its filter for a new rate pair takes
 * 10–170 ms, which would hold a campaign to a few inputs a second; the rates that reach it are bounded by
 * {@link AudioDecoders#open} (tested in AudioDecodersTest).
 */
final class DecodeHarness {

    private static final int BLOCK = 4096;

    private DecodeHarness() {}

    /**
     * Returns normally when the bytes decode or fail with a documented reason; throws otherwise (a finding): an
     * unexpected exception or a reason with no text.
     */
    static void decode(AudioDecoders registry, byte[] data) {
        float[] block = new float[BLOCK];
        try (AudioStream stream = registry.open(new ByteArrayInputStream(data), "fuzz-input")) {
            if (stream.sampleRate() == 2 * MonoAudioSource.TARGET_RATE) {
                stream.halveRate();
            }
            while (stream.readMono(block, 0, BLOCK) >= 0) {
                // NaN and infinite samples (a float WAV can hold them) are the extractor's to refuse: "invalid samples"
            }
        } catch (AudioFormatException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("failure without a reason", e);
            }
            if (isolatedFfmpegFailed(e)) {
                throw new AssertionError("FFmpeg crashed or hung on these bytes", e);
            }
        } catch (IOException e) {
            // a byte array cannot fail to read: any other IOException is the decoder's own
            throw new UncheckedIOException("not a documented failure reason", e);
        }
    }

    /**
     * True for the reasons an FFmpeg process gives when FFmpeg crashed or hung on a file: allowed outcomes in a run (the
     * file fails, the executor goes on) but findings here, where they point at a native bug to report or work around.
     */
    static boolean isolatedFfmpegFailed(AudioFormatException e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("FFmpeg crashed on this file") || m.startsWith("FFmpeg stopped answering"));
    }
}
