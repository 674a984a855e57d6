package io.genrelake.tags;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.Bytes;
import io.genrelake.audio.flac.BlockHeader;
import io.genrelake.audio.flac.StreamInfo;
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
            if (at + BlockHeader.BYTES > length) {
                return null; // the blocks run past the file's end
            }
            in.input().seek(at);
            byte[] header = in.readNBytes(BlockHeader.BYTES);
            if (header.length < BlockHeader.BYTES) {
                return null;
            }
            BlockHeader block = BlockHeader.of(header, 0);
            last = block.last();
            int type = block.type();
            int size = block.size();
            at += BlockHeader.BYTES;
            if (type == BlockHeader.INVALID || at + size > length || first != (type == BlockHeader.STREAMINFO)
                    || (type == BlockHeader.STREAMINFO && size != StreamInfo.BYTES)) {
                return null; // FFmpeg refuses or repairs such a file its own way
            }
            if (type == BlockHeader.STREAMINFO && !probedAsFlac(in.readNBytes(StreamInfo.BYTES))
                    || type == BlockHeader.CUESHEET // chapters, and FFmpeg refuses a file with a malformed one
                    || type == BlockHeader.PICTURE && !wholePicture(in, at, size)) {
                return null;
            }
            first = false;
            if (type == BlockHeader.VORBIS_COMMENT) {
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
     * Short of it, another demuxer may take the file. {@link StreamInfo#parse} checks all but the rate's upper bound
     * (and refuses fewer than 4 bits per sample, which FFmpeg's probe does not look at: such a file is only declined).
     */
    private static boolean probedAsFlac(byte[] block) {
        if (block.length < StreamInfo.BYTES) {
            return false;
        }
        try {
            return StreamInfo.parse(block).sampleRate() <= 655_350; // parse checks the rest
        } catch (AudioFormatException e) {
            return false;
        }
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
