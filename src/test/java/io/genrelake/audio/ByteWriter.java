package io.genrelake.audio;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds header and sample bytes in one byte order, for the test-side file writers. */
final class ByteWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    ByteWriter(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static ByteWriter le() {
        return new ByteWriter(false);
    }

    static ByteWriter be() {
        return new ByteWriter(true);
    }

    ByteWriter ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    ByteWriter u8(int v) {
        out.write(v);
        return this;
    }

    ByteWriter u16(int v) {
        return bigEndian ? u8(v >> 8).u8(v) : u8(v).u8(v >> 8);
    }

    ByteWriter s24(int v) {
        return bigEndian ? u8(v >> 16).u8(v >> 8).u8(v) : u8(v).u8(v >> 8).u8(v >> 16);
    }

    ByteWriter u32(long v) {
        int i = (int) v;
        return bigEndian ? u16(i >>> 16).u16(i) : u16(i).u16(i >>> 16);
    }

    ByteWriter f32(float v) {
        return u32(Float.floatToRawIntBits(v) & 0xFFFFFFFFL);
    }

    ByteWriter f64(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bigEndian ? u32(bits >>> 32).u32(bits) : u32(bits).u32(bits >>> 32);
    }

    ByteWriter bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    int size() {
        return out.size();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
