package io.genrelake.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** G.711 expansion against libsndfile's ulaw_decode / alaw_decode tables. */
class G711Test {

    @Test
    void muLawFirstSegmentMatchesLibsndfileTable() {
        short[] expected = {-32124, -31100, -30076, -29052, -28028, -27004, -25980, -24956,
            -23932, -22908, -21884, -20860, -19836, -18812, -17788, -16764};
        short[] actual = new short[16];
        for (int c = 0; c < 16; c++) {
            actual[c] = G711.ulaw(c);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void aLawFirstRowMatchesLibsndfileTable() {
        short[] expected = {-5504, -5248, -6016, -5760, -4480, -4224, -4992, -4736};
        short[] actual = new short[8];
        for (int c = 0; c < 8; c++) {
            actual[c] = G711.alaw(c);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void signBitMirrorsEveryCode() {
        for (int c = 0; c < 128; c++) {
            assertEquals(-G711.ulaw(c), G711.ulaw(c | 0x80), "ulaw " + c);
            assertEquals(-G711.alaw(c), G711.alaw(c | 0x80), "alaw " + c);
        }
    }

    @Test
    void extremesAndSilence() {
        assertEquals(0, G711.ulaw(0xFF));
        assertEquals(0, G711.ulaw(0x7F));
        assertEquals(8, G711.alaw(0xD5));
        assertEquals(32256, G711.alaw(0xAA));
        assertEquals(-32256, G711.alaw(0x2A));
    }
}
