package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** AIFF's 80-bit extended sample rate. */
class ExtendedFloatTest {

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void knownEncodings() {
        // Bytes as AIFF writers store the common rates.
        assertEquals(44100.0, ExtendedFloat.toDouble(bytes(0x40, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(22050.0, ExtendedFloat.toDouble(bytes(0x40, 0x0D, 0xAC, 0x44, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(48000.0, ExtendedFloat.toDouble(bytes(0x40, 0x0E, 0xBB, 0x80, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(8000.0, ExtendedFloat.toDouble(bytes(0x40, 0x0B, 0xFA, 0x00, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(1.0, ExtendedFloat.toDouble(bytes(0x3F, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(0.5, ExtendedFloat.toDouble(bytes(0x3F, 0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(-2.0, ExtendedFloat.toDouble(bytes(0xC0, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(0.0, ExtendedFloat.toDouble(new byte[10], 0));
        assertEquals(Double.POSITIVE_INFINITY, ExtendedFloat.toDouble(bytes(0x7F, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0), 0));
    }

    @Test
    void testWriterEncodingsReadBack() {
        for (int rate : new int[] {1, 8000, 11025, 16000, 22050, 32000, 44100, 48000, 88200, 96000, 192000, 2_000_000_000}) {
            assertEquals(rate, ExtendedFloat.toSampleRate(AiffFileBuilder.extended(rate), 0));
        }
    }

    @Test
    void fractionalRatesTruncateLikeLibsndfile() {
        // 22254.5454... Hz (the classic Macintosh rate): 0x400DADDD1745D1745D17.
        byte[] mac = bytes(0x40, 0x0D, 0xAD, 0xDD, 0x17, 0x45, 0xD1, 0x74, 0x5D, 0x17);
        assertEquals(22254.545454545, ExtendedFloat.toDouble(mac, 0), 1e-6);
        assertEquals(22254, ExtendedFloat.toSampleRate(mac, 0));
    }

    @Test
    void nonPositiveOrHugeRatesAreZero() {
        assertEquals(0, ExtendedFloat.toSampleRate(new byte[10], 0));
        assertEquals(0, ExtendedFloat.toSampleRate(bytes(0xC0, 0x0E, 0xAC, 0x44, 0, 0, 0, 0, 0, 0), 0));
        assertEquals(0, ExtendedFloat.toSampleRate(bytes(0x40, 0x3E, 0x80, 0, 0, 0, 0, 0, 0, 0), 0)); // 2^63
        assertEquals(0, ExtendedFloat.toSampleRate(bytes(0x3F, 0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0), 0)); // 0.5
    }
}
