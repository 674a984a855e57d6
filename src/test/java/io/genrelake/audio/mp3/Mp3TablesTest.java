package io.genrelake.audio.mp3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Layer III tables: Huffman codes must be complete prefix codes, band tables well formed, known entries exact. */
class Mp3TablesTest {

    private static final int[] USED = {1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 24};

    @Test
    void everyBigValueTableIsACompletePrefixCode() {
        for (int t = 0; t < 32; t++) {
            String[] codes = HuffmanCodes.codes(t);
            int size = HuffmanCodes.size(t);
            assertEquals(size * size, codes.length, "table " + t);
            if (size > 0) {
                // Every standard table is complete: no table in Table 3-B.7 leaves a bit pattern unused.
                assertCompletePrefixCode(codes, "table " + t);
            }
        }
    }

    @Test
    void dimensionsAndUnusedTables() {
        int[] expected = {0, 2, 3, 3, 0, 4, 4, 6, 6, 6, 8, 8, 8, 16, 0, 16,
            16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16};
        for (int t = 0; t < 32; t++) {
            assertEquals(expected[t], HuffmanCodes.size(t), "table " + t);
        }
        assertEquals(0, HuffmanCodes.codes(0).length);
        assertEquals(0, HuffmanCodes.codes(4).length);
        assertEquals(0, HuffmanCodes.codes(14).length);
        assertThrows(IllegalArgumentException.class, () -> HuffmanCodes.codes(32));
        assertThrows(IllegalArgumentException.class, () -> HuffmanCodes.size(-1));
        assertThrows(IllegalArgumentException.class, () -> HuffmanCodes.quadCodes(2));
    }

    @Test
    void linbitsFollowTheStandard() {
        int[] expected = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 2, 3, 4, 6, 8, 10, 13, 4, 5, 6, 7, 8, 9, 11, 13};
        assertArrayEquals(expected, HuffmanCodes.LINBITS);
    }

    @Test
    void linbitsTablesShareTheirBaseCodes() {
        for (int t = 17; t <= 23; t++) {
            assertArrayEquals(HuffmanCodes.codes(16), HuffmanCodes.codes(t), "table " + t);
        }
        for (int t = 25; t <= 31; t++) {
            assertArrayEquals(HuffmanCodes.codes(24), HuffmanCodes.codes(t), "table " + t);
        }
    }

    @Test
    void knownCodeWords() {
        assertArrayEquals(new String[] {"1", "001", "01", "000"}, HuffmanCodes.codes(1));
        assertArrayEquals(new String[] {"1", "010", "000001", "011", "001", "00001", "00011", "00010", "000000"},
            HuffmanCodes.codes(2));
        // A few entries of LAME's t13HB/t13l, t15HB, t16HB/t16l and t24HB/t24l (lengths there include sign bits).
        assertEquals("0000000000000000001", HuffmanCodes.codes(13)[15 * 16 + 12]);
        assertEquals("111", HuffmanCodes.codes(15)[0]);
        assertEquals("000010001", HuffmanCodes.codes(16)[15]);        // (0, 15): 17 in 9 bits
        assertEquals("00000011", HuffmanCodes.codes(16)[255]);        // (15, 15): 3 in 8 bits
        assertEquals("1111", HuffmanCodes.codes(24)[0]);
        assertEquals("010000001001", HuffmanCodes.codes(24)[14 * 16]); // (14, 0): 1033 in 12 bits
        int[] longest = new int[32];
        for (int t : USED) {
            longest[t] = Arrays.stream(HuffmanCodes.codes(t)).mapToInt(String::length).max().orElseThrow();
        }
        assertEquals(19, longest[13]);
        assertEquals(13, longest[15]);
        assertEquals(17, longest[16]);
        assertEquals(12, longest[24]);
    }

    @Test
    void pairLeavesPlaceEachEscapeBeforeItsSign() {
        // (15, 3) in a 12-bit code word of table 26 (linbits 6): x's escape in bits 12..17, its sign at 18, y's at 19.
        int leaf = SpectrumReader.pairLeaf(15, 3, 12, 6);
        assertEquals(20, leaf & 63, "total bits");
        assertEquals(63 - 18, (leaf >>> 6) & 63, "shift to x's sign");
        assertEquals(63 - 19, (leaf >>> 12) & 63, "shift to y's sign");
        assertEquals(3, (leaf >>> 18) & 15);
        assertEquals(15, leaf >>> 22);
        // (0, 15) with 13 linbits: no sign for x, y's escape right after the code word; (15, 15) without linbits
        // (table 15): no escapes at all.
        int zeroEscape = SpectrumReader.pairLeaf(0, 15, 9, 13);
        assertEquals(9 + 13 + 1, zeroEscape & 63);
        assertEquals(63 - (9 + 13), (zeroEscape >>> 12) & 63);
        assertEquals(13 + 2, SpectrumReader.pairLeaf(15, 15, 13, 0) & 63);
        assertEquals(1, SpectrumReader.pairLeaf(0, 0, 1, 0) & 63);
    }

    @Test
    void count1Tables() {
        String[] a = HuffmanCodes.quadCodes(0);
        String[] b = HuffmanCodes.quadCodes(1);
        assertEquals(16, a.length);
        assertEquals(16, b.length);
        assertCompletePrefixCode(a, "count1 A");
        assertCompletePrefixCode(b, "count1 B");
        assertArrayEquals(new String[] {"1", "0101", "0100", "00101", "0110", "000101", "00100", "000100",
            "0111", "00011", "00110", "000000", "00111", "000010", "000011", "000001"}, a);
        for (int v = 0; v < 16; v++) {
            String expected = String.format("%4s", Integer.toBinaryString(15 - v)).replace(' ', '0');
            assertEquals(expected, b[v], "count1 B " + v);
        }
    }

    @Test
    void synthesisWindowKnownValues() {
        double[] d = Layer3Tables.SYNTHESIS_WINDOW;
        assertEquals(512, d.length);
        assertEquals(0.0, d[0]);
        assertEquals(1.144989014, d[256], 1e-9);
        // Table 3-B.3 as printed (nine decimals).
        assertEquals(-0.000015259, d[1], 1e-9);
        assertEquals(0.003250122, d[64], 1e-9);
        assertEquals(0.031082153, d[128], 1e-9);
        assertEquals(0.100311279, d[192], 1e-9);
        assertEquals(-1.144287109, d[255], 1e-9);
        assertEquals(1.144287109, d[257], 1e-9);
        assertEquals(0.000015259, d[511], 1e-9);
        for (int i = 0; i < 512; i++) {
            double scaled = d[i] * 65536;
            assertEquals(Math.rint(scaled), scaled, 0.0, "D[" + i + "] is a multiple of 2^-16");
        }
    }

    @Test
    void synthesisWindowSymmetry() {
        double[] d = Layer3Tables.SYNTHESIS_WINDOW;
        for (int i = 1; i < 256; i++) {
            double mirrored = i % 64 == 0 ? d[i] : -d[i];
            assertEquals(mirrored, d[512 - i], 0.0, "D[" + (512 - i) + "]");
        }
    }

    @Test
    void synthesisWindowAbsoluteSumMatchesFullTable() {
        // Σ|D[i]| * 2^16 over the full 512-entry table of a second source (MAME's mpeg_audio synthesis_filter,
        // each entry rounded to the nearest 2^-16), not derived from our half table.
        double sum = 0;
        for (double v : Layer3Tables.SYNTHESIS_WINDOW) {
            sum += Math.abs(v);
        }
        assertEquals(5574752 / 65536.0, sum, 1e-12);
    }

    @Test
    void bandStartsAreWellFormed() {
        assertEquals(9, Layer3Tables.SAMPLE_RATES.length);
        assertEquals(9, Layer3Tables.LONG_BAND_STARTS.length);
        assertEquals(9, Layer3Tables.SHORT_BAND_STARTS.length);
        for (int r = 0; r < 9; r++) {
            int[] longStarts = Layer3Tables.LONG_BAND_STARTS[r];
            int[] shortStarts = Layer3Tables.SHORT_BAND_STARTS[r];
            String rate = Integer.toString(Layer3Tables.SAMPLE_RATES[r]);
            assertEquals(23, longStarts.length, rate);
            assertEquals(14, shortStarts.length, rate);
            assertEquals(0, longStarts[0], rate);
            assertEquals(0, shortStarts[0], rate);
            assertEquals(576, longStarts[22], rate);
            assertEquals(192, shortStarts[13], rate);
            assertStrictlyIncreasing(longStarts, rate + " long");
            assertStrictlyIncreasing(shortStarts, rate + " short");
        }
    }

    @Test
    void bandStartsKnownRows() {
        assertArrayEquals(new int[] {44100, 48000, 32000, 22050, 24000, 16000, 11025, 12000, 8000},
            Layer3Tables.SAMPLE_RATES);
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 20, 24, 30, 36, 44, 52, 62, 74, 90, 110, 134, 162, 196, 238,
            288, 342, 418, 576}, Layer3Tables.LONG_BAND_STARTS[0]);
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 22, 28, 38, 50, 64, 80, 100, 126, 192},
            Layer3Tables.SHORT_BAND_STARTS[1]);
        assertArrayEquals(new int[] {0, 4, 8, 12, 16, 22, 30, 42, 58, 78, 104, 138, 180, 192},
            Layer3Tables.SHORT_BAND_STARTS[2]);
        // 24 kHz bands 17..18 are 54 and 62 lines wide (13818-3 Table B.2; old FFmpeg releases had 52 and 64).
        assertArrayEquals(new int[] {0, 6, 12, 18, 24, 30, 36, 44, 54, 66, 80, 96, 114, 136, 162, 194, 232, 278, 332,
            394, 464, 540, 576}, Layer3Tables.LONG_BAND_STARTS[4]);
        // MPEG-2.5: 11025 and 12000 repeat 16000; 8000 has its own layout.
        assertArrayEquals(Layer3Tables.LONG_BAND_STARTS[5], Layer3Tables.LONG_BAND_STARTS[6]);
        assertArrayEquals(Layer3Tables.LONG_BAND_STARTS[5], Layer3Tables.LONG_BAND_STARTS[7]);
        assertArrayEquals(Layer3Tables.SHORT_BAND_STARTS[5], Layer3Tables.SHORT_BAND_STARTS[7]);
        assertArrayEquals(new int[] {0, 12, 24, 36, 48, 60, 72, 88, 108, 132, 160, 192, 232, 280, 336, 400, 476, 566,
            568, 570, 572, 574, 576}, Layer3Tables.LONG_BAND_STARTS[8]);
        assertArrayEquals(new int[] {0, 8, 16, 24, 36, 52, 72, 96, 124, 160, 162, 164, 166, 192},
            Layer3Tables.SHORT_BAND_STARTS[8]);
    }

    @Test
    void lsfPartitionsCoverEveryScaleFactor() {
        int[][][] nsf = Layer3Tables.LSF_SCALEFACTOR_BANDS;
        assertEquals(6, nsf.length);
        // 21 long bands; 12 short bands x 3 windows; 6 long + 9 short bands x 3 windows in a mixed block.
        int[] totals = {21, 36, 33};
        for (int row = 0; row < 6; row++) {
            assertEquals(3, nsf[row].length);
            for (int kind = 0; kind < 3; kind++) {
                assertEquals(4, nsf[row][kind].length);
                assertEquals(totals[kind], Arrays.stream(nsf[row][kind]).sum(), "row " + row + " kind " + kind);
            }
        }
        assertArrayEquals(new int[] {6, 5, 7, 3}, nsf[1][0]);
        assertArrayEquals(new int[] {18, 18, 0, 0}, nsf[2][1]);
        assertArrayEquals(new int[] {6, 18, 9, 0}, nsf[5][2]);
    }

    @Test
    void pretabAndSlen() {
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 2, 0},
            Layer3Tables.PRETAB);
        int[][] slen = Layer3Tables.SLEN;
        assertEquals(16, slen.length);
        int[] slen1 = new int[16];
        int[] slen2 = new int[16];
        for (int c = 0; c < 16; c++) {
            assertEquals(2, slen[c].length);
            slen1[c] = slen[c][0];
            slen2[c] = slen[c][1];
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 3, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4}, slen1);
        assertArrayEquals(new int[] {0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3, 1, 2, 3, 2, 3}, slen2);
    }

    private static void assertCompletePrefixCode(String[] codes, String what) {
        long kraft = 0; // Σ 2^(32 - len): exactly 2^32 for a complete code
        for (String c : codes) {
            assertTrue(!c.isEmpty() && c.length() <= 32 && c.chars().allMatch(ch -> ch == '0' || ch == '1'),
                what + ": bad code word '" + c + "'");
            kraft += 1L << (32 - c.length());
        }
        assertEquals(1L << 32, kraft, what + ": Kraft sum");
        String[] sorted = codes.clone();
        Arrays.sort(sorted);
        // In sorted order a code word that prefixes another sits directly before some word it prefixes.
        for (int i = 0; i + 1 < sorted.length; i++) {
            assertFalse(sorted[i + 1].startsWith(sorted[i]), what + ": " + sorted[i] + " prefixes " + sorted[i + 1]);
        }
    }

    private static void assertStrictlyIncreasing(int[] values, String what) {
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i] > values[i - 1], what + " at " + i);
        }
    }
}
