package io.genrelake.audio.mp3;

/**
 * A two-level lookup table for one Huffman code: the next {@link #ROOT_BITS} bits index the root; longer codes
 * continue in a sub-table. Built once from the code words of {@link HuffmanCodes}.
 */
final class HuffmanTable {

    static final int ROOT_BITS = 10;

    /** Leaf: non-negative, from the {@link Leaves}. Link (negative): MIN_VALUE | sub-table start << 8 | bits. */
    private final int[] entries;

    /** Makes the leaf of a symbol from the symbol and its code word's length. */
    @FunctionalInterface
    interface Leaves {
        int leaf(int symbol, int length);
    }

    /** A code whose leaves are symbol << 8 | code length (the count1 tables): codes[i] is symbol i's code word. */
    HuffmanTable(String[] codes) {
        this(codes, (symbol, length) -> symbol << 8 | length);
    }

    /**
     * codes[i]: the code word of symbol i, leaves made by {@code leaves} (non-negative). Bit patterns no code word
     * covers (damaged data only) decode as symbol 0 from one bit.
     */
    HuffmanTable(String[] codes, Leaves leaves) {
        int[] subBits = new int[1 << ROOT_BITS];
        for (String code : codes) {
            if (code.length() > ROOT_BITS) {
                int root = Integer.parseInt(code.substring(0, ROOT_BITS), 2);
                subBits[root] = Math.max(subBits[root], code.length() - ROOT_BITS);
            }
        }
        int[] subStart = new int[1 << ROOT_BITS];
        int next = 1 << ROOT_BITS;
        for (int root = 0; root < subBits.length; root++) {
            if (subBits[root] > 0) {
                subStart[root] = next;
                next += 1 << subBits[root];
            }
        }
        entries = new int[next];
        java.util.Arrays.fill(entries, leaves.leaf(0, 1));
        for (int root = 0; root < subBits.length; root++) {
            if (subBits[root] > 0) {
                entries[root] = Integer.MIN_VALUE | subStart[root] << 8 | subBits[root];
            }
        }
        for (int symbol = 0; symbol < codes.length; symbol++) {
            String code = codes[symbol];
            int length = code.length();
            if (length == 0) {
                continue;
            }
            int value = Integer.parseInt(code, 2);
            int leaf = leaves.leaf(symbol, length);
            if (length <= ROOT_BITS) {
                int first = value << (ROOT_BITS - length);
                for (int i = 0; i < 1 << (ROOT_BITS - length); i++) {
                    entries[first + i] = leaf;
                }
            } else {
                int root = value >>> (length - ROOT_BITS);
                int bits = subBits[root];
                int rest = value & ((1 << (length - ROOT_BITS)) - 1);
                int first = subStart[root] + (rest << (bits - (length - ROOT_BITS)));
                for (int i = 0; i < 1 << (bits - (length - ROOT_BITS)); i++) {
                    entries[first + i] = leaf;
                }
            }
        }
    }

    /**
     * The leaf of the code word at the top of {@code word} (the next 32 bits), for a caller that takes the following
     * fields from the same word.
     */
    int leaf(int word) {
        int e = entries[word >>> (32 - ROOT_BITS)];
        if (e < 0) {
            int bits = e & 0xFF;
            int start = (e >>> 8) & 0x7FFFFF;
            e = entries[start + ((word << ROOT_BITS) >>> (32 - bits))];
        }
        return e;
    }
}
