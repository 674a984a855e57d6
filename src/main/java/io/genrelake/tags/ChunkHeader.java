package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;

/**
 * The 8-byte header of a RIFF (little-endian sizes) or IFF/AIFF (big-endian) chunk: its four-character id, the size
 * of its body and where the body starts. What {@link Id3Chunk}, {@link WavTags} and {@link AiffTags} walk the chunks
 * with.
 */
record ChunkHeader(String id, long size, long body) {

    /** The header at {@code position}, or null where the stream ends within it. */
    static ChunkHeader read(SeekableInputStream in, long position, boolean bigEndian) throws IOException {
        in.input().seek(position);
        byte[] h = in.readNBytes(8);
        return h.length < 8 ? null : new ChunkHeader(Bytes.fourCC(h, 0), Bytes.u32(h, 4, bigEndian), position + 8);
    }

    /** Where the body ends, before the pad byte an odd size is followed by. */
    long end() {
        return body + size;
    }
}
