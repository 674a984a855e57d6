package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.MonoMixer;
import java.io.IOException;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swresample;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decoded frames (any sample format, planar or not) to mono float32: libswresample converts to
 * interleaved float at the stream's declared rate, then the channels are averaged exactly as the
 * WAV decoder does ({@link MonoMixer}). The rate only changes when a frame's rate differs from
 * the declared one (a mid-stream switch); resampling to 22050 Hz is not done here. Buffers grow to
 * the largest frame seen and are reused. Owns the SwrContext and the native output buffer.
 */
final class MonoConverter implements AutoCloseable {

    private final int outRate;
    // av_malloc'd rather than JavaCPP-allocated: JavaCPP's allocator polls the process's resident
    // size on every allocation and can refuse when it is high, which an executor should not meet.
    private PointerPointer<FloatPointer> outPlanes;  // swr_convert's uint8_t**: one interleaved plane
    private SwrContext swr;
    private FloatPointer out;
    private int outCapacity;   // floats in out
    private float[] interleaved = new float[0];
    private float[] mono = new float[0];

    // What swr is configured for; a frame that differs reconfigures it.
    private int inFormat = -1;
    private int inRate;
    private int channels;
    private int inOrder;
    private long inMask;

    MonoConverter(int outRate) throws IOException {
        this.outRate = outRate;
        Pointer planes = avutil.av_mallocz(Pointer.sizeof(PointerPointer.class));
        if (planes == null || planes.isNull()) {
            throw new IOException("FFmpeg: out of memory allocating the converter");
        }
        this.outPlanes = new PointerPointer<>(planes);
    }

    /** The mono samples of the last {@link #convert} or {@link #drain}. */
    float[] samples() {
        return mono;
    }

    /** Converts one frame; returns how many mono samples {@link #samples()} now holds. */
    int convert(AVFrame frame) throws IOException {
        int held = 0;
        if (!configuredFor(frame)) {
            held = swr == null ? 0 : drainInto(0);
            configure(frame);
        }
        return held + convertInto(frame.extended_data(), frame.nb_samples(), held);
    }

    /** Flushes what the resampler still holds (nothing unless rates differ); returns the count. */
    int drain() throws IOException {
        return swr == null ? 0 : drainInto(0);
    }

    private boolean configuredFor(AVFrame frame) {
        AVChannelLayout layout = frame.ch_layout();
        return swr != null && frame.format() == inFormat && frame.sample_rate() == inRate
                && layout.nb_channels() == channels && layout.order() == inOrder && layout.u_mask() == inMask;
    }

    private void configure(AVFrame frame) throws IOException {
        freeSwr();
        AVChannelLayout layout = frame.ch_layout();
        int rate = frame.sample_rate() > 0 ? frame.sample_rate() : outRate;
        // Same layout in and out: libswresample only changes the sample format (and the rate in
        // the rare mid-stream switch); the mix to mono is ours, for librosa's exact arithmetic.
        swr = new SwrContext(null);
        int r = swresample.swr_alloc_set_opts2(swr, layout, avutil.AV_SAMPLE_FMT_FLT, outRate,
                layout, frame.format(), rate, 0, null);
        if (r >= 0) {
            r = swresample.swr_init(swr);
        }
        if (r < 0) {
            freeSwr();
            throw new AudioFormatException("cannot convert " + layout.nb_channels() + "-channel "
                    + avutil.av_get_sample_fmt_name(frame.format()).getString() + " audio: " + FfmpegLibrary.describe(r));
        }
        inFormat = frame.format();
        inRate = frame.sample_rate();
        channels = layout.nb_channels();
        inOrder = layout.order();
        inMask = layout.u_mask();
    }

    private int drainInto(int offset) throws IOException {
        return convertInto(null, 0, offset);
    }

    private int convertInto(PointerPointer<?> in, int inSamples, int offset) throws IOException {
        int capacity = swresample.swr_get_out_samples(swr, inSamples);
        if (capacity <= 0) {
            return 0;
        }
        ensureOut(capacity * channels);
        int got = swresample.swr_convert(swr, outPlanes, capacity, in, inSamples);
        if (got < 0) {
            throw new AudioFormatException("cannot convert decoded audio to float: " + FfmpegLibrary.describe(got));
        }
        if (offset + got > mono.length) {
            mono = java.util.Arrays.copyOf(mono, offset + got);
        }
        if (channels == 1) {
            out.position(0).get(mono, offset, got);
        } else {
            int floats = got * channels;
            if (floats > interleaved.length) {
                interleaved = new float[floats];
            }
            out.position(0).get(interleaved, 0, floats);
            MonoMixer.mix(interleaved, got, channels, mono, offset);
        }
        return got;
    }

    private void ensureOut(int floats) throws IOException {
        if (floats <= outCapacity) {
            return;
        }
        freeOut();
        Pointer memory = avutil.av_malloc((long) floats * Float.BYTES);
        if (memory == null || memory.isNull()) {
            throw new IOException("FFmpeg: out of memory allocating " + floats + " output samples");
        }
        out = new FloatPointer(memory);
        outCapacity = floats;
        outPlanes.put(0, out);
    }

    private void freeSwr() {
        if (swr != null) {
            swresample.swr_free(swr);
            swr = null;
        }
    }

    private void freeOut() {
        if (out != null) {
            avutil.av_free(out);
            out = null;
            outCapacity = 0;
        }
    }

    @Override
    public void close() {
        freeSwr();
        freeOut();
        if (outPlanes != null) {
            avutil.av_free(outPlanes);
            outPlanes = null;
        }
    }
}
