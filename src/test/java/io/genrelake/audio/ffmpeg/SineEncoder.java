package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * Test inputs made with FFmpeg's own encoders through JavaCPP (no ffmpeg command line needed): a
 * sine, identical on every channel, generated one codec frame at a time and muxed as it goes, so
 * an hour-long file never exists as PCM in memory.
 */
final class SineEncoder {

    /** One way to produce a file: encoder, muxer, and the codec name the decoder should report. */
    record Recipe(String label, String[] encoders, String muxer, String extension, String codec, long bitRate) {

        /** The first of {@link #encoders} this FFmpeg build has, or null. */
        String encoder() {
            FfmpegLibrary.available();
            for (String name : encoders) {
                AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
                if (codec != null && !codec.isNull()) {
                    return name;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** 320 kbps: LAME's quantiser shrinks a pure tone by 3 % at 192 kbps and 5 % at 128 (measured). */
    static final Recipe MP3 = new Recipe("mp3", new String[] {"libmp3lame"}, "mp3", "mp3", "mp3", 320_000);
    static final Recipe M4A = new Recipe("m4a", new String[] {"aac"}, "ipod", "m4a", "aac", 192_000);
    static final Recipe ADTS = new Recipe("adts", new String[] {"aac"}, "adts", "aac", "aac", 192_000);
    static final Recipe FLAC = new Recipe("flac", new String[] {"flac"}, "flac", "flac", "flac", 0);
    static final Recipe VORBIS = new Recipe("vorbis", new String[] {"libvorbis", "vorbis"}, "ogg", "ogg", "vorbis", 192_000);
    static final Recipe OPUS = new Recipe("opus", new String[] {"libopus", "opus"}, "ogg", "opus", "opus", 128_000);
    /** Not in the magic-byte list: reaches the decoder through FFmpeg's probe. */
    static final Recipe MKA = new Recipe("mka", new String[] {"flac"}, "matroska", "mka", "flac", 0);

    private final Recipe recipe;
    private int sampleRate = 44100;
    private int channels = 2;
    private double seconds = 3;
    private double frequency = 440;
    private double amplitude = 0.5;
    private String movflags;
    private Signal signal;
    private int compressionLevel = -1;
    private int vbrQuality = -1;
    private final java.util.Map<String, String> codecOptions = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, String> muxerOptions = new java.util.LinkedHashMap<>();

    SineEncoder(Recipe recipe) {
        this.recipe = recipe;
    }

    SineEncoder seconds(double s) {
        seconds = s;
        return this;
    }

    /** A sample of channel c at time t (seconds). */
    interface Signal {
        double at(int c, double t);
    }

    /**
     * Replaces the sine with {@code signal}, which may differ between channels (encoders with planar float input
     * only, as LAME is).
     */
    SineEncoder signal(Signal s) {
        signal = s;
        return this;
    }

    SineEncoder channels(int c) {
        channels = c;
        return this;
    }

    SineEncoder sampleRate(int r) {
        sampleRate = r;
        return this;
    }

    /** "+faststart" puts an M4A's index before its audio. */
    SineEncoder movflags(String flags) {
        movflags = flags;
        return this;
    }

    SineEncoder compressionLevel(int level) {
        compressionLevel = level;
        return this;
    }

    /** Variable bit rate at this quality (LAME's -V: 0 best … 9 smallest) instead of the recipe's bit rate. */
    SineEncoder vbrQuality(int q) {
        vbrQuality = q;
        return this;
    }

    /** An encoder option (libmp3lame: {@code abr}, {@code joint_stereo}, {@code reservoir}). */
    SineEncoder codecOption(String key, String value) {
        codecOptions.put(key, value);
        return this;
    }

    /** A muxer option (mp3: {@code write_xing}, {@code id3v2_version}, {@code write_id3v1}). */
    SineEncoder muxerOption(String key, String value) {
        muxerOptions.put(key, value);
        return this;
    }

    /** Writes the file; returns the sample rate actually encoded (Opus only does 48 kHz). */
    int writeTo(Path path) throws IOException {
        FfmpegLibrary.load();
        String encoderName = recipe.encoder();
        if (encoderName == null) {
            throw new IOException("no encoder for " + recipe);
        }
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(encoderName);
        AVFormatContext muxer = new AVFormatContext(null);
        check(avformat.avformat_alloc_output_context2(muxer, null, recipe.muxer(), path.toString()), "output context");
        AVCodecContext encoder = avcodec.avcodec_alloc_context3(codec);
        AVPacket packet = avcodec.av_packet_alloc();
        AVFrame frame = avutil.av_frame_alloc();
        boolean ioOpen = false;
        try {
            int rate = pickRate(encoder, codec);
            encoder.sample_rate(rate);
            avutil.av_channel_layout_default(encoder.ch_layout(), channels);
            encoder.sample_fmt(pickFormat(encoder, codec));
            encoder.time_base(avutil.av_make_q(1, rate));
            if (vbrQuality >= 0) {
                encoder.flags(encoder.flags() | avcodec.AV_CODEC_FLAG_QSCALE);
                encoder.global_quality(vbrQuality * avutil.FF_QP2LAMBDA);
            } else if (recipe.bitRate() > 0) {
                encoder.bit_rate(recipe.bitRate());
            }
            if (compressionLevel >= 0) {
                encoder.compression_level(compressionLevel);
            }
            encoder.strict_std_compliance(avcodec.FF_COMPLIANCE_EXPERIMENTAL); // FFmpeg's own Vorbis encoder
            if ((muxer.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
                encoder.flags(encoder.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary codecDict = new AVDictionary(null);
            codecOptions.forEach((k, v) -> avutil.av_dict_set(codecDict, k, v, 0));
            int opened = avcodec.avcodec_open2(encoder, codec, codecDict);
            int unused = avutil.av_dict_count(codecDict);
            avutil.av_dict_free(codecDict);
            check(opened, "open " + encoderName);
            if (unused > 0) {
                throw new IOException("test encoder: " + encoderName + " ignored some of " + codecOptions);
            }

            AVStream stream = avformat.avformat_new_stream(muxer, null);
            check(avcodec.avcodec_parameters_from_context(stream.codecpar(), encoder), "stream parameters");
            stream.time_base(encoder.time_base());

            AVIOContext io = new AVIOContext(null);
            check(avformat.avio_open(io, path.toString(), avformat.AVIO_FLAG_WRITE), "open " + path);
            muxer.pb(io);
            ioOpen = true;
            AVDictionary options = new AVDictionary(null);
            if (movflags != null) {
                avutil.av_dict_set(options, "movflags", movflags, 0);
            }
            muxerOptions.forEach((k, v) -> avutil.av_dict_set(options, k, v, 0));
            int written = avformat.avformat_write_header(muxer, options);
            int unusedMuxer = avutil.av_dict_count(options);
            avutil.av_dict_free(options);
            check(written, "write header");
            if (unusedMuxer > 0) {
                throw new IOException("test encoder: the " + recipe.muxer() + " muxer ignored some of " + muxerOptions);
            }

            int frameSize = encoder.frame_size() > 0 ? encoder.frame_size() : 1024;
            boolean shortLastFrame = (codec.capabilities()
                    & (avcodec.AV_CODEC_CAP_SMALL_LAST_FRAME | avcodec.AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) != 0;
            frame.format(encoder.sample_fmt());
            frame.sample_rate(rate);
            avutil.av_channel_layout_copy(frame.ch_layout(), encoder.ch_layout());
            frame.nb_samples(frameSize);
            check(avutil.av_frame_get_buffer(frame, 0), "frame buffer");

            long total = Math.round(seconds * rate);
            float[] wave = new float[frameSize];
            float[] interleaved = new float[frameSize * channels];
            short[] shorts = new short[frameSize * channels];
            float[][] waves = signal == null ? null : new float[channels][frameSize];
            for (long pos = 0; pos < total; pos += frameSize) {
                int n = (int) Math.min(frameSize, total - pos);
                int emitted = shortLastFrame ? n : frameSize; // pad with silence when the codec needs full frames
                check(avutil.av_frame_make_writable(frame), "writable frame");
                for (int i = 0; i < emitted; i++) {
                    wave[i] = i < n ? (float) (amplitude * Math.sin(2 * Math.PI * frequency * (pos + i) / rate)) : 0f;
                }
                if (waves != null) {
                    for (int c = 0; c < channels; c++) {
                        for (int i = 0; i < emitted; i++) {
                            waves[c][i] = i < n ? (float) signal.at(c, (pos + i) / (double) rate) : 0f;
                        }
                    }
                }
                frame.nb_samples(emitted);
                fill(frame, wave, waves, emitted, interleaved, shorts);
                frame.pts(pos);
                check(avcodec.avcodec_send_frame(encoder, frame), "encode");
                writePackets(encoder, muxer, stream, packet);
            }
            check(avcodec.avcodec_send_frame(encoder, null), "flush encoder");
            writePackets(encoder, muxer, stream, packet);
            check(avformat.av_write_trailer(muxer), "write trailer");
            return rate;
        } finally {
            avutil.av_frame_free(frame);
            avcodec.av_packet_free(packet);
            avcodec.avcodec_free_context(encoder);
            if (ioOpen) {
                avformat.avio_closep(muxer.pb());
            }
            avformat.avformat_free_context(muxer);
        }
    }

    private void fill(AVFrame frame, float[] wave, float[][] waves, int n, float[] interleaved, short[] shorts) {
        int format = frame.format();
        if (format == avutil.AV_SAMPLE_FMT_FLTP) {
            for (int c = 0; c < channels; c++) {
                new FloatPointer(frame.data(c)).put(waves != null ? waves[c] : wave, 0, n);
            }
        } else if (waves != null) {
            throw new IllegalStateException("per-channel signals need planar float input; this encoder takes " + format);
        } else if (format == avutil.AV_SAMPLE_FMT_FLT) {
            for (int i = 0, p = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    interleaved[p++] = wave[i];
                }
            }
            new FloatPointer(frame.data(0)).put(interleaved, 0, n * channels);
        } else if (format == avutil.AV_SAMPLE_FMT_S16P) {
            for (int i = 0; i < n; i++) {
                shorts[i] = (short) Math.round(wave[i] * 32767.0);
            }
            for (int c = 0; c < channels; c++) {
                new ShortPointer(frame.data(c)).put(shorts, 0, n);
            }
        } else if (format == avutil.AV_SAMPLE_FMT_S16) {
            for (int i = 0, p = 0; i < n; i++) {
                short s = (short) Math.round(wave[i] * 32767.0);
                for (int c = 0; c < channels; c++) {
                    shorts[p++] = s;
                }
            }
            new ShortPointer(frame.data(0)).put(shorts, 0, n * channels);
        } else {
            throw new IllegalStateException("sample format " + format + " not handled by the test encoder");
        }
    }

    private static void writePackets(AVCodecContext encoder, AVFormatContext muxer, AVStream stream, AVPacket packet)
            throws IOException {
        while (true) {
            int r = avcodec.avcodec_receive_packet(encoder, packet);
            if (r == AvErrors.EAGAIN || r == AvErrors.EOF) {
                return;
            }
            check(r, "receive packet");
            avcodec.av_packet_rescale_ts(packet, encoder.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(avformat.av_interleaved_write_frame(muxer, packet), "write packet");
        }
    }

    /** The requested rate if the encoder takes it, else 48000 (Opus), else its first. */
    private int pickRate(AVCodecContext encoder, AVCodec codec) {
        int[] rates = supported(encoder, codec, avcodec.AV_CODEC_CONFIG_SAMPLE_RATE);
        if (rates == null || contains(rates, sampleRate)) {
            return sampleRate;
        }
        return contains(rates, 48000) ? 48000 : rates[0];
    }

    /** Float or 16-bit, planar or not: what {@link #fill} writes. */
    private static int pickFormat(AVCodecContext encoder, AVCodec codec) {
        int[] formats = supported(encoder, codec, avcodec.AV_CODEC_CONFIG_SAMPLE_FORMAT);
        int[] preferred = {avutil.AV_SAMPLE_FMT_FLTP, avutil.AV_SAMPLE_FMT_FLT, avutil.AV_SAMPLE_FMT_S16P, avutil.AV_SAMPLE_FMT_S16};
        for (int f : preferred) {
            if (formats == null || contains(formats, f)) {
                return f;
            }
        }
        throw new IllegalStateException("the encoder takes none of float/s16, planar or not");
    }

    private static int[] supported(AVCodecContext encoder, AVCodec codec, int config) {
        try (PointerPointer<Pointer> out = new PointerPointer<>(1); IntPointer count = new IntPointer(1)) {
            avcodec.avcodec_get_supported_config(encoder, codec, config, 0, out, count);
            Pointer list = out.get(0);
            if (list == null || list.isNull()) {
                return null; // anything goes
            }
            int[] values = new int[count.get()];
            new IntPointer(list).get(values);
            return values;
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static void check(int r, String what) throws IOException {
        if (r < 0) {
            throw new IOException("test encoder: " + what + ": " + FfmpegLibrary.describe(r));
        }
    }
}
