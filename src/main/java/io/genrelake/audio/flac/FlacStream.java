package io.genrelake.audio.flac;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.FrameStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * A FLAC file's audio, a frame at a time, mixed to mono as {@code MonoMixer} mixes (each sample scaled to [−1, 1) by
 * 2^(bits − 1), the channels summed left to right in float, then divided): the floats FFmpeg's decoder and
 * libswresample's conversion give, bit for bit ({@code FlacDecoderTest}).
 *
 * <p>The file is read through a buffer that holds at least one whole frame; a frame that runs past it is decoded
 * again once more is read (the buffer grows up to {@link #MAX_FRAME_BYTES}). A damaged frame (a CRC that does not
 * match, a reserved value) is skipped to the next frame header whose CRC-8 holds, as FFmpeg's parser resynchronises
 * on a bad header (FFmpeg does not check the CRC-16 by default and hands such a frame's samples out; we drop them);
 * at the end, a stream short of STREAMINFO's sample count by more than a quarter second or 1 % is "truncated" (or
 * "corrupt", when damaged bytes were skipped), the rule {@code Mp3Stream} and the FFmpeg streams follow.
 */
final class FlacStream extends FrameStream {

    /** No encoder writes a frame this long (a verbatim 65535-sample block of 8 channels of 24 bits is 1.6 MB). */
    private static final int MAX_FRAME_BYTES = 16 << 20;

    private final InputStream in;
    private final StreamInfo info;
    private final FrameDecoder frames;
    private final float scale;
    private final float[] mono;
    private int monoPos;
    private int monoEnd;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;

    private long decoded;
    private long skippedBytes;
    /** Bytes skipped since the last good frame, and whether the file's end cut a frame in that stretch. */
    private long skippedSinceFrame;
    private boolean cutSinceFrame;
    private boolean ended;
    private String failure;

    FlacStream(InputStream in, StreamInfo info) {
        this.in = in;
        this.info = info;
        this.frames = new FrameDecoder(info);
        this.scale = 1f / (1 << (info.bitsPerSample() - 1));
        this.mono = new float[info.maxBlockSize()];
        int bound = info.maxFrameSize() > 0 ? info.maxFrameSize()
                : info.maxBlockSize() * info.channels() * (info.bitsPerSample() + 1) / 8 + 64;
        this.buf = new byte[Math.max(1 << 16, Math.min(MAX_FRAME_BYTES, 2 * bound))];
    }

    @Override
    public int sampleRate() {
        return info.sampleRate();
    }

    @Override
    public int channels() {
        return info.channels();
    }

    @Override
    public String codec() {
        return "flac";
    }

    @Override
    public long frameCount() {
        return info.totalSamples() > 0 ? info.totalSamples() : -1;
    }

    @Override
    protected int pending() {
        return monoEnd - monoPos;
    }

    @Override
    protected int take(float[] dst, int offset, int max) {
        int n = Math.min(max, monoEnd - monoPos);
        System.arraycopy(mono, monoPos, dst, offset, n);
        monoPos += n;
        return n;
    }

    @Override
    protected boolean nextFrame() throws IOException {
        if (ended) {
            return false;
        }
        while (true) {
            if (limit - pos < 2) {
                fill();
                if (limit - pos < 2) {
                    finish();
                    return false;
                }
            }
            if (info.totalSamples() > 0 && decoded >= info.totalSamples() && !isSync(pos)) {
                finish(); // bytes after the last frame (an ID3v1 or APE tag): not audio
                return false;
            }
            try {
                int length = frames.decode(buf, pos, limit);
                pos += length;
                skippedSinceFrame = 0;
                cutSinceFrame = false;
                break;
            } catch (BitReader.OutOfData e) {
                if (eof || !moreRoom()) {
                    cutSinceFrame |= eof;
                    skipTo(nextSync(pos + 1)); // cut off by the file's end, or a sync code inside damaged data
                }
            } catch (FrameDecoder.BadFrame e) {
                skipTo(nextSync(pos + 1));
            }
        }
        mix(frames.blockSize);
        decoded += frames.blockSize;
        return true;
    }

    /** {@code MonoMixer}'s arithmetic on the frame's planar integers, without an interleaved float copy first. */
    private void mix(int size) {
        int[][] s = frames.samples;
        float count = s.length;
        if (s.length == 1) {
            int[] a = s[0];
            for (int i = 0; i < size; i++) {
                mono[i] = a[i] * scale;
            }
        } else if (s.length == 2) {
            int[] a = s[0];
            int[] b = s[1];
            for (int i = 0; i < size; i++) {
                mono[i] = (a[i] * scale + b[i] * scale) / count;
            }
        } else {
            for (int i = 0; i < size; i++) {
                float sum = s[0][i] * scale;
                for (int c = 1; c < s.length; c++) {
                    sum += s[c][i] * scale;
                }
                mono[i] = sum / count;
            }
        }
        monoPos = 0;
        monoEnd = size;
    }

    private boolean isSync(int at) {
        return (buf[at] & 0xFF) == 0xFF && (buf[at + 1] & 0xFE) == 0xF8;
    }

    /** The next position from {@code from} holding a sync code, or the buffer's end. */
    private int nextSync(int from) {
        for (int i = from; i + 1 < limit; i++) {
            if (isSync(i)) {
                return i;
            }
        }
        return Math.max(from, limit - 1);
    }

    private void skipTo(int to) {
        skippedBytes += to - pos;
        skippedSinceFrame += to - pos;
        pos = to;
    }

    /** Moves the unread bytes to the buffer's start and reads more; false when nothing more can be held or read. */
    private boolean moreRoom() throws IOException {
        if (pos == 0 && limit == buf.length) {
            if (buf.length >= MAX_FRAME_BYTES) {
                return false;
            }
            buf = Arrays.copyOf(buf, Math.min(MAX_FRAME_BYTES, buf.length * 2));
        }
        int before = limit - pos;
        fill();
        return limit - pos > before;
    }

    /** Compacts the buffer and reads until it is full or the file ends. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < buf.length && !eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    /** The stream ended: decide whether it ended short of what STREAMINFO declared. */
    private void finish() {
        ended = true;
        long expected = info.totalSamples();
        // what follows the last good frame of a cut file is the cut frame, not damage
        long damaged = cutSinceFrame ? skippedBytes - skippedSinceFrame : skippedBytes;
        if (expected > 0 && decoded + truncationSlack(info.sampleRate(), expected) < expected) {
            failure = damaged > 0
                    ? "corrupt: only " + seconds(decoded) + " of the " + seconds(expected)
                            + " STREAMINFO declares could be decoded (" + damaged + " damaged bytes skipped)"
                    : "truncated: decoding stopped after " + seconds(decoded) + " of the " + seconds(expected)
                            + " STREAMINFO declares";
        }
    }

    private String seconds(long samples) {
        return String.format(Locale.ROOT, "%.1f s", samples / (double) info.sampleRate());
    }

    @Override
    protected void throwFailure() throws AudioFormatException {
        if (failure != null) {
            throw new AudioFormatException(failure);
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
