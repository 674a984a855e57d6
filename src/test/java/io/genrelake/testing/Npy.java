package io.genrelake.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0) holding little-endian, C-order
 * float32, float64 or int64 arrays: the kinds the golden reference data is saved as.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, major and minor version bytes, the header length
 * (uint16 in v1, uint32 in v2/v3), a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (1025, 1293), }}, then the raw data.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Reads a whole {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Parses the bytes of a {@code .npy} file; {@code source} names it in error messages. */
    public static NpyArray parse(byte[] bytes, String source) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < MAGIC.length + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(source + ": not a .npy file (no \\x93NUMPY magic)");
        }
        buf.position(MAGIC.length);
        int major = buf.get() & 0xff;
        buf.get(); // minor version: no version so far changes the layout
        long headerLength;
        Charset headerCharset;
        switch (major) {
            case 1 -> {
                headerLength = buf.getShort() & 0xffff;
                headerCharset = StandardCharsets.ISO_8859_1;
            }
            case 2, 3 -> {
                if (buf.remaining() < 4) {
                    throw new IOException(source + ": truncated .npy preamble");
                }
                headerLength = buf.getInt() & 0xffffffffL;
                headerCharset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
            }
            default -> throw new IOException(source + ": unsupported .npy format version " + major
                    + " (supported: 1, 2, 3)");
        }
        if (headerLength > buf.remaining()) {
            throw new IOException(source + ": header length " + headerLength + " runs past the end of the file");
        }
        String header = new String(bytes, buf.position(), (int) headerLength, headerCharset);
        buf.position(buf.position() + (int) headerLength);

        String dtype = match(DESCR, header, "descr", source);
        if (!dtype.equals(NpyArray.FLOAT32) && !dtype.equals(NpyArray.FLOAT64) && !dtype.equals(NpyArray.INT64)) {
            throw new IOException(source + ": unsupported dtype '" + dtype + "' (supported: "
                    + NpyArray.FLOAT32 + ", " + NpyArray.FLOAT64 + ", " + NpyArray.INT64 + ")");
        }
        if (match(FORTRAN, header, "fortran_order", source).equals("True")) {
            throw new IOException(source + ": fortran_order True is not supported (only C-order arrays)");
        }
        int[] shape = parseShape(match(SHAPE, header, "shape", source), source);

        int size = NpyArray.sizeOf(shape);
        int itemSize = dtype.equals(NpyArray.FLOAT32) ? 4 : 8;
        long need = (long) size * itemSize;
        if (buf.remaining() < need) {
            throw new IOException(source + ": truncated data: shape " + Arrays.toString(shape) + " " + dtype
                    + " needs " + need + " bytes, file has " + buf.remaining());
        }
        Object data = switch (dtype) {
            case NpyArray.FLOAT32 -> {
                float[] a = new float[size];
                buf.asFloatBuffer().get(a);
                yield a;
            }
            case NpyArray.FLOAT64 -> {
                double[] a = new double[size];
                buf.asDoubleBuffer().get(a);
                yield a;
            }
            default -> {
                long[] a = new long[size];
                buf.asLongBuffer().get(a);
                yield a;
            }
        };
        return new NpyArray(shape, dtype, data);
    }

    private static String match(Pattern pattern, String header, String key, String source) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(source + ": header has no readable '" + key + "' entry: " + header.strip());
        }
        return m.group(1);
    }

    /** "()" is 0-D, "(2048,)" 1-D, "(1025, 1293)" 2-D. */
    private static int[] parseShape(String inside, String source) throws IOException {
        String[] parts = inside.split(",");
        int[] dims = new int[parts.length];
        int n = 0;
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue; // the trailing comma of a 1-tuple, or the empty tuple
            }
            try {
                dims[n] = Integer.parseInt(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
            } catch (NumberFormatException e) {
                throw new IOException(source + ": bad shape (" + inside + ")");
            }
            if (dims[n] < 0) {
                throw new IOException(source + ": bad shape (" + inside + ")");
            }
            n++;
        }
        return Arrays.copyOf(dims, n);
    }
}
