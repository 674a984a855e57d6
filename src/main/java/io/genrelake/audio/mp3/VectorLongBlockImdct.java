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
    private final LongBlockImdct.Kernel plain = new LongBlockImdct.Plain();

    @Override
    public void transform(float[] lines, int groups, float[] signedWindow, float[] overlap, float[] output) {
        if (SPECIES.length() != 8) {
            plain.transform(lines, groups, signedWindow, overlap, output);
            return;
        }
        // Two stages through scratch rows, each its own small method that takes and returns arrays only: a vector
        // passed to or returned from a call that C2 does not inline is boxed, and a big method with a hundred
        // vector operations is the first to lose their intrinsics to accumulated traps. Each stage keeps its own
        // intermediate values in registers (the pre-twiddled z in the first, the DFT's outputs in the second), so the
        // three-point DFT is written out in both: one shared helper with a scratch round trip more measured ~1 ms
        // per clip slower in a JVM that had compiled the feature kernels first.
        for (int g = 0; g < groups; g++) {
            int s = 8 * g;
            for (int b = 0; b < 3; b++) {
                firstStage(lines, s, b);
                twiddle(b);
            }
            for (int c = 0; c < 3; c++) {
                secondStage(c);
            }
            window(s, signedWindow, overlap, output);
        }
    }

    /**
     * z[m] = (x[2m] + i·x[17−2m])·e^{−iπ(4m+1)/72} for m = b, b + 3, b + 6 (lanes from subband s), their three-point
     * DFT, twiddled by W₉^{bc}: rows 3b + c of {@link #a}.
     */
    private void firstStage(float[] lines, int s, int b) {
        preTwiddle(lines, s, b);
        FloatVector r0 = FloatVector.fromArray(SPECIES, z, 8 * b);
        FloatVector i0 = FloatVector.fromArray(SPECIES, z, 8 * (9 + b));
        FloatVector r1 = FloatVector.fromArray(SPECIES, z, 8 * (b + 3));
        FloatVector i1 = FloatVector.fromArray(SPECIES, z, 8 * (9 + b + 3));
        FloatVector r2 = FloatVector.fromArray(SPECIES, z, 8 * (b + 6));
        FloatVector i2 = FloatVector.fromArray(SPECIES, z, 8 * (9 + b + 6));
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
        int row = 3 * b;
        x0r.intoArray(a, 8 * row);
        x0i.intoArray(a, 8 * (9 + row));
        x1r.intoArray(a, 8 * (row + 1));
        x1i.intoArray(a, 8 * (9 + row + 1));
        x2r.intoArray(a, 8 * (row + 2));
        x2i.intoArray(a, 8 * (9 + row + 2));
    }

    /** Rows 3b + c of {@link #a} times W₉^{bc}: (r + i·j)·(wr + wi·j), as the plain kernel's put. */
    private void twiddle(int b) {
        for (int row = 3 * b; row < 3 * b + 3; row++) {
            FloatVector r = FloatVector.fromArray(SPECIES, a, 8 * row);
            FloatVector i = FloatVector.fromArray(SPECIES, a, 8 * (9 + row));
            float wr = TWIDDLE[row];
            float wi = TWIDDLE[9 + row];
            r.mul(wr).sub(i.mul(wi)).intoArray(a, 8 * row);
            r.mul(wi).add(i.mul(wr)).intoArray(a, 8 * (9 + row));
        }
    }

    /** z[m] for m = b, b + 3, b + 6: rows of {@link #z}. */
    private void preTwiddle(float[] lines, int s, int b) {
        for (int m = b; m < 9; m += 3) {
            FloatVector p = FloatVector.fromArray(SPECIES, lines, 64 * m + s);
            FloatVector q = FloatVector.fromArray(SPECIES, lines, 32 * (17 - 2 * m) + s);
            p.mul(PRE[m]).sub(q.mul(PRE[9 + m])).intoArray(z, 8 * m);
            p.mul(PRE[9 + m]).add(q.mul(PRE[m])).intoArray(z, 8 * (9 + m));
        }
    }

    /**
     * The three-point DFT over b of rows c, c + 3, c + 6 of {@link #a}: T[c + 3d], post-twiddled into the DCT-IV's
     * y[2p] = Re w[p], y[17−2p] = −Im w[p] (w[p] = T[p]·e^{−iπp/18}, p = c + 3d), rows of {@link #z}.
     */
    private void secondStage(int c) {
        FloatVector r0 = FloatVector.fromArray(SPECIES, a, 8 * c);
        FloatVector i0 = FloatVector.fromArray(SPECIES, a, 8 * (9 + c));
        FloatVector r1 = FloatVector.fromArray(SPECIES, a, 8 * (c + 3));
        FloatVector i1 = FloatVector.fromArray(SPECIES, a, 8 * (9 + c + 3));
        FloatVector r2 = FloatVector.fromArray(SPECIES, a, 8 * (c + 6));
        FloatVector i2 = FloatVector.fromArray(SPECIES, a, 8 * (9 + c + 6));
        FloatVector sr = r1.add(r2);
        FloatVector si = i1.add(i2);
        FloatVector dr = r1.sub(r2);
        FloatVector di = i1.sub(i2);
        FloatVector mr = r0.sub(sr.mul(0.5f));
        FloatVector mi = i0.sub(si.mul(0.5f));
        FloatVector tr = r0.add(sr);
        FloatVector ti = i0.add(si);
        int p = c;
        tr.mul(POST[p]).add(ti.mul(POST[9 + p])).intoArray(z, 8 * (2 * p));
        tr.mul(POST[9 + p]).sub(ti.mul(POST[p])).intoArray(z, 8 * (17 - 2 * p));
        tr = mr.add(di.mul(SIN60));
        ti = mi.sub(dr.mul(SIN60));
        p = c + 3;
        tr.mul(POST[p]).add(ti.mul(POST[9 + p])).intoArray(z, 8 * (2 * p));
        tr.mul(POST[9 + p]).sub(ti.mul(POST[p])).intoArray(z, 8 * (17 - 2 * p));
        tr = mr.sub(di.mul(SIN60));
        ti = mi.add(dr.mul(SIN60));
        p = c + 6;
        tr.mul(POST[p]).add(ti.mul(POST[9 + p])).intoArray(z, 8 * (2 * p));
        tr.mul(POST[9 + p]).sub(ti.mul(POST[p])).intoArray(z, 8 * (17 - 2 * p));
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
