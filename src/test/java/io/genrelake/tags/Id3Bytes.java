package io.genrelake.tags;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Hand-made ID3v2 tags for the versions and shapes FFmpeg's muxers do not write (ID3v2.2, several values in one
 * ID3v2.4 frame, repeated frames, broken frames). Text frames are ISO-8859-1 (encoding byte 0) unless {@code utf8}.
 */
public final class Id3Bytes {

    private final int version; // 2, 3 or 4
    private final ByteArrayOutputStream frames = new ByteArrayOutputStream();
    private int headerFlags;

    public Id3Bytes(int version) {
        this.version = version;
    }

    /** A text frame: id of 3 characters for v2.2, 4 otherwise; {@code value} may hold NULs between values. */
    public Id3Bytes text(String id, String value) {
        byte[] text = value.getBytes(version == 4 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        byte[] body = new byte[text.length + 1];
        body[0] = (byte) (version == 4 ? 3 : 0);
        System.arraycopy(text, 0, body, 1, text.length);
        return frame(id, body);
    }

    /** A frame with any body. */
    public Id3Bytes frame(String id, byte[] body) {
        return frame(id, 0, body);
    }

    /** A frame with any body and format flags (the second flag byte of v2.3/2.4; v2.2 has none). */
    Id3Bytes frame(String id, int formatFlags, byte[] body) {
        frames.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        int n = body.length;
        if (version == 2) {
            frames.write(n >>> 16);
            frames.write(n >>> 8);
            frames.write(n);
        } else {
            int size = version == 4 ? syncsafe(n) : n;
            frames.write(size >>> 24);
            frames.write(size >>> 16);
            frames.write(size >>> 8);
            frames.write(size);
            frames.write(0);
            frames.write(formatFlags);
        }
        frames.writeBytes(body);
        return this;
    }

    /** Raw bytes among the frames (garbage, for corrupt tags). */
    Id3Bytes raw(byte[] bytes) {
        frames.writeBytes(bytes);
        return this;
    }

    /** Sets the header's flags (0x80 unsynchronisation, 0x40 extended header): {@link #bytes} applies neither. */
    Id3Bytes headerFlags(int flags) {
        headerFlags = flags;
        return this;
    }

    /** v2.2/2.3 whole-tag unsynchronisation: the header flag set and a 0x00 written after every 0xFF of the frames. */
    Id3Bytes unsynchronised() {
        byte[] plain = frames.toByteArray();
        frames.reset();
        frames.writeBytes(unsync(plain));
        headerFlags |= 0x80;
        return this;
    }

    /** A 0x00 after every 0xFF (more than the spec's minimum, which readers undo the same way). */
    static byte[] unsync(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : plain) {
            out.write(b);
            if (b == (byte) 0xFF) {
                out.write(0);
            }
        }
        return out.toByteArray();
    }

    /** The whole tag: header, frames and 16 bytes of padding. */
    public byte[] bytes() {
        byte[] body = frames.toByteArray();
        int size = body.length + 16;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', (byte) version, 0, (byte) headerFlags});
        int s = syncsafe(size);
        out.write(s >>> 24);
        out.write(s >>> 16);
        out.write(s >>> 8);
        out.write(s);
        out.writeBytes(body);
        out.writeBytes(new byte[16]);
        return out.toByteArray();
    }

    static int syncsafe(int n) {
        return (n & 0x7F) | ((n << 1) & 0x7F00) | ((n << 2) & 0x7F0000) | ((n << 3) & 0x7F000000);
    }
}
