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
                if (linbits != 0 && (x == 15 || y == 15)) {
                    // Escapes and signs after the code word: at most 2·(13 + 1) bits, so one more look.
                    r.skip(length);
                    int rest = r.peek32();
                    int n = 0;
                    if (x != 0) {
                        if (x == 15) {
                            x += rest >>> (32 - linbits);
                            n = linbits;
                        }
                        x = (rest << n) < 0 ? -x : x;
                        n++;
                    }
                    if (y != 0) {
                        if (y == 15) {
                            y += (rest << n) >>> (32 - linbits);
                            n += linbits;
                        }
                        y = (rest << n) < 0 ? -y : y;
                        n++;
                    }
                    r.skip(n);
                    values[i] = x;
                    values[i + 1] = y;
                    continue;
                }
                // The code word and the signs after it (at most 19 + 2 bits) from one look, without branches: which
                // values are zero is as good as random, and a mispredicted branch costs more than the arithmetic.
                int nx = -x >>> 31;
                int sx = ((word << length) >> 31) & -nx;
                length += nx;
                int ny = -y >>> 31;
                int sy = ((word << length) >> 31) & -ny;
                r.skip(length + ny);
                values[i] = (x ^ sx) - sx;
                values[i + 1] = (y ^ sy) - sy;
            }
        }
        boolean tableB = g.count1Table == 1;
        while (i < limit && i <= 572 && r.position() < end) {
            int word = r.peek32();
            int s;
            int length;
            if (tableB) {
                s = 15 - (word >>> 28);
                length = 4;
            } else {
                int leaf = QUADS_A.leaf(word);
                s = leaf >>> 8;
                length = leaf & 0xFF;
            }
            int v = (s >>> 3) & 1;
            int sv = ((word << length) >> 31) & -v;
            length += v;
            int w = (s >>> 2) & 1;
            int sw = ((word << length) >> 31) & -w;
            length += w;
            int x = (s >>> 1) & 1;
            int sx = ((word << length) >> 31) & -x;
            length += x;
            int y = s & 1;
            int sy = ((word << length) >> 31) & -y;
            length += y;
            if (r.position() + length > end) {
                break; // the last quadruple runs past the granule's data: it is not part of it (as decoders treat it)
            }
            r.skip(length);
            values[i] = (v ^ sv) - sv;
            values[i + 1] = (w ^ sw) - sw;
            values[i + 2] = (x ^ sx) - sx;
            values[i + 3] = (y ^ sy) - sy;
            i += 4;
        }
        return i;
    }
}
