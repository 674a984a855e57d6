package io.genrelake.audio.mp3;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.FrameStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * An MP3 stream (MPEG-1/2/2.5 Layer III, after any ID3v2 tags) decoded frame by frame to mono, with gapless
 * trimming from the LAME/Info tag as FFmpeg does it. Memory is one input buffer and the decoder's state, whatever
 * the file's length. Bad data: bytes that are not a frame are skipped up to the next pair of consistent frames;
 * at the end, fewer samples than the Info tag declares are reported as "truncated" (the stream stopped early) or
 * "corrupt" (damaged data was skipped), after the audio before it has been delivered. Not thread-safe.
 */
final class Mp3Stream extends FrameStream {

    private static final int BUFFER = 1 << 16;
    /** How far to look for the first frame after the tags (FFmpeg's probe looks similarly far). */
    private static final int FIRST_FRAME_SEARCH = 1 << 16;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;

    private int firstHeader;
    private int sampleRate;
    private int channels;
    private final Layer3Decoder decoder = new Layer3Decoder();
    private final float[] pcm = new float[1152];
    private int pcmPos;
    private int pcmEnd;

    /** Set when the stream delivers at half its rate (see {@link #halveRate}). */
    private HalfRateSynthesis halfRate;

    private long decoded;      // samples decoded so far, before trimming
    private long skip;         // samples dropped at the start (gapless)
    private long keep = -1;    // samples to hand out in all, or -1 when unknown
    private long skippedBytes;
    private boolean ended;
    private String failure;

    private Mp3Stream(InputStream in) {
        this.in = in;
    }

    /**
     * Opens {@code in} at its start (ID3v2 tags are skipped); null when no two consistent Layer III frames are found
     * within the first 64 KiB after the tags (the caller then resets the stream for another decoder).
     */
    static Mp3Stream open(InputStream in) throws IOException {
        Mp3Stream stream = new Mp3Stream(in);
        stream.skipId3v2Tags();
        int header = stream.findFrame(FIRST_FRAME_SEARCH, 0);
        if (header == 0) {
            return null;
        }
        stream.firstHeader = header;
        stream.sampleRate = FrameHeader.sampleRate(header);
        stream.channels = FrameHeader.channels(header);
        int length = FrameHeader.frameBytes(header);
        if (stream.fill(length)) {
            InfoTag tag = InfoTag.parse(header, stream.buffer, stream.pos, length);
            if (tag != null) {
                stream.pos += length; // the tag's frame holds no audio
                stream.skip = tag.skipStart();
                stream.keep = tag.keptSamples(FrameHeader.samplesPerFrame(header));
            }
        }
        return stream;
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
        return "mp3";
    }

    @Override
    public long frameCount() {
        return keep;
    }

    @Override
    protected int take(float[] dst, int offset, int max) {
        if (halfRate != null) {
            return halfRate.read(dst, offset, max);
        }
        int n = Math.min(max, pcmEnd - pcmPos);
        System.arraycopy(pcm, pcmPos, dst, offset, n);
        pcmPos += n;
        return n;
    }

    @Override
    protected void throwFailure() throws AudioFormatException {
        if (failure != null) {
            throw new AudioFormatException(failure);
        }
    }

    /**
     * Samples {@link #readMono} can hand out without decoding: the current frame's rest, or what the half-rate
     * synthesis has ready.
     */
    @Override
    protected int pending() {
        return halfRate != null ? halfRate.available() : pcmEnd - pcmPos;
    }

    /** The synthesis and the resampling in one ({@link HalfRateSynthesis}); false after the first read. */
    @Override
    public boolean halveRate() {
        if (halfRate != null || decoded > 0 || closed) {
            return false;
        }
        halfRate = new HalfRateSynthesis(skip, keep);
        decoder.halveRate(halfRate);
        return true;
    }

    /** Decodes the next frame (into {@link #pcm}, trimmed, or on to the half-rate synthesis); false at the end. */
    @Override
    protected boolean nextFrame() throws IOException {
        while (!ended) {
            int header = findFrame(Integer.MAX_VALUE, firstHeader);
            if (header == 0) {
                finish();
                return pending() > 0;
            }
            int length = FrameHeader.frameBytes(header);
            if (!fill(length)) {
                finish(); // a last frame cut short: what came before it is the stream
                return pending() > 0;
            }
            int samples = FrameHeader.samplesPerFrame(header);
            decoder.decode(header, buffer, pos, length, pcm, 0);
            pos += length;
            long start = decoded;
            decoded += samples;
            if (halfRate != null) {
                if (keep >= 0 && decoded >= skip + keep) {
                    finish();
                    return pending() > 0;
                }
                if (pending() > 0) {
                    return true;
                }
                continue;
            }
            // Keep decoded samples [skip, skip + keep).
            long from = Math.max(start, skip);
            long to = keep < 0 ? decoded : Math.min(decoded, skip + keep);
            if (to > from) {
                pcmPos = (int) (from - start);
                pcmEnd = (int) (to - start);
                return true;
            }
            if (keep >= 0 && decoded >= skip + keep) {
                finish();
                return false;
            }
        }
        return false;
    }

    /** The stream ended: decide whether it ended short of what the tag declared. */
    private void finish() {
        ended = true;
        long expected = keep;
        long got = Math.max(0, Math.min(decoded - skip, expected < 0 ? Long.MAX_VALUE : expected));
        if (halfRate != null) {
            halfRate.finish(got);
        }
        if (expected > 0 && got + truncationSlack(sampleRate, expected) < expected) {
            failure = skippedBytes > 0
                    ? "corrupt: only " + seconds(got) + " of the " + seconds(expected)
                            + " the header declares could be decoded (" + skippedBytes + " damaged bytes skipped)"
                    : "truncated: decoding stopped after " + seconds(got) + " of the " + seconds(expected)
                            + " the header declares";
        }
    }

    /**
     * Skips to the next frame header of this stream at or after {@code pos} and returns it (0 at the end). A
     * header found after skipped bytes must be followed by another consistent header (or the end), so noise that
     * happens to look like a header is not taken for one. {@code like}: 0 to accept any Layer III header.
     */
    private int findFrame(int maxSkip, int like) throws IOException {
        int skipped = 0;
        while (skipped <= maxSkip) {
            if (!fill(4)) {
                return 0;
            }
            int h = int32(pos);
            if (FrameHeader.isLayer3(h) && (like == 0 || FrameHeader.sameStream(h, like))) {
                int length = FrameHeader.frameBytes(h);
                if (skipped == 0 && like != 0) {
                    return h;
                }
                boolean confirmed;
                if (fill(length + 4)) {
                    int next = int32(pos + length);
                    confirmed = FrameHeader.isLayer3(next) && FrameHeader.sameStream(next, h);
                } else {
                    confirmed = like != 0 && limit - pos >= length; // the last frame, whole
                }
                if (confirmed) {
                    if (skipped > 0 && like != 0) {
                        skippedBytes += skipped;
                        decoder.resetReservoir();
                    }
                    return h;
                }
            } else if (like != 0 && isEndTag()) {
                return 0;
            }
            pos++;
            skipped++;
        }
        return 0;
    }

    /** ID3v1 ("TAG", the last 128 bytes) or an APEv2 tag ("APETAGEX"): what follows the audio. */
    private boolean isEndTag() throws IOException {
        fill(8);
        int n = limit - pos;
        if (n >= 3 && buffer[pos] == 'T' && buffer[pos + 1] == 'A' && buffer[pos + 2] == 'G') {
            return !fill(129); // only at the very end: the tag is 128 bytes
        }
        return n >= 8 && new String(buffer, pos, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("APETAGEX");
    }

    /** Skips ID3v2 tags (10-byte header, 28-bit sync-safe size, optional 10-byte footer). */
    private void skipId3v2Tags() throws IOException {
        while (fill(10) && buffer[pos] == 'I' && buffer[pos + 1] == 'D' && buffer[pos + 2] == '3') {
            int flags = buffer[pos + 5] & 0xFF;
            long size = (buffer[pos + 6] & 0x7FL) << 21 | (buffer[pos + 7] & 0x7FL) << 14 | (buffer[pos + 8] & 0x7FL) << 7
                    | (buffer[pos + 9] & 0x7FL);
            long total = 10 + size + ((flags & 0x10) != 0 ? 10 : 0);
            skipBytes(total);
        }
    }

    private void skipBytes(long n) throws IOException {
        long buffered = Math.min(n, limit - pos);
        pos += (int) buffered;
        n -= buffered;
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    eof = true;
                    return;
                }
                s = 1;
            }
            n -= s;
        }
    }

    /** Ensures {@code n} bytes from pos are buffered; false when the stream ends first. */
    private boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buffer, limit, buffer.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos >= n;
    }

    private int int32(int p) {
        return (buffer[p] & 0xFF) << 24 | (buffer[p + 1] & 0xFF) << 16 | (buffer[p + 2] & 0xFF) << 8 | (buffer[p + 3] & 0xFF);
    }

    private String seconds(long samples) {
        return String.format(Locale.ROOT, "%.1f s", samples / (double) sampleRate);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            in.close();
        }
    }
}
