package io.genrelake.audio.flac;

/**
 * A metadata block's 4-byte header (RFC 9639 section 8.1): the last-block flag, a 7-bit type and a 24-bit big-endian
 * length. Read by the decoder ({@link FlacDecoder}) and by the tag reader ({@code tags.FlacTags}).
 *
 * @param last whether the audio frames follow this block
 * @param type the block type ({@link #STREAMINFO}, {@link #VORBIS_COMMENT}, …)
 * @param size the block's length in bytes, after its header
 */
public record BlockHeader(boolean last, int type, int size) {

    public static final int BYTES = 4;
    public static final int STREAMINFO = 0;
    public static final int VORBIS_COMMENT = 4;
    public static final int CUESHEET = 5;
    public static final int PICTURE = 6;
    /** Forbidden by the format. */
    public static final int INVALID = 127;

    /** The header in {@code b[at..at + 4)}. */
    public static BlockHeader of(byte[] b, int at) {
        return new BlockHeader((b[at] & 0x80) != 0, b[at] & 0x7F,
                (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF));
    }
}
