package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.FrameStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Packets → frames → mono floats, one frame at a time, so memory stays bounded whatever the
 * file's length. Error policy, the same as the ffmpeg command line's where that is sensible:
 * <ul>
 *   <li>a packet that fails to decode is skipped (one bad frame should not cost a whole song), but
 *       {@value #MAX_CONSECUTIVE_ERRORS} in a row, or errors with nothing decoded, mean corrupt data;
 *   <li>a read error or an early end is reported as "truncated: decoding stopped after N s" once
 *       the audio before it has been delivered;
 *   <li>an exception from the InputStream itself is rethrown as is (I/O, not a format problem).
 * </ul>
 * Owns the InputStream and every native object; not thread-safe, but shares nothing with other
 * streams.
 */
final class FfmpegAudioStream extends FrameStream {

    /** About 0.4 s of MP3 or AAC frames. */
    static final int MAX_CONSECUTIVE_ERRORS = 16;

    private final InputStream in;
    private final AudioDemuxer demuxer;
    private final PacketDecoder decoder;
    private final MonoConverter converter;
    private AVPacket packet;
    private AVFrame frame;

    private final int sampleRate;
    private final int channels;
    private final long frameCount;

    private float[] pending = new float[0];
    private int pendingPos;
    private int pendingEnd;
    private long framesOut;
    private long inputEnd = -1;   // where the furthest packet read so far ends, in frames
    private boolean draining;     // the decoder has been sent its final (null) packet
    private boolean ended;
    private int readError;        // the demuxer's error that ended the input, 0 if none
    private int lastDecodeError;
    private int consecutiveErrors;
    private long decodeErrors;
    private String failure;       // why decoding stopped; thrown once the audio before it is read
    private Throwable inputFailure;

    private FfmpegAudioStream(InputStream in, AudioDemuxer demuxer, PacketDecoder decoder, MonoConverter converter,
            AVPacket packet, AVFrame frame) {
        this.in = in;
        this.demuxer = demuxer;
        this.decoder = decoder;
        this.converter = converter;
        this.packet = packet;
        this.frame = frame;
        this.sampleRate = decoder.sampleRate();
        this.channels = decoder.channels();
        this.frameCount = demuxer.durationFrames(sampleRate);
    }

    /** Opens {@code in}; on failure frees everything native and leaves {@code in} open. */
    static FfmpegAudioStream open(InputStream in) throws IOException {
        FfmpegLibrary.load();
        AudioDemuxer demuxer = AudioDemuxer.open(in);
        PacketDecoder decoder = null;
        MonoConverter converter = null;
        AVPacket packet = null;
        AVFrame frame = null;
        try {
            decoder = PacketDecoder.open(demuxer.stream());
            converter = new MonoConverter(decoder.sampleRate());
            packet = avcodec.av_packet_alloc();
            frame = avutil.av_frame_alloc();
            if (packet == null || packet.isNull() || frame == null || frame.isNull()) {
                throw new IOException("FFmpeg: out of memory allocating a packet and a frame");
            }
            return new FfmpegAudioStream(in, demuxer, decoder, converter, packet, frame);
        } catch (IOException | RuntimeException e) {
            if (frame != null && !frame.isNull()) {
                avutil.av_frame_free(frame);
            }
            if (packet != null && !packet.isNull()) {
                avcodec.av_packet_free(packet);
            }
            if (converter != null) {
                converter.close();
            }
            if (decoder != null) {
                decoder.close();
            }
            demuxer.close();
            throw e;
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public String codec() {
        return decoder.codecName();
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    protected int pending() {
        return pendingEnd - pendingPos;
    }

    @Override
    protected int take(float[] dst, int offset, int max) {
        int n = Math.min(max, pendingEnd - pendingPos);
        System.arraycopy(pending, pendingPos, dst, offset, n);
        pendingPos += n;
        return n;
    }

    @Override
    protected void throwFailure() throws IOException {
        rethrowInputFailure();
        if (failure != null) {
            throw new AudioFormatException(failure);
        }
    }

    @Override
    protected boolean nextFrame() throws IOException {
        while (!ended) {
            int r = decoder.receive(frame);
            if (r == 0) {
                consecutiveErrors = 0;
                int n;
                try {
                    n = converter.convert(frame);
                } finally {
                    avutil.av_frame_unref(frame);
                }
                if (n > 0) {
                    return deliver(n);
                }
            } else if (r == AvErrors.EAGAIN) {
                feed();
            } else if (r == AvErrors.EOF) {
                finish();
                int n = converter.drain();
                if (n > 0) {
                    return deliver(n);
                }
            } else {
                decodeError(r);
            }
        }
        return false;
    }

    private boolean deliver(int n) {
        pending = converter.samples();
        pendingPos = 0;
        pendingEnd = n;
        framesOut += n;
        return true;
    }

    /** Sends the decoder its next packet, or the end-of-stream signal. */
    private void feed() throws IOException {
        if (draining) { // cannot happen per FFmpeg's contract; guards against a busy loop
            ended = true;
            return;
        }
        int r = demuxer.read(packet);
        if (r < 0) {
            if (r != AvErrors.EOF) {
                readError = r;
            }
            draining = true;
            decoder.send(null); // decode what the decoder still holds, then AVERROR_EOF
            return;
        }
        inputEnd = Math.max(inputEnd, demuxer.endFrames(packet, sampleRate));
        int s = decoder.send(packet);
        avcodec.av_packet_unref(packet);
        if (s < 0) {
            decodeError(s);
        }
    }

    private void decodeError(int error) {
        decodeErrors++;
        lastDecodeError = error;
        if (++consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
            stop("corrupt: " + consecutiveErrors + " undecodable packets in a row at " + seconds(framesOut)
                    + ": " + FfmpegLibrary.describe(error));
        }
    }

    /** The decoder is empty: decide whether the stream ended cleanly. */
    private void finish() {
        ended = true;
        AvioInput input = demuxer.input();
        if (input.failure() != null) {
            inputFailure = input.failure();
        } else if (readError != 0 && input.seekRefused()) {
            failure = "needs a seekable input: this " + demuxer.formatName() + " file's index lies after its audio"
                    + " (e.g. an M4A without faststart), and the stream cannot seek back; open it from a local"
                    + " file or a SeekableInputStream (" + FfmpegLibrary.describe(readError) + ")";
        } else if (framesOut == 0 && (readError != 0 || decodeErrors > 0)) {
            failure = "corrupt: no audio could be decoded: "
                    + FfmpegLibrary.describe(readError != 0 ? readError : lastDecodeError);
        } else if (readError != 0) {
            failure = "truncated: decoding stopped after " + seconds(framesOut) + ": " + FfmpegLibrary.describe(readError);
        } else if (frameCount > 0 && framesOut + truncationSlack() < frameCount) {
            String cause = decodeErrors > 0 ? ": " + FfmpegLibrary.describe(lastDecodeError) : "";
            // Packets up to the declared end mean the data is there but partly undecodable;
            // packets that stop early mean the file was cut.
            failure = inputEnd + truncationSlack() >= frameCount
                    ? "corrupt: only " + seconds(framesOut) + " of the " + seconds(frameCount)
                            + " the header declares could be decoded" + cause
                    : "truncated: decoding stopped after " + seconds(framesOut) + " of the " + seconds(frameCount)
                            + " the header declares" + cause;
        }
    }

    private long truncationSlack() {
        return truncationSlack(sampleRate, frameCount);
    }

    private void stop(String reason) {
        failure = reason;
        ended = true;
    }

    private void rethrowInputFailure() throws IOException {
        Throwable t = inputFailure;
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

    private String seconds(long frames) {
        return String.format(Locale.ROOT, "%.1f s", frames / (double) sampleRate);
    }

    /** Frees every native object (each step runs even if an earlier one throws), then closes the stream. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ended = true;
        try {
            if (frame != null) {
                avutil.av_frame_free(frame);
                frame = null;
            }
            if (packet != null) {
                avcodec.av_packet_free(packet);
                packet = null;
            }
        } finally {
            try {
                converter.close();
            } finally {
                try {
                    decoder.close();
                } finally {
                    try {
                        demuxer.close();
                    } finally {
                        in.close();
                    }
                }
            }
        }
    }
}
