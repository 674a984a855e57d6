package io.genrelake.audio;

/**
 * ITU-T G.711 μ-law and A-law expansion to 16-bit linear PCM, as the classic Sun g711.c does it
 * (libsndfile's ulaw_decode / alaw_decode tables hold the same values).
 */
final class G711 {

    private static final short[] ULAW = new short[256];
    private static final short[] ALAW = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW[code] = (short) ulawToLinear(code);
            ALAW[code] = (short) alawToLinear(code);
        }
    }

    private G711() {}

    /** 16-bit linear value of a μ-law byte. */
    static short ulaw(int code) {
        return ULAW[code & 0xFF];
    }

    /** 16-bit linear value of an A-law byte. */
    static short alaw(int code) {
        return ALAW[code & 0xFF];
    }

    private static int ulawToLinear(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84; // mantissa plus bias
        t <<= (u & 0x70) >> 4;            // segment
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int alawToLinear(int code) {
        int a = (code ^ 0x55) & 0xFF;     // even bits are inverted on the wire
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t += 0x108;
            t <<= segment - 1;
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
