package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.UnsupportedAudioException;
import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.javacpp.Loader;

/** Loads FFmpeg's natives once per JVM and describes its error codes. */
final class FfmpegLibrary {

    /**
     * The largest single allocation FFmpeg may make (its own default is INT_MAX). A header field of a broken file
     * is trusted as a size by some demuxers: a WAV whose LIST/INFO entry declares 1.3 GB made FFmpeg allocate and
     * zero that much native memory, outside the JVM's heap limit, while reading the tags (found by fuzzing the tag
     * reader; docs/reliability.md). Audio needs far less: a decoded frame is kilobytes, cover art in a tag a few MB.
     */
    static final long MAX_ALLOC_BYTES = 64L << 20;

    private FfmpegLibrary() {}

    /** Class initialisation runs once and is thread-safe, so concurrent first decodes load once. */
    private static final class Natives {
        static final Throwable FAILURE = load();

        private static Throwable load() {
            long start = System.nanoTime();
            try {
                Loader.load(avutil.class);
                Loader.load(avcodec.class);
                Loader.load(avformat.class);
                Loader.load(swresample.class);
                // Corrupt frames are reported through exceptions; FFmpeg's own stderr lines would
                // bypass Spark's logging and flood executor logs on a large catalogue.
                avutil.av_log_set_level(avutil.AV_LOG_QUIET);
                avutil.av_max_alloc(MAX_ALLOC_BYTES);
                FfmpegStarts.record(System.nanoTime() - start); // FFmpeg's start-up in this JVM, once
                return null;
            } catch (LinkageError | RuntimeException e) { // no natives for this OS, broken jar
                return e;
            }
        }
    }

    /**
     * @throws UnsupportedAudioException when the natives cannot be loaded on this machine (e.g. an
     *     OS whose classifier is not on the class path)
     */
    static void load() throws UnsupportedAudioException {
        Throwable failure = Natives.FAILURE;
        if (failure != null) {
            UnsupportedAudioException e = new UnsupportedAudioException("FFmpeg natives cannot be loaded here: " + failure);
            e.initCause(failure);
            throw e;
        }
    }

    /** True when the natives loaded; loads them on the first call. */
    static boolean available() {
        return Natives.FAILURE == null;
    }

    /** av_strerror's text for an AVERROR code: "Invalid data found when processing input". */
    static String describe(int error) {
        byte[] text = new byte[128];
        if (avutil.av_strerror(error, text, text.length) < 0) {
            return "FFmpeg error " + error;
        }
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, StandardCharsets.UTF_8);
    }
}
