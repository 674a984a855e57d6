package io.genrelake.tags;

import io.genrelake.audio.Bytes;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A native FLAC file's tags as FFmpeg's flac demuxer hands them over ({@code audio.ffmpeg.ContainerTags}: the same
 * keys and values), read in this JVM from its {@code VORBIS_COMMENT} metadata block ({@link VorbisComments}).
 *
 * <p>Why not FFmpeg: FLAC is decoded in FFmpeg's process anyway, but asking it for the tags is one more round trip the
 * executor waits for per file, while its other task keeps the cores busy (~2 ms, docs/benchmarks.md "What reading
 * tags costs"), and the metadata blocks are a walk of 4-byte headers. Only a plain file is read here: {@code fLaC} at
 * its first byte (no ID3v2 tag in front), a 34-byte {@code STREAMINFO} block first that FFmpeg's probe takes at full
 * score, every block whole inside the file, no block of type 127 (invalid) or {@code CUESHEET}, each
 * {@code PICTURE} block filled exactly by its fields, at most one {@code VORBIS_COMMENT} block, and a comment block
 * {@link VorbisComments} reads as FFmpeg does. Anything else is FFmpeg's to read, as before; {@code FlacTagsTest}
 * checks that both readers agree.
 *
 * <p>Block layout from the FLAC format (RFC 9639, section 8): a last-block flag and a 7-bit type in the first byte,
 * a 24-bit big-endian length in the next three; FFmpeg's flacdec.c reads the comment block and seeks past the others.
 */
public final class FlacTags {

    private static final int STREAMINFO = 0;
    private static final int VORBIS_COMMENT = 4;
    private static final int CUESHEET = 5;
    private static final int PICTURE = 6;
    private static final int INVALID = 127;
    private static final int STREAMINFO_BYTES = 34;
    /** A larger comment block is no tag a person wrote (an embedded picture, say): FFmpeg judges it. */
    private static final int MAX_COMMENT_BYTES = 1 << 20;

    private FlacTags() {}

    /**
     * The tags of the file {@code in} holds, FFmpeg's keys lower-cased; null when the file is no plain FLAC
     * (FFmpeg's to read). Leaves {@code in} anywhere; the caller seeks back.
     *
     * @param length the file's length in bytes
     * @throws IOException only when the stream fails
     */
    public static JvmTags read(SeekableInputStream in, long length) throws IOException {
        in.input().seek(0);
        byte[] marker = in.readNBytes(4);
        if (marker.length < 4 || marker[0] != 'f' || marker[1] != 'L' || marker[2] != 'a' || marker[3] != 'C') {
            return null;
        }
        long at = 4;
        byte[] comment = null;
        boolean first = true;
        boolean last = false;
        while (!last) {
            if (at + 4 > length) {
                return null; // the blocks run past the file's end
            }
            in.input().seek(at);
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                return null;
            }
            last = (header[0] & 0x80) != 0;
            int type = header[0] & 0x7F;
            int size = ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            at += 4;
            if (type == INVALID || at + size > length || first != (type == STREAMINFO)
                    || (type == STREAMINFO && size != STREAMINFO_BYTES)) {
                return null; // FFmpeg refuses or repairs such a file its own way
            }
            if (type == STREAMINFO && !probedAsFlac(in.readNBytes(STREAMINFO_BYTES))
                    || type == CUESHEET // chapters, and FFmpeg refuses a file with a malformed one
                    || type == PICTURE && !wholePicture(in, at, size)) {
                return null;
            }
            first = false;
            if (type == VORBIS_COMMENT) {
                if (comment != null || size > MAX_COMMENT_BYTES) {
                    return null;
                }
                comment = in.readNBytes(size);
                if (comment.length < size) {
                    return null;
                }
            }
            at += size;
        }
        if (comment == null) {
            return new JvmTags(Map.of(), Id3v2Frames.NONE);
        }
        var tags = VorbisComments.parse(comment);
        return tags == null ? null : new JvmTags(tags, Id3v2Frames.NONE);
    }

    /**
     * FFmpeg's flac_probe at full score: minimum block size at least 16, maximum not below it, sample rate 1–655350 Hz.
     * Short of it, another demuxer may take the file.
     */
    private static boolean probedAsFlac(byte[] info) {
        if (info.length < STREAMINFO_BYTES) {
            return false;
        }
        int minBlock = ((info[0] & 0xFF) << 8) | (info[1] & 0xFF);
        int maxBlock = ((info[2] & 0xFF) << 8) | (info[3] & 0xFF);
        int rate = ((info[10] & 0xFF) << 12) | ((info[11] & 0xFF) << 4) | ((info[12] & 0xFF) >> 4);
        return minBlock >= 16 && maxBlock >= minBlock && rate > 0 && rate <= 655_350;
    }

    /**
     * Whether a {@code PICTURE} block's fields fill it exactly (RFC 9639, 8.8: type, MIME type, description, four
     * numbers, data). FFmpeg makes a picture stream of it, no tag; but it reads past a block whose data length exceeds
     * it (its workaround for muxers that truncated the 24-bit size), so such a file is FFmpeg's.
     */
    private static boolean wholePicture(SeekableInputStream in, long at, int size) throws IOException {
        if (size < 32) {
            return false;
        }
        in.input().seek(at + 4);
        long mimeLength = Bytes.u32(in.readNBytes(4), 0, true);
        if (mimeLength == 0 || mimeLength >= 64 || 32 + mimeLength > size) {
            return false;
        }
        in.input().seek(at + 8 + mimeLength);
        long descriptionLength = Bytes.u32(in.readNBytes(4), 0, true);
        if (32 + mimeLength + descriptionLength > size) {
            return false;
        }
        in.input().seek(at + 28 + mimeLength + descriptionLength);
        long dataLength = Bytes.u32(in.readNBytes(4), 0, true);
        return dataLength > 0 && 32 + mimeLength + descriptionLength + dataLength == size;
    }
}
