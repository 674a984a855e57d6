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
        for (int g = 0; g < groups; g++) {
            int s = 8 * g;
            for (int m = 0; m < 9; m++) {
                FloatVector p = FloatVector.fromArray(SPECIES, lines, 64 * m + s);
                FloatVector q = FloatVector.fromArray(SPECIES, lines, 32 * (17 - 2 * m) + s);
                float cr = PRE[m];
                float ci = PRE[9 + m];
                p.mul(cr).sub(q.mul(ci)).intoArray(z, 8 * m);
                p.mul(ci).add(q.mul(cr)).intoArray(z, 8 * (9 + m));
            }
            for (int b = 0; b < 3; b++) {
                dft3(z, b, 3, a, 3 * b, 1, true, 3 * b);
            }
            for (int c = 0; c < 3; c++) {
                dft3(a, c, 3, y, c, 3, false, 0);
            }
            for (int p = 0; p < 9; p++) {
                FloatVector tr = FloatVector.fromArray(SPECIES, y, 8 * p);
                FloatVector ti = FloatVector.fromArray(SPECIES, y, 8 * (9 + p));
                float cs = POST[p];
                float sn = POST[9 + p];
                tr.mul(cs).add(ti.mul(sn)).intoArray(z, 8 * (2 * p));
                tr.mul(sn).sub(ti.mul(cs)).intoArray(z, 8 * (17 - 2 * p));
            }
            for (int t = 0; t < 18; t++) {
                int o = 32 * t + s;
                FloatVector previous = FloatVector.fromArray(SPECIES, overlap, o);
                FloatVector.fromArray(SPECIES, z, 8 * SOURCE[t]).mul(signedWindow[t]).add(previous)
                        .intoArray(output, o);
                FloatVector.fromArray(SPECIES, z, 8 * SOURCE[18 + t]).mul(signedWindow[18 + t]).intoArray(overlap, o);
            }
        }
    }

    /** {@link LongBlockImdct.Plain}'s three-point DFT, all lanes at once. */
    private static void dft3(float[] x, int in, int stride, float[] dst, int out, int outStride, boolean twiddled,
            int tw) {
        FloatVector r0 = FloatVector.fromArray(SPECIES, x, 8 * in);
        FloatVector i0 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in));
        FloatVector r1 = FloatVector.fromArray(SPECIES, x, 8 * (in + stride));
        FloatVector i1 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in + stride));
        FloatVector r2 = FloatVector.fromArray(SPECIES, x, 8 * (in + 2 * stride));
        FloatVector i2 = FloatVector.fromArray(SPECIES, x, 8 * (9 + in + 2 * stride));
        FloatVector sr = r1.add(r2);
        FloatVector si = i1.add(i2);
        FloatVector dr = r1.sub(r2);
        FloatVector di = i1.sub(i2);
        FloatVector mr = r0.sub(sr.mul(0.5f));
        FloatVector mi = i0.sub(si.mul(0.5f));
        put(dst, out, r0.add(sr), i0.add(si), twiddled, tw);
        put(dst, out + outStride, mr.add(di.mul(SIN60)), mi.sub(dr.mul(SIN60)), twiddled, tw + 1);
        put(dst, out + 2 * outStride, mr.sub(di.mul(SIN60)), mi.add(dr.mul(SIN60)), twiddled, tw + 2);
    }

    private static void put(float[] dst, int row, FloatVector r, FloatVector i, boolean twiddled, int tw) {
        if (twiddled) {
            float wr = TWIDDLE[tw];
            float wi = TWIDDLE[9 + tw];
            FloatVector rr = r.mul(wr).sub(i.mul(wi));
            i = r.mul(wi).add(i.mul(wr));
            r = rr;
        }
        r.intoArray(dst, 8 * row);
        i.intoArray(dst, 8 * (9 + row));
    }

    /** Runs the kernel once (see io.genrelake.dsp.VectorWarmUp: before C2 compiles any Vector API code). */
    static void warmUp() {
        new VectorLongBlockImdct().transform(new float[18 * 32], 1, new float[36], new float[18 * 32], new float[18 * 32]);
    }
}
