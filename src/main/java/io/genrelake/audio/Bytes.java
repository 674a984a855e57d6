package io.genrelake.audio;

import java.nio.charset.StandardCharsets;

/** Unsigned field access in header byte arrays, either byte order (the decoders' headers, and the tag readers'). */
public final class Bytes {

    private Bytes() {}

    public static int u16(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF)
                : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static long u32(byte[] b, int off, boolean bigEndian) {
        return bigEndian
                ? (long) (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF)
                : (long) (b[off + 3] & 0xFF) << 24 | (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
    }

    public static long u64be(byte[] b, int off) {
        return u32(b, off, true) << 32 | u32(b, off + 4, true);
    }

    public static long u64le(byte[] b, int off) {
        return u32(b, off + 4, false) << 32 | u32(b, off, false);
    }

    /** The four ASCII characters at off (chunk ids, magic numbers, AIFC compression types). */
    public static String fourCC(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.ISO_8859_1);
    }

    static boolean startsWith(byte[] b, int length, int off, String ascii) {
        if (length < off + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[off + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** "0x52 0x49 0x46" for messages about unrecognised bytes. */
    static String hex(byte[] b, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(String.format("0x%02x", b[i] & 0xFF));
        }
        return s.toString();
    }

    /** A chunk id quoted for messages, with unprintable bytes escaped. */
    static String quoted(String fourCC) {
        StringBuilder s = new StringBuilder("'");
        for (char c : fourCC.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                s.append(c);
            } else {
                s.append(String.format("\\x%02x", (int) c));
            }
        }
        return s.append('\'').toString();
    }
}
