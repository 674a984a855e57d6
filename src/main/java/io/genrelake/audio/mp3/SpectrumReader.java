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
        // Tables 16–23 and 24–31 share their code words (they differ in linbits only): one lookup table each, which
        // keeps the decoder's tables small enough to stay in the cache.
        java.util.Map<java.util.List<String>, HuffmanTable> built = new java.util.HashMap<>();
        for (int t = 0; t < 32; t++) {
            int size = HuffmanCodes.size(t);
            if (size > 0) {
                String[] codes = HuffmanCodes.codes(t);
                PAIRS[t] = built.computeIfAbsent(java.util.List.of(codes), c -> new HuffmanTable(codes, size));
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
            int escapes = linbits == 0 ? 0 : -1;
            // The bits ahead in a register: cache holds `count` valid bits at its top and is topped up to 56 or more
            // before each pair without a branch (F. Giesen, "Reading bits in far too many ways", 2018: OR in the
            // next 8 bytes shifted past the valid bits; the bytes that fit are consumed). A pair takes at most
            // 19 + 2·(13 + 1) = 47 bits: code word, each 15's linbits escape, each non-zero value's sign. At high
            // bitrates most pairs have an escape, so every step is branch-free arithmetic on the one word.
            int position = r.position();
            int next = (position >>> 3) + 7; // counted: the rest of the first 7 bytes (the 8th comes again)
            long cache = r.load64(position >>> 3) << (position & 7);
            int count = 56 - (position & 7);
            for (; i < regionEnd; i += 2) {
                cache |= r.load64(next) >>> count;
                next += (63 - count) >>> 3;
                count |= 56;
                int leaf = code.leaf((int) (cache >>> 32));
                int length = leaf & 0xFF;
                int x = leaf >>> 12;
                int y = (leaf >>> 8) & 15;
                // Where each field starts follows from the code word alone (a value has an escape when it is 15,
                // a sign when it is not 0), so the fields are read side by side rather than shift after shift.
                int nx = -x >>> 31;
                int ny = -y >>> 31;
                int escapeX = -((x + 1) >>> 4) & escapes; // −1 when x is 15 in a table with linbits
                int escapeY = -((y + 1) >>> 4) & escapes;
                int signX = length + (linbits & escapeX);
                int escapeYAt = signX + nx;
                int signY = escapeYAt + (linbits & escapeY);
                int total = signY + ny;
                x += (int) ((cache << length) >>> (64 - linbits)) & escapeX;
                int sx = (int) ((cache << signX) >> 63) & -nx;
                y += (int) ((cache << escapeYAt) >>> (64 - linbits)) & escapeY;
                int sy = (int) ((cache << signY) >> 63) & -ny;
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
