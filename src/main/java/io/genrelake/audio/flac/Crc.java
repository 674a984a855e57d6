package io.genrelake.audio.flac;

/**
 * FLAC's two checksums (RFC 9639 section 9.1.8 and 9.3): CRC-8, polynomial 0x07, and CRC-16, polynomial 0x8005, both
 * most significant bit first. The CRC-16 covers every byte of a frame, so it goes eight bytes a step ("slicing by 8":
 * {@code SLICES[k][x]} is the CRC of byte x followed by k zero bytes, and by linearity the CRC of eight bytes is the
 * xor of eight lookups), which took its share of decoding from ~30 % to a few (docs/benchmarks.md).
 */
final class Crc {

    private static final int[] CRC8 = new int[256];
    private static final int[] CRC16 = new int[256];
    private static final int[][] SLICES = new int[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int c8 = i;
            int c16 = i << 8;
            for (int b = 0; b < 8; b++) {
                c8 = (c8 & 0x80) != 0 ? (c8 << 1) ^ 0x07 : c8 << 1;
                c16 = (c16 & 0x8000) != 0 ? (c16 << 1) ^ 0x8005 : c16 << 1;
            }
            CRC8[i] = c8 & 0xFF;
            CRC16[i] = c16 & 0xFFFF;
        }
        SLICES[0] = CRC16;
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int prev = SLICES[k - 1][i];
                SLICES[k][i] = ((prev << 8) ^ CRC16[(prev >> 8) & 0xFF]) & 0xFFFF;
            }
        }
    }

    private Crc() {}

    static int crc8(byte[] b, int from, int to) {
        int crc = 0;
        for (int i = from; i < to; i++) {
            crc = CRC8[(crc ^ b[i]) & 0xFF];
        }
        return crc;
    }

    static int crc16(byte[] b, int from, int to) {
        int crc = 0;
        int i = from;
        int[] t0 = SLICES[0], t1 = SLICES[1], t2 = SLICES[2], t3 = SLICES[3];
        int[] t4 = SLICES[4], t5 = SLICES[5], t6 = SLICES[6], t7 = SLICES[7];
        for (; i + 8 <= to; i += 8) {
            crc = t7[((crc >> 8) ^ b[i]) & 0xFF] ^ t6[(crc ^ b[i + 1]) & 0xFF] ^ t5[b[i + 2] & 0xFF]
                    ^ t4[b[i + 3] & 0xFF] ^ t3[b[i + 4] & 0xFF] ^ t2[b[i + 5] & 0xFF] ^ t1[b[i + 6] & 0xFF]
                    ^ t0[b[i + 7] & 0xFF];
        }
        for (; i < to; i++) {
            crc = ((crc << 8) ^ CRC16[((crc >> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
