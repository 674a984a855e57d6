package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * MP3, AAC/M4A, FLAC, Ogg Vorbis, Opus and anything else FFmpeg's demuxers recognise, decoded by
 * FFmpeg from an InputStream (see {@link AvioInput}). Register it after the pure-Java decoders
 * ({@link io.genrelake.audio.AudioDecoders#standard()}) so WAV, AU and AIFF never go through
 * natives. Stateless and thread-safe; each opened stream is independent.
 *
 * <p>Streams are seekable when {@code in} is a {@link SeekableInputStream}; M4A files whose index
 * follows the audio need that, and fail with a clear reason otherwise.
 */
public final class FfmpegDecoder implements AudioDecoder {

    @Override
    public String name() {
        return "ffmpeg";
    }

    /** The common compressed formats by their magic bytes, then anything FFmpeg's probe is sure of. */
    @Override
    public boolean sniff(byte[] header, int length) {
        return CompressedAudioMagic.matches(header, length) || FormatProbe.recognises(header, length);
    }

    @Override
    public AudioStream open(InputStream in) throws IOException {
        return FfmpegAudioStream.open(in);
    }
}
