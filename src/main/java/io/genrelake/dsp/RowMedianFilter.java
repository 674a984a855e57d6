package io.genrelake.dsp;

/**
 * {@code scipy.ndimage.median_filter(x, size=width, mode='reflect')} along each of a block of rows of equal
 * length (the percussive median of HPSS runs along frequency, one row per frame), for non-negative
 * values given as IEEE bits.
 *
 * <p>A single row is a chain — each window follows from the previous one — so the rows of a block, and
 * {@code chunks} pieces of each row, run side by side as the lanes of a {@link SortedWindowLanes}. A
 * piece starts with an empty window that its first {@code width − 1} values fill, so more pieces mean
 * more lanes (better vectors) but more filling: 8 pieces of 1025 bins cost 23 % extra steps.
 *
 * <p>The block is held transposed, {@code column[p][row · chunks + piece]} = the p-th value of that
 * piece, so each step reads whole arrays. Not thread-safe.
 */
public final class RowMedianFilter {

    private final int rows;
    private final int length;
    private final int width;
    private final int chunks;
    /** Output positions per piece. */
    private final int piece;
    private final int[][] column;
    /** One row with its reflected ends, then zeros up to the last piece's end. */
    private final int[] padded;
    private final SortedWindowLanes windows;

    /** A filter for up to {@code rows} rows of {@code length} values, each row cut into {@code chunks} pieces. */
    public RowMedianFilter(int rows, int length, int width, int chunks) {
        if (width % 2 == 0 || chunks < 1 || chunks > length) {
            throw new IllegalArgumentException("width " + width + " (must be odd), " + chunks + " chunks of " + length);
        }
        this.rows = rows;
        this.length = length;
        this.width = width;
        this.chunks = chunks;
        this.piece = (length + chunks - 1) / chunks;
        this.column = new int[piece + width - 1][rows * chunks];
        this.padded = new int[chunks * piece + width - 1];
        this.windows = SortedWindowLanes.of(rows * chunks, width);
    }

    public int rows() {
        return rows;
    }

    /** Sets row i of the block to the given bits, reflected at both ends. */
    public void setRow(int i, int[] bits) {
        int half = width / 2;
        for (int q = 0; q < half; q++) {
            padded[q] = bits[ReflectBoundary.index(q - half, length)];
            padded[half + length + q] = bits[ReflectBoundary.index(length + q, length)];
        }
        System.arraycopy(bits, 0, padded, half, length);
        // positions past the padded row (zeros) feed only outputs past the row's end, which are dropped
        for (int c = 0; c < chunks; c++) {
            int lane = i * chunks + c;
            int start = c * piece;
            for (int p = 0; p < column.length; p++) {
                column[p][lane] = padded[start + p];
            }
        }
    }

    /** Filters the block: out[i][k] = the median of row i around k, for the first {@code count} rows. */
    public void filter(int count, float[][] out) {
        windows.clear();
        int[] medians = windows.medianBits();
        for (int p = 0; p < column.length; p++) {
            if (p < width) {
                windows.insert(column[p]);
            } else {
                windows.slide(column[p - width], column[p]);
            }
            int k0 = p - (width - 1); // the output this step completes, within each piece
            if (k0 < 0) {
                continue;
            }
            for (int i = 0; i < count; i++) {
                float[] row = out[i];
                for (int c = 0; c < chunks; c++) {
                    int k = c * piece + k0;
                    if (k < length) {
                        row[k] = Float.intBitsToFloat(medians[i * chunks + c]);
                    }
                }
            }
        }
    }
}
