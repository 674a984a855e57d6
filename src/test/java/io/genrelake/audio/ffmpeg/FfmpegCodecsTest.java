package io.genrelake.audio.ffmpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.audio.MonoAudioSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every compressed format this FFmpeg build can encode, through the project's own entry point
 * (AudioLoader → AudioDecoders.standard() → FFmpeg → MonoAudioSource at 22050 Hz): a 3-s 440-Hz
 * sine of amplitude 0.5 on both channels of a 44.1-kHz stereo file must come back 3 s long, at
 * RMS 0.5/√2, at 440 Hz, with the right codec, rate and channel count.
 */
class FfmpegCodecsTest {

    static final double SECONDS = 3;
    static final int SR = MonoAudioSource.TARGET_RATE;

    @TempDir
    Path dir;

    static Stream<SineEncoder.Recipe> recipes() {
        return Stream.of(SineEncoder.MP3, SineEncoder.M4A, SineEncoder.ADTS, SineEncoder.FLAC, SineEncoder.VORBIS,
                SineEncoder.OPUS, SineEncoder.MKA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recipes")
    void decodesASineFaithfully(SineEncoder.Recipe recipe) throws IOException {
        assumeTrue(recipe.encoder() != null, "this FFmpeg build cannot encode " + recipe);
        Path file = dir.resolve("sine." + recipe.extension());
        int encodedRate = new SineEncoder(recipe).seconds(SECONDS).writeTo(file);

        LoadedAudio audio = AudioLoader.load(file);

        assertEquals(recipe.codec(), audio.codec());
        assertEquals(encodedRate, audio.sampleRateIn());
        assertEquals(2, audio.channelsIn());
        assertEquals(SR, audio.sampleRate());
        assertEquals(SECONDS, audio.seconds(), 0.1, "duration within codec padding");
        assertSine(audio.samples());
    }

    /** The middle second: RMS 0.5/√2 within 2 %, 880 zero crossings, DFT peak at 440 Hz. */
    static void assertSine(float[] x) {
        int from = SR;
        int to = 2 * SR;
        double rms = Signals.rms(x, from, to);
        double expected = 0.5 / Math.sqrt(2);
        assertEquals(expected, rms, 0.02 * expected, "RMS of the middle second");
        int crossings = Signals.zeroCrossings(x, from, to);
        assertTrue(Math.abs(crossings - 880) <= 4, "zero crossings in one second: " + crossings);
        assertEquals(440, Signals.peakFrequency(x, from, to, SR, 400, 480));
    }
}
