package io.genrelake.audio.mp3;

import static io.genrelake.audio.mp3.LongBlockImdct.POST;
import static io.genrelake.audio.mp3.LongBlockImdct.PRE;
import static io.genrelake.audio.mp3.LongBlockImdct.SIN60;
import static io.genrelake.audio.mp3.LongBlockImdct.SOURCE;
import static io.genrelake.audio.mp3.LongBlockImdct.TWIDDLE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LongBlockImdct.Kernel} on the incubating Vector API: one 8-float vector per row, each stage's operations in
 * {@link LongBlockImdct.Plain}'s order, so the same bits. Used when {@link io.genrelake.dsp.VectorApiProbe} allows.
 * Not thread-safe (scratch rows).
 */
final class VectorLongBlockImdct implements LongBlockImdct.Kernel {

    private static final VectorSpecies<Float> SPECIES = io.genrelake.dsp.VectorShapes.FLOATS;

    private final float[] z = new float[18 * 8];
    private final float[] a = new float[18 * 8];
    private final float[] y = new float[18 * 8];
    private final LongBlockImdct.Kernel plain = new LongBlockImdct.Plain();

    @Override
    public void transform(float[] lines, int groups, float[] signedWindow, float[] overlap, float[] output) {
        if (SPECIES.length() != 8) {
            plain.transform(lines, groups, signedWindow, overlap, output);
            return;
        }
        // Stage by stage through the scratch rows, each stage its own small method that takes and returns arrays
        // only: a vector passed to or returned from a call that C2 does not inline is boxed, and a big method
        // with a hundred vector operations is the first to lose their intrinsics to accumulated traps.
        for (int g = 0; g < groups; g++) {
            int s = 8 * g;
            preTwiddle(lines, s);
            for (int b = 0; b < 3; b++) {
                dft3(z, b, a, 3 * b, 1, true);
            }
            for (int c = 0; c < 3; c++) {
                dft3(a, c, y, c, 3, false);
            }
            postTwiddle();
            window(s, signedWindow, overlap, output);
        }
    }

    /** z[m] = (x[2m] + i·x[17−2m])·e^{−iπ(4m+1)/72} for the lanes from subband s. */
    private void preTwiddle(float[] lines, int s) {
        for (int m = 0; m < 9; m++) {
            FloatVector p = FloatVector.fromArray(SPECIES, lines, 64 * m + s);
            FloatVector q = FloatVector.fromArray(SPECIES, lines, 32 * (17 - 2 * m) + s);
            float cr = PRE[m];
            float ci = PRE[9 + m];
            p.mul(cr).sub(q.mul(ci)).intoArray(z, 8 * m);
            p.mul(ci).add(q.mul(cr)).intoArray(z, 8 * (9 + m));
        }
    }

    /** {@link LongBlockImdct.Plain}'s three-point DFT of rows in, in + 3, in + 6, all lanes at once. */
    private static void dft3(float[] x, int in, float[] dst, int out, int outStride, boolean twiddled) {
        FloatVector r0 = FloatVector.fromArray(SPECIES, x, 8 * in);
        FloatVector i0 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in));
        FloatVector r1 = FloatVector.fromArray(SPECIES, x, 8 * (in + 3));
        FloatVector i1 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in + 3));
        FloatVector r2 = FloatVector.fromArray(SPECIES, x, 8 * (in + 6));
        FloatVector i2 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in + 6));
        FloatVector sr = r1.add(r2);
        FloatVector si = i1.add(i2);
        FloatVector dr = r1.sub(r2);
        FloatVector di = i1.sub(i2);
        FloatVector mr = r0.sub(sr.mul(0.5f));
        FloatVector mi = i0.sub(si.mul(0.5f));
        FloatVector x0r = r0.add(sr);
        FloatVector x0i = i0.add(si);
        FloatVector x1r = mr.add(di.mul(SIN60));
        FloatVector x1i = mi.sub(dr.mul(SIN60));
        FloatVector x2r = mr.sub(di.mul(SIN60));
        FloatVector x2i = mi.add(dr.mul(SIN60));
        int row1 = out + outStride;
        int row2 = out + 2 * outStride;
        if (twiddled) { // (r + i·j)·(wr + wi·j), as the plain kernel's put
            int tw = 3 * in;
            float w0r = TWIDDLE[tw];
            float w0i = TWIDDLE[9 + tw];
            float w1r = TWIDDLE[tw + 1];
            float w1i = TWIDDLE[9 + tw + 1];
            float w2r = TWIDDLE[tw + 2];
            float w2i = TWIDDLE[9 + tw + 2];
            x0r.mul(w0r).sub(x0i.mul(w0i)).intoArray(dst, 8 * out);
            x0r.mul(w0i).add(x0i.mul(w0r)).intoArray(dst, 8 * (9 + out));
            x1r.mul(w1r).sub(x1i.mul(w1i)).intoArray(dst, 8 * row1);
            x1r.mul(w1i).add(x1i.mul(w1r)).intoArray(dst, 8 * (9 + row1));
            x2r.mul(w2r).sub(x2i.mul(w2i)).intoArray(dst, 8 * row2);
            x2r.mul(w2i).add(x2i.mul(w2r)).intoArray(dst, 8 * (9 + row2));
        } else {
            x0r.intoArray(dst, 8 * out);
            x0i.intoArray(dst, 8 * (9 + out));
            x1r.intoArray(dst, 8 * row1);
            x1i.intoArray(dst, 8 * (9 + row1));
            x2r.intoArray(dst, 8 * row2);
            x2i.intoArray(dst, 8 * (9 + row2));
        }
    }

    /** The DCT-IV from the DFT (y[2p] = Re w[p], y[17−2p] = −Im w[p], w[p] = T[p]·e^{−iπp/18}), into z. */
    private void postTwiddle() {
        for (int p = 0; p < 9; p++) {
            FloatVector tr = FloatVector.fromArray(SPECIES, y, 8 * p);
            FloatVector ti = FloatVector.fromArray(SPECIES, y, 8 * (9 + p));
            float cs = POST[p];
            float sn = POST[9 + p];
            tr.mul(cs).add(ti.mul(sn)).intoArray(z, 8 * (2 * p));
            tr.mul(sn).sub(ti.mul(cs)).intoArray(z, 8 * (17 - 2 * p));
        }
    }

    /** The unfolded, windowed IMDCT (in z) added to the overlap: slot-major output and new overlap. */
    private void window(int s, float[] signedWindow, float[] overlap, float[] output) {
        for (int t = 0; t < 18; t++) {
            int o = 32 * t + s;
            FloatVector previous = FloatVector.fromArray(SPECIES, overlap, o);
            FloatVector.fromArray(SPECIES, z, 8 * SOURCE[t]).mul(signedWindow[t]).add(previous).intoArray(output, o);
            FloatVector.fromArray(SPECIES, z, 8 * SOURCE[18 + t]).mul(signedWindow[18 + t]).intoArray(overlap, o);
        }
    }

    /** Runs the kernel once (see io.genrelake.dsp.VectorWarmUp: before C2 compiles any Vector API code). */
    static void warmUp() {
        new VectorLongBlockImdct().transform(new float[18 * 32], 1, new float[36], new float[18 * 32], new float[18 * 32]);
    }
}
