package io.genrelake.audio;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Uncompressed interleaved samples following a parsed header: the one {@link AudioStream} behind
 * WAV, AU and AIFF. Reads in bulk (64 KiB) and converts whole buffers, so a 30-s clip decodes in
 * a few milliseconds.
 */
final class PcmStream implements AudioStream {

    private static final int BUFFER_BYTES = 1 << 16;

    private final InputStream in;
    private final SampleFormat format;
    private final int channels;
    private final int sampleRate;
    private final int frameBytes;
    private final long dataBytes;       // -1: read to the end of the stream
    private final String dataLabel;     // how the header names the data, for messages
    private final byte[] buffer;
    private final float[] interleaved;  // null for mono: decoded straight into the caller's array
    private final int bufferFrames;

    private long framesLeft;            // -1 when the length is unknown
    private long bytesRead;
    private boolean ended;
    private String truncation;          // set once the stream ended early; repeated on later reads

    /**
     * @param dataBytes the sample data's length as the header declares it, or -1 for "until the
     *     end of the stream"; a trailing partial frame is ignored (as libsndfile does)
     * @param dataLabel e.g. "data chunk", used in "truncated: data chunk declares N bytes, ..."
     */
    PcmStream(InputStream in, SampleFormat format, int channels, int sampleRate, long dataBytes, String dataLabel) {
        this.in = in;
        this.format = format;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.frameBytes = format.bytes * channels;
        this.dataBytes = dataBytes;
        this.dataLabel = dataLabel;
        this.bufferFrames = Math.max(1, BUFFER_BYTES / frameBytes);
        this.buffer = new byte[bufferFrames * frameBytes];
        this.interleaved = channels == 1 ? null : new float[bufferFrames * channels];
        this.framesLeft = dataBytes < 0 ? -1 : dataBytes / frameBytes;
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
        return format.codec;
    }

    @Override
    public long frameCount() {
        return dataBytes < 0 ? -1 : dataBytes / frameBytes;
    }

    @Override
    public int readMono(float[] dst, int offset, int maxFrames) throws IOException {
        Objects.checkFromIndexSize(offset, maxFrames, dst.length);
        if (truncation != null) {
            throw new AudioFormatException(truncation);
        }
        if (ended) {
            return -1;
        }
        if (maxFrames == 0) {
            return 0;
        }
        int frames = Math.min(maxFrames, bufferFrames);
        if (framesLeft >= 0) {
            frames = (int) Math.min(frames, framesLeft);
        }
        if (frames == 0) {
            ended = true;
            return -1;
        }
        int want = frames * frameBytes;
        int got = in.readNBytes(buffer, 0, want);
        bytesRead += got;
        if (got < want) {
            if (dataBytes >= 0) {
                truncation = "truncated: " + dataLabel + " declares " + dataBytes
                        + " bytes, stream ended after " + bytesRead;
                throw new AudioFormatException(truncation);
            }
            ended = true;
            frames = got / frameBytes;
            if (frames == 0) {
                return -1;
            }
        }
        if (framesLeft >= 0) {
            framesLeft -= frames;
        }
        if (interleaved == null) {
            format.decode(buffer, frames, dst, offset);
        } else {
            format.decode(buffer, frames * channels, interleaved, 0);
            MonoMixer.mix(interleaved, frames, channels, dst, offset);
        }
        return frames;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        in.close();
    }
}
