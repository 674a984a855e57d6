package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.IOException;
import java.io.InputStream;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The container side: probes the format through an {@link AvioInput}, picks the best audio stream
 * and hands out that stream's packets (the demuxer is told to drop every other stream, e.g. cover
 * art). Owns the AVFormatContext and the AvioInput.
 */
final class AudioDemuxer implements AutoCloseable {

    private final AvioInput input;
    private AVFormatContext format;
    private final AVStream stream;
    private final int streamIndex;

    private AudioDemuxer(AvioInput input, AVFormatContext format, AVStream stream, int streamIndex) {
        this.input = input;
        this.format = format;
        this.stream = stream;
        this.streamIndex = streamIndex;
    }

    /** Opens {@code in} (left open on failure); natives must be loaded. */
    static AudioDemuxer open(InputStream in) throws IOException {
        AvioInput input = AvioInput.open(in);
        AVFormatContext format = null;
        try {
            format = avformat.avformat_alloc_context();
            if (format == null || format.isNull()) {
                format = null;
                throw new IOException("FFmpeg: out of memory allocating a format context");
            }
            format.pb(input.context());
            int r = avformat.avformat_open_input(format, (String) null, null, null);
            if (r < 0) {
                format = null; // avformat_open_input frees the context when it fails
                throw openFailure(r, input);
            }
            r = avformat.avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (r < 0) {
                rethrowInputFailure(input);
                throw new AudioFormatException("corrupt: cannot read the stream parameters: " + FfmpegLibrary.describe(r));
            }
            int index = avformat.av_find_best_stream(format, avutil.AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
            if (index < 0) {
                throw new AudioFormatException("no audio stream in this " + formatName(format) + " file");
            }
            for (int i = 0; i < format.nb_streams(); i++) {
                if (i != index) {
                    format.streams(i).discard(avcodec.AVDISCARD_ALL);
                }
            }
            return new AudioDemuxer(input, format, format.streams(index), index);
        } catch (IOException | RuntimeException e) {
            if (format != null) {
                avformat.avformat_close_input(format);
            }
            input.close();
            throw e;
        }
    }

    private static IOException openFailure(int error, AvioInput input) throws IOException {
        rethrowInputFailure(input);
        if (input.bytesRead() == 0) {
            return new AudioFormatException("empty file");
        }
        if (error == AvErrors.INVALIDDATA) {
            return new UnsupportedAudioException("unsupported format: FFmpeg recognises no container in these bytes ("
                    + FfmpegLibrary.describe(error) + ")");
        }
        if (error == AvErrors.EOF) {
            return new AudioFormatException("truncated: the stream ends inside the container header");
        }
        return new AudioFormatException("cannot open: " + FfmpegLibrary.describe(error));
    }

    /** An exception the InputStream threw inside a callback is the real story: rethrow it. */
    static void rethrowInputFailure(AvioInput input) throws IOException {
        Throwable t = input.failure();
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private static String formatName(AVFormatContext format) {
        return format.iformat() == null || format.iformat().name() == null ? "?" : format.iformat().name().getString();
    }

    AVStream stream() {
        return stream;
    }

    AvioInput input() {
        return input;
    }

    /** FFmpeg's demuxer name: "mp3", "mov,mp4,m4a,3gp,3g2,mj2", "flac", "ogg". */
    String formatName() {
        return formatName(format);
    }

    /**
     * The stream's length in frames at {@code sampleRate} from the container, or -1 when unknown or
     * merely estimated from the bit rate (VBR MP3 without a Xing header, unseekable inputs).
     */
    long durationFrames(int sampleRate) {
        if (format.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE) {
            return -1;
        }
        long duration = stream.duration();
        if (duration != avutil.AV_NOPTS_VALUE && duration > 0) {
            AVRational base = stream.time_base();
            return avutil.av_rescale(duration, (long) base.num() * sampleRate, base.den());
        }
        duration = format.duration();
        if (duration != avutil.AV_NOPTS_VALUE && duration > 0) {
            return avutil.av_rescale(duration, sampleRate, avutil.AV_TIME_BASE);
        }
        return -1;
    }

    /**
     * Where {@code packet} ends, in frames at {@code sampleRate} from the stream's start, or -1 when
     * it carries no timestamp.
     */
    long endFrames(AVPacket packet, int sampleRate) {
        long pts = packet.pts();
        if (pts == avutil.AV_NOPTS_VALUE) {
            return -1;
        }
        long start = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        AVRational base = stream.time_base();
        return avutil.av_rescale(pts - start + Math.max(0, packet.duration()), (long) base.num() * sampleRate, base.den());
    }

    /** The next packet of the audio stream into {@code packet}: 0, AVERROR_EOF, or another error. */
    int read(AVPacket packet) {
        while (true) {
            int r = avformat.av_read_frame(format, packet);
            if (r < 0 || packet.stream_index() == streamIndex) {
                return r;
            }
            avcodec.av_packet_unref(packet);
        }
    }

    /** Frees the format context, then the AVIO it read through. */
    @Override
    public void close() {
        try {
            if (format != null) {
                avformat.avformat_close_input(format);
                format = null;
            }
        } finally {
            input.close();
        }
    }
}
