package io.genrelake.audio.mp3;

/**
 * Huffman decoding of a granule's 576 quantised spectral values (ISO/IEC 11172-3 §2.4.2.7 big_values and count1,
 * Tables 3-B.7): pairs with per-region tables and linbits escapes, then quadruples until part2_3_length runs out.
 */
final class SpectrumReader {

    private static final HuffmanTable[] PAIRS = new HuffmanTable[32];
    private static final int[] LINBITS = HuffmanCodes.LINBITS;
    private static final HuffmanTable QUADS_A = new HuffmanTable(HuffmanCodes.quadCodes(0));

    static {
        for (int t = 0; t < 32; t++) {
            int size = HuffmanCodes.size(t);
            int linbits = LINBITS[t];
            if (size > 0) {
                PAIRS[t] = new HuffmanTable(HuffmanCodes.codes(t),
                        (symbol, length) -> pairLeaf(symbol / size, symbol % size, length, linbits));
            }
        }
    }

    private SpectrumReader() {}

    /**
     * A pair's leaf: what the decoder needs from the code word alone, so that one look-up gives the pair's whole
     * length. Bits 0–5: the pair's bits in all (code word, each 15's linbits escape, each non-zero value's sign);
     * 6–11 and 12–17: for x and y, the right shift that brings the value's sign bit to bit 0 of a 64-bit word that
     * starts with the code word (its escape, if any, then lies right above); 18–21: y; 22–25: x. Tables 16–31
     * therefore get one look-up table each, although 16–23 and 24–31 share their code words.
     */
    static int pairLeaf(int x, int y, int length, int linbits) {
        int signX = length + (x == 15 ? linbits : 0);
        int signY = signX + (x != 0 ? 1 : 0) + (y == 15 ? linbits : 0);
        int total = signY + (y != 0 ? 1 : 0);
        return x << 22 | y << 18 | (63 - signY) << 12 | (63 - signX) << 6 | total;
    }

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
            int escapeMask = (1 << LINBITS[table]) - 1; // an escape's linbits bits
            // The bits ahead in a register: cache holds `count` valid bits at its top and is topped up to 56 or more
            // before each pair without a branch (F. Giesen, "Reading bits in far too many ways", 2018: OR in the
            // next 8 bytes shifted past the valid bits; the bytes that fit are consumed). A pair takes at most
            // 19 + 2·(13 + 1) = 47 bits. At high bitrates most pairs have an escape, so every step is branch-free
            // arithmetic on the one word, and the next pair's look-up waits only for this one's total length.
            int position = r.position();
            int next = (position >>> 3) + 7; // counted: the rest of the first 7 bytes (the 8th comes again)
            long cache = r.load64(position >>> 3) << (position & 7);
            int count = 56 - (position & 7);
            for (; i < regionEnd; i += 2) {
                cache |= r.load64(next) >>> count;
                next += (63 - count) >>> 3;
                count |= 56;
                int leaf = code.leaf((int) (cache >>> 32));
                int total = leaf & 63;
                // x's sign to bit 0, its escape above (a long shift takes the distance's low 6 bits only)
                long atX = cache >>> (leaf >>> 6);
                long atY = cache >>> (leaf >>> 12);
                int x = leaf >>> 22;
                int y = (leaf >>> 18) & 15;
                // A 15 in a table with linbits adds its escape (mask 0 without). A zero has no sign bit, but
                // whatever bit stands there leaves it zero: (0 ^ s) - s = 0.
                x += (int) (atX >>> 1) & -((x + 1) >>> 4) & escapeMask;
                y += (int) (atY >>> 1) & -((y + 1) >>> 4) & escapeMask;
                int sx = -((int) atX & 1);
                int sy = -((int) atY & 1);
                cache <<= total;
                count -= total;
                values[i] = (x ^ sx) - sx;
                values[i + 1] = (y ^ sy) - sy;
            }
            r.seek(8 * next - count);
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
