package io.genrelake.audio;

/** Raw sample data in every layout the decoders read, from integer codes or floats. */
final class SampleBytes {

    private SampleBytes() {}

    static byte[] u8(int... codes) {
        ByteWriter w = ByteWriter.le();
        for (int c : codes) {
            w.u8(c);
        }
        return w.toByteArray();
    }

    static byte[] s16(boolean bigEndian, int... values) {
        ByteWriter w = new ByteWriter(bigEndian);
        for (int v : values) {
            w.u16(v);
        }
        return w.toByteArray();
    }

    static byte[] s24(boolean bigEndian, int... values) {
        ByteWriter w = new ByteWriter(bigEndian);
        for (int v : values) {
            w.s24(v);
        }
        return w.toByteArray();
    }

    static byte[] s32(boolean bigEndian, int... values) {
        ByteWriter w = new ByteWriter(bigEndian);
        for (int v : values) {
            w.u32(v & 0xFFFFFFFFL);
        }
        return w.toByteArray();
    }

    static byte[] f32(boolean bigEndian, float... values) {
        ByteWriter w = new ByteWriter(bigEndian);
        for (float v : values) {
            w.f32(v);
        }
        return w.toByteArray();
    }

    static byte[] f64(boolean bigEndian, double... values) {
        ByteWriter w = new ByteWriter(bigEndian);
        for (double v : values) {
            w.f64(v);
        }
        return w.toByteArray();
    }

    /** 16-bit little-endian PCM of a float signal, round(x · 32768) clipped. */
    static byte[] s16le(float[] x) {
        byte[] b = new byte[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            int v = (int) Math.max(-32768, Math.min(32767, Math.rint(x[i] * 32768.0)));
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        return b;
    }
}
