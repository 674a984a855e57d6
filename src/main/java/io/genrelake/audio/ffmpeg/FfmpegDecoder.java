package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * MP3, AAC/M4A, FLAC, Ogg Vorbis, Opus and anything else FFmpeg's demuxers recognise, decoded by
 * FFmpeg from an InputStream (see {@link AvioInput}). Register it after the pure-Java decoders
 * ({@link io.genrelake.audio.AudioDecoders#standard()}) so WAV, AU and AIFF never go through
 * natives. FFmpeg runs in a process of its own per decoding thread by default ({@link FfmpegIsolation}), so that a
 * crash in its native code fails the file, not the JVM. Stateless and thread-safe; each opened stream is independent.
 *
 * <p>Streams are seekable when {@code in} is a {@link SeekableInputStream}; M4A files whose index
 * follows the audio need that, and fail with a clear reason otherwise.
 */
public final class FfmpegDecoder implements AudioDecoder {

    @Override
    public String name() {
        return "ffmpeg";
    }

    /**
     * The common compressed formats by their magic bytes, then anything FFmpeg's probe is sure of (asked in the
     * FFmpeg process unless {@link FfmpegIsolation} says none: the probe is native code on the file's bytes too).
     *
     * @throws UncheckedIOException when the FFmpeg process cannot be started
     */
    @Override
    public boolean sniff(byte[] header, int length) {
        if (CompressedAudioMagic.matches(header, length)) {
            return true;
        }
        if (!FfmpegIsolation.isolated()) {
            return FormatProbe.recognises(header, length);
        }
        try {
            return length > 0 && FfmpegProcesses.get().sniff(header, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decoded in the FFmpeg process ({@link IsolatedAudioStream}) unless {@link FfmpegIsolation} says none. */
    @Override
    public AudioStream open(InputStream in) throws IOException {
        return FfmpegIsolation.isolated() ? IsolatedAudioStream.open(in) : FfmpegAudioStream.open(in);
    }
}
