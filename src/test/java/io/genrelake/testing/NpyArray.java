package io.genrelake.testing;

import java.util.Arrays;

/**
 * An array read from a {@code .npy} file: its shape (empty for a 0-D scalar), its NumPy dtype
 * ({@code <f4}, {@code <f8} or {@code <i8}) and its elements in C (row-major) order.
 */
public record NpyArray(int[] shape, String dtype, Object data) {

    public static final String FLOAT32 = "<f4";
    public static final String FLOAT64 = "<f8";
    public static final String INT64 = "<i8";

    public NpyArray {
        shape = shape.clone();
        int expected = sizeOf(shape);
        int actual = switch (dtype) {
            case FLOAT32 -> ((float[]) data).length;
            case FLOAT64 -> ((double[]) data).length;
            case INT64 -> ((long[]) data).length;
            default -> throw new IllegalArgumentException("unsupported dtype " + dtype);
        };
        if (actual != expected) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + expected
                    + " elements, got " + actual);
        }
    }

    /** Number of elements: the product of the shape (1 for a 0-D array). */
    public static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large for Java: " + Arrays.toString(shape));
        }
        return (int) n;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public int size() {
        return sizeOf(shape);
    }

    /** Number of dimensions (0 for a scalar). */
    public int ndim() {
        return shape.length;
    }

    /** The elements of a float32 array. */
    public float[] floats() {
        return (float[]) dataOf(FLOAT32);
    }

    /** The elements of a float64 array. */
    public double[] doubles() {
        return (double[]) dataOf(FLOAT64);
    }

    /** The elements of an int64 array. */
    public long[] longs() {
        return (long[]) dataOf(INT64);
    }

    /** Element [row][col] of a 2-D float32 array. */
    public float getFloat(int row, int col) {
        return floats()[index2(row, col)];
    }

    /** Element [row][col] of a 2-D float64 array. */
    public double getDouble(int row, int col) {
        return doubles()[index2(row, col)];
    }

    private int index2(int row, int col) {
        if (shape.length != 2) {
            throw new IllegalStateException("not a 2-D array: shape " + Arrays.toString(shape));
        }
        if (row < 0 || row >= shape[0] || col < 0 || col >= shape[1]) {
            throw new IndexOutOfBoundsException("[" + row + "][" + col + "] outside " + Arrays.toString(shape));
        }
        return row * shape[1] + col;
    }

    private Object dataOf(String wanted) {
        if (!dtype.equals(wanted)) {
            throw new IllegalStateException("array is " + dtype + ", not " + wanted);
        }
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && a.dtype.equals(dtype)
                && Arrays.deepEquals(new Object[] {a.data}, new Object[] {data});
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.deepHashCode(new Object[] {data});
    }

    @Override
    public String toString() {
        return "NpyArray[shape=" + Arrays.toString(shape) + ", dtype=" + dtype + "]";
    }
}
