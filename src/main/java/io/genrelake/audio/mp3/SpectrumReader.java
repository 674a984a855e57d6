package io.genrelake.audio.mp3;

/**
 * Huffman decoding of a granule's 576 quantised spectral values (ISO/IEC 11172-3 §2.4.2.7 big_values and count1,
 * Tables 3-B.7): pairs with per-region tables and linbits escapes, then quadruples until part2_3_length runs out.
 */
final class SpectrumReader {

    private static final HuffmanTable[] PAIRS = new HuffmanTable[32];
    private static final int[] LINBITS = HuffmanCodes.LINBITS;
    private static final HuffmanTable QUADS_A = new HuffmanTable(HuffmanCodes.quadCodes(0), 0);

    static {
        for (int t = 0; t < 32; t++) {
            if (HuffmanCodes.size(t) > 0) {
                PAIRS[t] = new HuffmanTable(HuffmanCodes.codes(t), HuffmanCodes.size(t));
            }
        }
    }

    private SpectrumReader() {}

    /**
     * Reads the values from the reader's position up to bit {@code end} into {@code values[0..576)}, stopping once
     * line {@code limit} (even) is reached (the caller needs no more); returns the line up to which they may be
     * non-zero (the values past it are left as they were: zero by definition, and not read).
     */
    static int read(BitReader r, Granule g, int end, int limit, int[] values) {
        int bigEnd = Math.min(g.bigValues * 2, limit);
        int i = 0;
        for (int region = 0; region < 3; region++) {
            int regionEnd = Math.min(region == 0 ? g.region1Start : region == 1 ? g.region2Start : bigEnd, bigEnd);
            int table = g.tableSelect[region];
            HuffmanTable code = PAIRS[table];
            if (code == null) { // table 0 (and the unused 4 and 14): all zero
                for (; i < regionEnd; i++) {
                    values[i] = 0;
                }
                continue;
            }
            int linbits = LINBITS[table];
            for (; i < regionEnd; i += 2) {
                int word = r.peek32();
                int leaf = code.leaf(word);
                int length = leaf & 0xFF;
                int x = leaf >>> 12;
                int y = (leaf >>> 8) & 15;
                if (linbits == 0 || x != 15 && y != 15) { // code word and signs (at most 19 + 2 bits) in one look
                    if (x != 0) {
                        x = (word << length) < 0 ? -x : x;
                        length++;
                    }
                    if (y != 0) {
                        y = (word << length) < 0 ? -y : y;
                        length++;
                    }
                    r.skip(length);
                    values[i] = x;
                    values[i + 1] = y;
                    continue;
                }
                r.skip(length);
                if (x != 0) {
                    if (x == 15 && linbits > 0) {
                        x += r.read(linbits);
                    }
                    if (r.readBit()) {
                        x = -x;
                    }
                }
                if (y != 0) {
                    if (y == 15 && linbits > 0) {
                        y += r.read(linbits);
                    }
                    if (r.readBit()) {
                        y = -y;
                    }
                }
                values[i] = x;
                values[i + 1] = y;
            }
        }
        boolean tableB = g.count1Table == 1;
        while (i < limit && i <= 572 && r.position() < end) {
            int s = tableB ? 15 - r.read(4) : QUADS_A.decode(r);
            int v = (s >>> 3) & 1;
            int w = (s >>> 2) & 1;
            int x = (s >>> 1) & 1;
            int y = s & 1;
            if (v != 0 && r.readBit()) {
                v = -1;
            }
            if (w != 0 && r.readBit()) {
                w = -1;
            }
            if (x != 0 && r.readBit()) {
                x = -1;
            }
            if (y != 0 && r.readBit()) {
                y = -1;
            }
            if (r.position() > end) {
                break; // the last quadruple ran past the granule's data: it is not part of it (as decoders treat it)
            }
            values[i] = v;
            values[i + 1] = w;
            values[i + 2] = x;
            values[i + 3] = y;
            i += 4;
        }
        return i;
    }
}
