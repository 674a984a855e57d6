package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.MonoAudioSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An hour of 44.1-kHz stereo FLAC (80 MB; 1.2 GB as float PCM) streams from a one-way InputStream
 * through MonoAudioSource: it completes, and the input is consumed in step with the output, so
 * neither the file nor its PCM is ever held whole. FLAC rather than MP3 because LAME encodes an
 * hour in about four minutes here, FLAC in about twenty seconds.
 */
class FfmpegLongFileTest {

    static final int MINUTES = 60;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void hourLongFileStreamsInBoundedMemory() throws IOException {
        assumeTrue(SineEncoder.FLAC.encoder() != null);
        Path file = dir.resolve("hour.flac");
        new SineEncoder(SineEncoder.FLAC).seconds(MINUTES * 60).compressionLevel(0).writeTo(file);
        long fileBytes = Files.size(file);
        long expected = (long) MINUTES * 60 * MonoAudioSource.TARGET_RATE;

        OneWayInputStream in = new OneWayInputStream(Files.newInputStream(file));
        long total = 0;
        long consumedAtHalf = -1;
        float[] block = new float[1 << 16];
        double lastRms = 0;
        try (MonoAudioSource source = new MonoAudioSource(AudioDecoders.standard().open(in, "hour.flac"),
                MonoAudioSource.TARGET_RATE)) {
            int n;
            while ((n = source.read(block, 0, block.length)) > 0) {
                total += n;
                if (consumedAtHalf < 0 && total >= expected / 2) {
                    consumedAtHalf = in.consumed();
                }
                if (n == block.length) {
                    lastRms = Signals.rms(block, 0, n);
                }
            }
        }

        assertEquals(expected, total, 0.1 * MonoAudioSource.TARGET_RATE, "an hour of samples");
        double fraction = consumedAtHalf / (double) fileBytes;
        assertTrue(fraction > 0.4 && fraction < 0.6, "input read when half the audio was out: " + fraction);
        assertEquals(0.5 / Math.sqrt(2), lastRms, 0.01, "still the sine at the end");
    }
}
