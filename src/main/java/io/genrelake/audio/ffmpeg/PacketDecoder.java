package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.IOException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;

/** The codec side: one opened AVCodecContext for the chosen stream. Owns the context. */
final class PacketDecoder implements AutoCloseable {

    private AVCodecContext context;
    private final String codecName;

    private PacketDecoder(AVCodecContext context, String codecName) {
        this.context = context;
        this.codecName = codecName;
    }

    static PacketDecoder open(AVStream stream) throws IOException {
        AVCodecParameters parameters = stream.codecpar();
        String name = avcodec.avcodec_get_name(parameters.codec_id()).getString();
        AVCodec codec = avcodec.avcodec_find_decoder(parameters.codec_id());
        if (codec == null || codec.isNull()) {
            throw new UnsupportedAudioException("unsupported codec " + name + ": this FFmpeg build has no decoder for it");
        }
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw new IOException("FFmpeg: out of memory allocating a " + name + " decoder");
        }
        try {
            int r = avcodec.avcodec_parameters_to_context(context, parameters);
            if (r < 0) {
                throw new AudioFormatException("corrupt " + name + " parameters: " + FfmpegLibrary.describe(r));
            }
            context.pkt_timebase(stream.time_base());
            // One thread per stream: Spark already keeps every core busy with its own file.
            context.thread_count(1);
            r = avcodec.avcodec_open2(context, codec, (AVDictionary) null);
            if (r < 0) {
                throw new AudioFormatException("cannot open the " + name + " decoder: " + FfmpegLibrary.describe(r));
            }
            if (context.sample_rate() <= 0 || context.ch_layout().nb_channels() <= 0) {
                throw new AudioFormatException("corrupt: the " + name + " stream declares " + context.sample_rate()
                        + " Hz and " + context.ch_layout().nb_channels() + " channels");
            }
            return new PacketDecoder(context, name);
        } catch (IOException | RuntimeException e) {
            avcodec.avcodec_free_context(context);
            throw e;
        }
    }

    /** FFmpeg's codec name: mp3, aac, flac, vorbis, opus. */
    String codecName() {
        return codecName;
    }

    int sampleRate() {
        return context.sample_rate();
    }

    int channels() {
        return context.ch_layout().nb_channels();
    }

    /** avcodec_send_packet; a null packet starts draining. */
    int send(AVPacket packet) {
        return avcodec.avcodec_send_packet(context, packet);
    }

    /** avcodec_receive_frame: 0, AVERROR(EAGAIN), AVERROR_EOF or a decoding error. */
    int receive(AVFrame frame) {
        return avcodec.avcodec_receive_frame(context, frame);
    }

    @Override
    public void close() {
        if (context != null) {
            avcodec.avcodec_free_context(context);
            context = null;
        }
    }
}
