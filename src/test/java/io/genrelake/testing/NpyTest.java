package io.genrelake.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    /** Writes a .npy the way numpy.save does: header padded with spaces to a multiple of 64, then '\n'. */
    private Path write(String name, int version, String dict, byte[] data) throws IOException {
        int lengthField = version == 1 ? 2 : 4;
        int preamble = 6 + 2 + lengthField;
        StringBuilder header = new StringBuilder(dict);
        while ((preamble + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
        ByteBuffer len = ByteBuffer.allocate(lengthField).order(ByteOrder.LITTLE_ENDIAN);
        if (version == 1) {
            len.putShort((short) h.length);
        } else {
            len.putInt(h.length);
        }
        out.write(len.array());
        out.write(h);
        out.write(data);
        Path file = dir.resolve(name);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static String dict(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    }

    private static byte[] le(int bytes, java.util.function.Consumer<ByteBuffer> fill) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        fill.accept(b);
        return b.array();
    }

    @Test
    void readsFloat32MatrixFromVersion1Header() throws IOException {
        float[] values = {1.5f, -2.25f, 3e-8f, Float.MAX_VALUE, 0f, -0f};
        byte[] data = le(24, b -> { for (float v : values) b.putFloat(v); });
        NpyArray a = Npy.read(write("a.npy", 1, dict("<f4", "False", "(2, 3)"), data));
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertEquals(NpyArray.FLOAT32, a.dtype());
        assertArrayEquals(values, a.floats());
        assertEquals(Float.MAX_VALUE, a.getFloat(1, 0)); // C order: row 1 starts at element 3
        assertEquals(3e-8f, a.getFloat(0, 2));
    }

    @Test
    void readsFloat64VectorFromVersion2Header() throws IOException {
        double[] values = {Math.PI, -1e300, Double.MIN_VALUE};
        byte[] data = le(24, b -> { for (double v : values) b.putDouble(v); });
        NpyArray a = Npy.read(write("b.npy", 2, dict("<f8", "False", "(3,)"), data));
        assertArrayEquals(new int[] {3}, a.shape());
        assertEquals(1, a.ndim());
        assertArrayEquals(values, a.doubles());
    }

    @Test
    void readsInt64FromVersion3Header() throws IOException {
        long[] values = {Long.MIN_VALUE, -1, 0, 661794};
        byte[] data = le(32, b -> { for (long v : values) b.putLong(v); });
        NpyArray a = Npy.read(write("c.npy", 3, dict("<i8", "False", "(4, 1)"), data));
        assertArrayEquals(new int[] {4, 1}, a.shape());
        assertArrayEquals(values, a.longs());
    }

    @Test
    void readsZeroDimensionalScalar() throws IOException {
        NpyArray a = Npy.read(write("s.npy", 1, dict("<f8", "False", "()"), le(8, b -> b.putDouble(123.046875))));
        assertEquals(0, a.ndim());
        assertEquals(1, a.size());
        assertEquals(123.046875, a.doubles()[0]);
    }

    @Test
    void readsEmptyArray() throws IOException {
        NpyArray a = Npy.read(write("e.npy", 1, dict("<f4", "False", "(0,)"), new byte[0]));
        assertArrayEquals(new int[] {0}, a.shape());
        assertEquals(0, a.floats().length);
    }

    @Test
    void wrongGetterNamesTheActualDtype() throws IOException {
        NpyArray a = Npy.read(write("d.npy", 1, dict("<f8", "False", "(1,)"), le(8, b -> b.putDouble(1))));
        IllegalStateException e = assertThrows(IllegalStateException.class, a::floats);
        assertTrue(e.getMessage().contains("<f8"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedDtypeClearly() throws IOException {
        for (String descr : new String[] {">f4", "<i4", "|u1", "<c8"}) {
            Path f = write("u.npy", 1, dict(descr, "False", "(2,)"), new byte[16]);
            IOException e = assertThrows(IOException.class, () -> Npy.read(f));
            assertTrue(e.getMessage().contains("unsupported dtype '" + descr + "'"), e.getMessage());
        }
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        Path f = write("f.npy", 1, dict("<f4", "True", "(2, 2)"), new byte[16]);
        IOException e = assertThrows(IOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("fortran_order"), e.getMessage());
    }

    @Test
    void rejectsTruncatedDataAndBadMagic() throws IOException {
        Path shortData = write("t.npy", 1, dict("<f8", "False", "(3,)"), new byte[16]);
        IOException e = assertThrows(IOException.class, () -> Npy.read(shortData));
        assertTrue(e.getMessage().contains("truncated data"), e.getMessage());

        Path notNpy = Files.writeString(dir.resolve("x.npy"), "hello, world");
        e = assertThrows(IOException.class, () -> Npy.read(notNpy));
        assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
    }

    @Test
    void goldenStftPowerIsFloat32Matrix() throws IOException {
        Path file = SharedData.require("golden/clips/blues.00000/stft_power.npy");
        NpyArray a = Npy.read(file);
        assertArrayEquals(new int[] {1025, 1293}, a.shape());
        assertEquals(NpyArray.FLOAT32, a.dtype());
        float[] p = a.floats();
        assertEquals(1025 * 1293, p.length);
        for (float v : p) {
            assertTrue(v >= 0 && Float.isFinite(v), "power must be finite and non-negative: " + v);
        }
    }

    @Test
    void goldenWindowIsPeriodicHann() throws IOException {
        NpyArray a = Npy.read(SharedData.require("golden/clips/blues.00000/window.npy"));
        assertArrayEquals(new int[] {2048}, a.shape());
        double[] w = a.doubles();
        for (int n : new int[] {0, 1, 100, 512, 1024, 1536, 2047}) {
            assertEquals(0.5 - 0.5 * Math.cos(2 * Math.PI * n / 2048), w[n], 1e-15, "w[" + n + "]");
        }
        assertEquals(0.0, w[0]);
        assertEquals(1.0, w[1024], 1e-15); // periodic: the peak is at N/2, and w[N-1] != 0
        assertTrue(w[2047] > 0);
    }
}
