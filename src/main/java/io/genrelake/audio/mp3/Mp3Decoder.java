package io.genrelake.audio.mp3;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * MP3 (MPEG-1, 2 and 2.5 Layer III) in pure Java, mixed to mono inside the decoder: see {@link Layer3Decoder}.
 * Takes files that start with an ID3v2 tag or a Layer III frame; declines (resetting the stream, so FFmpeg gets
 * it) when no two consistent frames follow, e.g. an ID3-tagged AAC or FLAC file, Layer I/II, or free-format
 * bit rates. Stateless and thread-safe; each opened stream is independent.
 */
public final class Mp3Decoder implements AudioDecoder {

    /** The input may be read this far to find the first frame (ID3v2 tags with cover art run to megabytes). */
    private static final int MARK_LIMIT = 32 << 20;

    @Override
    public String name() {
        return "java-mp3";
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        if (length >= 3 && header[0] == 'I' && header[1] == 'D' && header[2] == '3') {
            return true;
        }
        return length >= 4 && FrameHeader.isLayer3((header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16
                | (header[2] & 0xFF) << 8 | (header[3] & 0xFF));
    }

    /** The stream, or null (with {@code in} reset to where it was) when it holds no Layer III frames after all. */
    @Override
    public AudioStream open(InputStream in) throws IOException {
        in.mark(MARK_LIMIT);
        Mp3Stream stream = Mp3Stream.open(in);
        if (stream == null) {
            in.reset();
        }
        return stream;
    }
}
