package io.genrelake.dsp;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RealFft} for {@link #LANES} independent frames at once, on the incubating Vector API (JVMs started
 * with {@code --add-modules jdk.incubator.vector}). Lane layout: lane l of every vector belongs to frame l, so
 * sample j of frame l is {@code x[j · LANES + l]} (x holds n·LANES values) and bin k of frame l is
 * {@code re[k · LANES + l]}, {@code im[k · LANES + l]} (k = 0..n/2; re and im hold (n/2 + 1)·LANES values). Every
 * butterfly is then full-width SIMD with no shuffles.
 *
 * <p>Each lane gets exactly the bits {@link RealFft} gives for that frame alone: the same butterflies on the same
 * twiddle tables (built by the same code), every scalar {@code + - *} replaced by the lanewise vector operation,
 * every {@code Math.fma} by the lanewise fma (both IEEE-exact, so the same bits), every twiddle by a
 * broadcast, and unary minus by a product with −1 (exact, signed zeros included). Scalar operands are broadcast
 * once per method, never passed to the API's scalar overloads: JDK 17 does not force-inline those
 * ({@code lanewise(op, double)}, {@code neg()}); the broadcasts sit inside the loops (C2 hoists them), since
 * JDK 17 could not unbox vectors defined before a loop in every compilation and fell back to scalar stores. Only the order in which independent butterflies run differs: the
 * complex FFT goes depth first (a block of span 4h is finished, sub-blocks first, before the next one starts), so the first passes work on
 * blocks that stay in L1; the last middle stage and the (un)split pass stream over the whole arrays. (For NaN
 * inputs only the NaN payloads could differ; numbers, infinities and signed zeros come out the same.)
 *
 * <p>Sizes: those for which RealFft's first pass is radix 8 (log2(n/2) even, n/2 >= 16: 32, 128, 512, 2048, 8192,
 * 32768) or radix 4 (log2(n/2) odd, n/2 >= 32: 64, 256, 1024, 4096, 16384, 65536): every power of two from 32 to
 * 65536; others are refused with IllegalArgumentException.
 *
 * <p>The hot methods are small on purpose: C2 (JDK 17) must inline every Vector API call of a method for its
 * vectors to stay in registers, and past its inlining budget (DesiredMethodLimit bytecodes per compilation) it
 * leaves calls whose vectors are then boxed on the heap. So every kernel here does a few dozen vector operations
 * on arrays in and arrays out, and no vector crosses a method boundary. Allocation-free per call; not
 * thread-safe (the inverse's scratch lives in the instance).
 *
 * <p>The preferred vector: 8 doubles with AVX-512, which on the Zen 4 it was tuned on beat 4-lane vectors by
 * ~15-25 % even though Zen 4 executes them as two 256-bit halves (half the instructions, same work).
 */
public final class LaneRealFft implements FrameFft {

    /** The preferred shape, as every other Vector API class here uses (see {@link VectorApiProbe}). */
    static final VectorSpecies<Double> SPECIES = VectorShapes.DOUBLES;
    /** Frames per call: the double lanes of {@link #SPECIES}. */
    public static final int LANES = SPECIES.length();
    private static final int L = LANES;

    private static final double SQRT1_2 = Math.sqrt(0.5);

    private final int n;
    /** Complex FFT size, n/2. */
    private final int m;
    /** Radix of the first pass and the last inverse pass, as RealFft's: 8 (log2 m even) or 4 (odd). */
    private final int firstRadix;
    /** Largest span transformed breadth first: firstRadix · 16 positions (16 or 8 KiB of re and im at 8 lanes). */
    private final int block;
    /** blockRev[b]: bit reversal of first-pass block b over log2(m / firstRadix) bits (as RealFft). */
    private final int[] blockRev;
    /** Middle radix-4 stages h = firstRadix, 4·firstRadix, ..., m/8 concatenated (stage h at 2(h - firstRadix)). */
    private final double[] midTw;
    /** Last pass, k = 0..m/4: W_m^k and W_n^k / 2, as (cos, sin); as RealFft. */
    private final double[] lastTw;
    /** Inverse scratch for the complex FFT, lane layout. */
    private final double[] zr, zi;

    public LaneRealFft(int n) {
        if (n < 4 || n > 65536 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two in [4, 65536]: " + n);
        }
        int log2m = Integer.numberOfTrailingZeros(n / 2);
        if (log2m < 4) {
            throw new IllegalArgumentException("LaneRealFft needs n >= 32: " + n);
        }
        this.n = n;
        this.m = n / 2;
        this.firstRadix = log2m % 2 == 0 ? 8 : 4;
        this.block = 16 * firstRadix;

        // RealFft's own tables
        blockRev = RealFft.blockReversal(m / firstRadix);
        midTw = RealFft.middleTwiddles(firstRadix, m);
        lastTw = RealFft.lastTwiddles(n);
        zr = new double[m * L];
        zi = new double[m * L];
    }

    /** Frames per call ({@link #LANES}). */
    @Override
    public int lanes() {
        return L;
    }

    public int size() {
        return n;
    }

    /**
     * numpy.fft.rfft of each of {@link #LANES} frames: x[j·LANES + l] is sample j of frame l (x.length >=
     * n·LANES, not modified); bin k of frame l goes to re[k·LANES + l], im[k·LANES + l] (length >= (n/2+1)·LANES).
     */
    @Override
    public void forward(double[] x, double[] re, double[] im) {
        if (x.length < n * L || re.length < (m + 1) * L || im.length < (m + 1) * L) {
            throw new IllegalArgumentException("forward: need x.length >= " + n * L + " and re/im.length >= "
                    + (m + 1) * L);
        }
        final int m = this.m;
        if (m == 16) {
            firstPass8(x, re, im, blockRev, 0, 2, (m / 4) * L);
            lastPassSplit(re, im);
            return;
        }
        final int sub = m / 8, half = m / 2, off = 2 * (sub - firstRadix);
        for (int p = 0; p < half; p += sub) {
            dit(x, re, im, p, sub);
        }
        radix4Plain(re, im, 0, sub, midTw, off);
        for (int p = half; p < m; p += sub) {
            dit(x, re, im, p, sub);
        }
        radix4Plain(re, im, half, sub, midTw, off);
        lastPassSplit(re, im);
    }

    /**
     * numpy.fft.irfft of each of {@link #LANES} spectra in lane layout (imag parts of bins 0 and n/2 ignored);
     * x[j·LANES + l] gets sample j of frame l. re, im not modified.
     */
    @Override
    public void inverse(double[] re, double[] im, double[] x) {
        if (x.length < n * L || re.length < (m + 1) * L || im.length < (m + 1) * L) {
            throw new IllegalArgumentException("inverse: need x.length >= " + n * L + " and re/im.length >= "
                    + (m + 1) * L);
        }
        final int m = this.m;
        final double[] zr = this.zr, zi = this.zi;
        if (m == 16) {
            firstPassUnsplit(re, im, zr, zi);
            lastPassScatter8(zr, zi, x, blockRev, 0, 2, (m / 4) * L, 1.0 / m);
            return;
        }
        firstPassUnsplit(re, im, zr, zi);
        final int sub = m / 8, half = m / 2, off = 2 * (sub - firstRadix);
        radix4DifPlain(zr, zi, 0, sub, midTw, off);
        for (int p = 0; p < half; p += sub) {
            dif(zr, zi, x, p, sub);
        }
        radix4DifPlain(zr, zi, half, sub, midTw, off);
        for (int p = half; p < m; p += sub) {
            dif(zr, zi, x, p, sub);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Forward complex FFT. RealFft runs each pass over the whole array; here the passes below the
    // last middle stage go depth first: dit(p, span) transforms positions p .. p+span-1 of the
    // bit-reversed array over `span`. A block of at most `block` positions (16 KiB of re and im at
    // 8 lanes) runs RealFft's passes restricted to it (first pass, then the radix-4 stages with
    // the twiddles of one k held over the blocks that share them) while it sits in L1; a larger
    // one does its four sub-blocks and then its own stage h = span/4. The last middle stage
    // (h = m/8: RealFft's radix4TwoBlocks, plain products) runs on each half as soon as that half
    // is done, then the split goes over everything, in RealFft's order.
    //
    // Tried and dropped (slower here, n = 2048, 8 lanes): both halves of the last middle stage in
    // one loop as RealFft has them (1.9 vs 0.5 µs per frame for that stage: the halves are a
    // multiple of 4 KiB apart, so loads falsely wait on the other half's stores, or all 16 loads
    // first and the registers spill); fusing that stage with the split in groups of butterflies
    // k, h-k that close under the split (both 3x slower: the access streams then run up and down
    // through the same instructions and the prefetchers lose them); moving adds onto the fma
    // pipes as fma(a, ±1, b) (same bits, no gain: the kernels are not bound by the add pipes).
    // ---------------------------------------------------------------------------------------

    private void dit(double[] x, double[] re, double[] im, int p, int span) {
        if (span <= block) {
            if (firstRadix == 8) {
                firstPass8(x, re, im, blockRev, p >> 3, (p + span) >> 3, (m / 4) * L);
            } else {
                firstPass4(x, re, im, blockRev, p >> 2, (p + span) >> 2, (m / 2) * L);
            }
            for (int h = firstRadix; 4 * h <= span; h *= 4) {
                radix4Fma(re, im, p, span, h, midTw, 2 * (h - firstRadix));
            }
            return;
        }
        int h = span >> 2;
        dit(x, re, im, p, h);
        dit(x, re, im, p + h, h);
        dit(x, re, im, p + 2 * h, h);
        dit(x, re, im, p + 3 * h, h);
        radix4Fma(re, im, p, span, h, midTw, 2 * (h - firstRadix));
    }

    /** RealFft.firstPass4 on blocks b0 .. b1-1; q2 is a lane offset (index · L). */
    private static void firstPass4(double[] src, double[] re, double[] im, int[] blockRev, int b0, int b1, int q2) {
        for (int b = b0; b < b1; b++) {
            // inputs in bit-reversed order: z[r], z[r + 2q], z[r + q], z[r + 3q]
            final int s0 = 2 * blockRev[b] * L, s2 = s0 + q2, s1 = s2 + q2, s3 = s1 + q2, p = 4 * b * L;
            DoubleVector x0r = DoubleVector.fromArray(SPECIES, src, s0);
            DoubleVector x0i = DoubleVector.fromArray(SPECIES, src, s0 + L);
            DoubleVector x1r = DoubleVector.fromArray(SPECIES, src, s1);
            DoubleVector x1i = DoubleVector.fromArray(SPECIES, src, s1 + L);
            DoubleVector x2r = DoubleVector.fromArray(SPECIES, src, s2);
            DoubleVector x2i = DoubleVector.fromArray(SPECIES, src, s2 + L);
            DoubleVector x3r = DoubleVector.fromArray(SPECIES, src, s3);
            DoubleVector x3i = DoubleVector.fromArray(SPECIES, src, s3 + L);
            DoubleVector ar = x0r.add(x1r), ai = x0i.add(x1i), br = x0r.sub(x1r), bi = x0i.sub(x1i);
            DoubleVector cr = x2r.add(x3r), ci = x2i.add(x3i), dr = x2r.sub(x3r), di = x2i.sub(x3i);
            ar.add(cr).intoArray(re, p);
            ai.add(ci).intoArray(im, p);
            ar.sub(cr).intoArray(re, p + 2 * L);
            ai.sub(ci).intoArray(im, p + 2 * L);
            br.add(di).intoArray(re, p + L);
            bi.sub(dr).intoArray(im, p + L);
            br.sub(di).intoArray(re, p + 3 * L);
            bi.add(dr).intoArray(im, p + 3 * L);
        }
    }

    /** RealFft.firstPass8 on blocks b0 .. b1-1; q2 is a lane offset (index · L). */
    private static void firstPass8(double[] src, double[] re, double[] im, int[] blockRev, int b0, int b1, int q2) {
        for (int b = b0; b < b1; b++) {
            final DoubleVector sqrtHalf = DoubleVector.broadcast(SPECIES, SQRT1_2);
            final DoubleVector negSqrtHalf = DoubleVector.broadcast(SPECIES, -SQRT1_2);
            final int s0 = 2 * blockRev[b] * L, p = 8 * b * L;
            int s4 = s0 + q2, s2 = s4 + q2, s6 = s2 + q2;
            int s1 = s6 + q2, s5 = s1 + q2, s3 = s5 + q2, s7 = s3 + q2;
            DoubleVector x0r = DoubleVector.fromArray(SPECIES, src, s0);
            DoubleVector x0i = DoubleVector.fromArray(SPECIES, src, s0 + L);
            DoubleVector x1r = DoubleVector.fromArray(SPECIES, src, s1);
            DoubleVector x1i = DoubleVector.fromArray(SPECIES, src, s1 + L);
            DoubleVector x2r = DoubleVector.fromArray(SPECIES, src, s2);
            DoubleVector x2i = DoubleVector.fromArray(SPECIES, src, s2 + L);
            DoubleVector x3r = DoubleVector.fromArray(SPECIES, src, s3);
            DoubleVector x3i = DoubleVector.fromArray(SPECIES, src, s3 + L);
            DoubleVector x4r = DoubleVector.fromArray(SPECIES, src, s4);
            DoubleVector x4i = DoubleVector.fromArray(SPECIES, src, s4 + L);
            DoubleVector x5r = DoubleVector.fromArray(SPECIES, src, s5);
            DoubleVector x5i = DoubleVector.fromArray(SPECIES, src, s5 + L);
            DoubleVector x6r = DoubleVector.fromArray(SPECIES, src, s6);
            DoubleVector x6i = DoubleVector.fromArray(SPECIES, src, s6 + L);
            DoubleVector x7r = DoubleVector.fromArray(SPECIES, src, s7);
            DoubleVector x7i = DoubleVector.fromArray(SPECIES, src, s7 + L);
            DoubleVector a0r = x0r.add(x1r), a0i = x0i.add(x1i), a1r = x0r.sub(x1r), a1i = x0i.sub(x1i);
            DoubleVector a2r = x2r.add(x3r), a2i = x2i.add(x3i), a3r = x2r.sub(x3r), a3i = x2i.sub(x3i);
            DoubleVector a4r = x4r.add(x5r), a4i = x4i.add(x5i), a5r = x4r.sub(x5r), a5i = x4i.sub(x5i);
            DoubleVector a6r = x6r.add(x7r), a6i = x6i.add(x7i), a7r = x6r.sub(x7r), a7i = x6i.sub(x7i);
            DoubleVector b0r = a0r.add(a2r), b0i = a0i.add(a2i), b2r = a0r.sub(a2r), b2i = a0i.sub(a2i);
            DoubleVector b1r = a1r.add(a3i), b1i = a1i.sub(a3r), b3r = a1r.sub(a3i), b3i = a1i.add(a3r);
            DoubleVector b4r = a4r.add(a6r), b4i = a4i.add(a6i), b6r = a4r.sub(a6r), b6i = a4i.sub(a6i);
            DoubleVector b5r = a5r.add(a7i), b5i = a5i.sub(a7r), b7r = a5r.sub(a7i), b7i = a5i.add(a7r);
            DoubleVector t5r = b5r.add(b5i).mul(sqrtHalf), t5i = b5i.sub(b5r).mul(sqrtHalf);
            DoubleVector t7r = b7i.sub(b7r).mul(sqrtHalf), t7i = b7r.add(b7i).mul(negSqrtHalf);
            b0r.add(b4r).intoArray(re, p);
            b0i.add(b4i).intoArray(im, p);
            b0r.sub(b4r).intoArray(re, p + 4 * L);
            b0i.sub(b4i).intoArray(im, p + 4 * L);
            b1r.add(t5r).intoArray(re, p + L);
            b1i.add(t5i).intoArray(im, p + L);
            b1r.sub(t5r).intoArray(re, p + 5 * L);
            b1i.sub(t5i).intoArray(im, p + 5 * L);
            b2r.add(b6i).intoArray(re, p + 2 * L);
            b2i.sub(b6r).intoArray(im, p + 2 * L);
            b2r.sub(b6i).intoArray(re, p + 6 * L);
            b2i.add(b6r).intoArray(im, p + 6 * L);
            b3r.add(t7r).intoArray(re, p + 3 * L);
            b3i.add(t7i).intoArray(im, p + 3 * L);
            b3r.sub(t7r).intoArray(re, p + 7 * L);
            b3i.sub(t7i).intoArray(im, p + 7 * L);
        }
    }

    /**
     * RealFft.radix4TwiddleOuter's butterflies (fma products) for stage h on the blocks of span 4h in
     * positions p .. p+span-1, k outermost so that the twiddles of a k serve all of them.
     */
    private static void radix4Fma(double[] re, double[] im, int p, int span, int h, double[] tw, int off) {
        final int hl = h * L, step = 4 * hl, end = (p + span) * L;
        for (int k = 0; k < h; k++) {
            final int t = off + 6 * k;
            final DoubleVector c1 = DoubleVector.broadcast(SPECIES, tw[t]);
            final DoubleVector s1 = DoubleVector.broadcast(SPECIES, tw[t + 1]);
            final DoubleVector c2 = DoubleVector.broadcast(SPECIES, tw[t + 2]);
            final DoubleVector s2 = DoubleVector.broadcast(SPECIES, tw[t + 3]);
            final DoubleVector c3 = DoubleVector.broadcast(SPECIES, tw[t + 4]);
            final DoubleVector s3 = DoubleVector.broadcast(SPECIES, tw[t + 5]);
            final DoubleVector ns1 = DoubleVector.broadcast(SPECIES, -tw[t + 1]);
            final DoubleVector ns2 = DoubleVector.broadcast(SPECIES, -tw[t + 3]);
            final DoubleVector ns3 = DoubleVector.broadcast(SPECIES, -tw[t + 5]);
            for (int i0 = (p + k) * L; i0 < end; i0 += step) {
                final int i1 = i0 + hl, i2 = i1 + hl, i3 = i2 + hl;
                DoubleVector x0r = DoubleVector.fromArray(SPECIES, re, i0);
                DoubleVector x0i = DoubleVector.fromArray(SPECIES, im, i0);
                DoubleVector x1r = DoubleVector.fromArray(SPECIES, re, i1);
                DoubleVector x1i = DoubleVector.fromArray(SPECIES, im, i1);
                DoubleVector x2r = DoubleVector.fromArray(SPECIES, re, i2);
                DoubleVector x2i = DoubleVector.fromArray(SPECIES, im, i2);
                DoubleVector x3r = DoubleVector.fromArray(SPECIES, re, i3);
                DoubleVector x3i = DoubleVector.fromArray(SPECIES, im, i3);
                DoubleVector t1r = c1.fma(x1r, ns1.mul(x1i)), t1i = c1.fma(x1i, s1.mul(x1r));
                DoubleVector t2r = c2.fma(x2r, ns2.mul(x2i)), t2i = c2.fma(x2i, s2.mul(x2r));
                DoubleVector t3r = c3.fma(x3r, ns3.mul(x3i)), t3i = c3.fma(x3i, s3.mul(x3r));
                DoubleVector ar = x0r.add(t1r), ai = x0i.add(t1i), br = x0r.sub(t1r), bi = x0i.sub(t1i);
                DoubleVector cr = t2r.add(t3r), ci = t2i.add(t3i), dr = t2r.sub(t3r), di = t2i.sub(t3i);
                ar.add(cr).intoArray(re, i0);
                ai.add(ci).intoArray(im, i0);
                ar.sub(cr).intoArray(re, i2);
                ai.sub(ci).intoArray(im, i2);
                br.add(di).intoArray(re, i1);
                bi.sub(dr).intoArray(im, i1);
                br.sub(di).intoArray(re, i3);
                bi.add(dr).intoArray(im, i3);
            }
        }
    }

    /**
     * RealFft.radix4TwoBlocks's butterflies (plain products c·x - s·y) on the one block at p. Both blocks of
     * the stage in one loop, as RealFft has them, is 4x slower here: the blocks are m/2·LANES·8 bytes apart (a
     * multiple of 4 KiB), so each block's loads falsely wait on the other's stores, and the twice as many
     * access streams defeat the prefetchers.
     */
    private static void radix4Plain(double[] re, double[] im, int p, int h, double[] tw, int off) {
        final int hl = h * L;
        for (int k = 0; k < h; k++) {
            final int t = off + 6 * k;
            DoubleVector c1 = DoubleVector.broadcast(SPECIES, tw[t]), s1 = DoubleVector.broadcast(SPECIES, tw[t + 1]);
            DoubleVector c2 = DoubleVector.broadcast(SPECIES, tw[t + 2]);
            DoubleVector s2 = DoubleVector.broadcast(SPECIES, tw[t + 3]);
            DoubleVector c3 = DoubleVector.broadcast(SPECIES, tw[t + 4]);
            DoubleVector s3 = DoubleVector.broadcast(SPECIES, tw[t + 5]);
            final int i0 = (p + k) * L, i1 = i0 + hl, i2 = i1 + hl, i3 = i2 + hl;
            DoubleVector x0r = DoubleVector.fromArray(SPECIES, re, i0), x0i = DoubleVector.fromArray(SPECIES, im, i0);
            DoubleVector x1r = DoubleVector.fromArray(SPECIES, re, i1), x1i = DoubleVector.fromArray(SPECIES, im, i1);
            DoubleVector x2r = DoubleVector.fromArray(SPECIES, re, i2), x2i = DoubleVector.fromArray(SPECIES, im, i2);
            DoubleVector x3r = DoubleVector.fromArray(SPECIES, re, i3), x3i = DoubleVector.fromArray(SPECIES, im, i3);
            DoubleVector t1r = c1.mul(x1r).sub(s1.mul(x1i)), t1i = c1.fma(x1i, s1.mul(x1r));
            DoubleVector t2r = c2.mul(x2r).sub(s2.mul(x2i)), t2i = c2.fma(x2i, s2.mul(x2r));
            DoubleVector t3r = c3.mul(x3r).sub(s3.mul(x3i)), t3i = c3.fma(x3i, s3.mul(x3r));
            DoubleVector ar = x0r.add(t1r), ai = x0i.add(t1i), br = x0r.sub(t1r), bi = x0i.sub(t1i);
            DoubleVector cr = t2r.add(t3r), ci = t2i.add(t3i), dr = t2r.sub(t3r), di = t2i.sub(t3i);
            ar.add(cr).intoArray(re, i0);
            ai.add(ci).intoArray(im, i0);
            ar.sub(cr).intoArray(re, i2);
            ai.sub(ci).intoArray(im, i2);
            br.add(di).intoArray(re, i1);
            bi.sub(dr).intoArray(im, i1);
            br.sub(di).intoArray(re, i3);
            bi.add(dr).intoArray(im, i3);
        }
    }

    // ---------------------------------------------------------------------------------------
    // Forward last pass: RealFft.lastPassSplit (radix-2 level fused with the split), lanewise.
    // ---------------------------------------------------------------------------------------

    /** RealFft.lastPassSplit, in its order. */
    private void lastPassSplit(double[] re, double[] im) {
        final int m = this.m, half = m / 2, quarter = m / 4;
        final double[] lw = lastTw;
        splitEnds(re, im, m, half);
        splitPairs(re, im, m, 1, quarter, lw);
        splitQuarter(re, im, quarter * L, (quarter + half) * L, lw, 4 * quarter);
    }

    /** k = 0: X[0], X[m], X[m/2]. */
    private static void splitEnds(double[] re, double[] im, int m, int half) {
        DoubleVector a0r = DoubleVector.fromArray(SPECIES, re, 0), a0i = DoubleVector.fromArray(SPECIES, im, 0);
        DoubleVector b0r = DoubleVector.fromArray(SPECIES, re, half * L);
        DoubleVector b0i = DoubleVector.fromArray(SPECIES, im, half * L);
        DoubleVector z0r = a0r.add(b0r), z0i = a0i.add(b0i);
        DoubleVector zero = DoubleVector.zero(SPECIES);
        z0r.add(z0i).intoArray(re, 0);
        zero.intoArray(im, 0);
        z0r.sub(z0i).intoArray(re, m * L);
        zero.intoArray(im, m * L);
        a0r.sub(b0r).intoArray(re, half * L);
        b0i.sub(a0i).intoArray(im, half * L);
    }

    /** Butterflies k and m/2-k fused with the split pairs (k, m-k) and (m/2-k, m/2+k), for 0 < k0 <= k < k1 <= m/4. */
    private static void splitPairs(double[] re, double[] im, int m, int k0, int k1, double[] lw) {
        final int half = m / 2;
        for (int kk = k0; kk < k1; kk++) {
            final DoubleVector oneHalf = DoubleVector.broadcast(SPECIES, 0.5);
            final DoubleVector minusOne = DoubleVector.broadcast(SPECIES, -1.0);
            final int k = kk * L, kp = (half - kk) * L, kh = (kk + half) * L, kph = (m - kk) * L, t = 4 * kk;
            final DoubleVector wr = DoubleVector.broadcast(SPECIES, lw[t]);
            final DoubleVector wi = DoubleVector.broadcast(SPECIES, lw[t + 1]);
            final DoubleVector sr = DoubleVector.broadcast(SPECIES, lw[t + 2]);
            final DoubleVector si = DoubleVector.broadcast(SPECIES, lw[t + 3]);
            final DoubleVector nwi = DoubleVector.broadcast(SPECIES, -lw[t + 1]);
            final DoubleVector nsi = DoubleVector.broadcast(SPECIES, -lw[t + 3]);
            DoubleVector ar = DoubleVector.fromArray(SPECIES, re, k), ai = DoubleVector.fromArray(SPECIES, im, k);
            DoubleVector br = DoubleVector.fromArray(SPECIES, re, kh), bi = DoubleVector.fromArray(SPECIES, im, kh);
            DoubleVector tr = wr.fma(br, nwi.mul(bi)), ti = wr.fma(bi, wi.mul(br));
            DoubleVector zkr = ar.add(tr), zki = ai.add(ti), zkhr = ar.sub(tr), zkhi = ai.sub(ti);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, re, kp), ci = DoubleVector.fromArray(SPECIES, im, kp);
            DoubleVector dr = DoubleVector.fromArray(SPECIES, re, kph), di = DoubleVector.fromArray(SPECIES, im, kph);
            DoubleVector ur = wr.fma(dr, wi.mul(di)), ui = wr.fma(di, nwi.mul(dr));
            DoubleVector zpr = cr.sub(ur), zpi = ci.sub(ui), zmr = cr.add(ur), zmi = ci.add(ui);

            DoubleVector sEr = zkr.add(zmr), dEi = zki.sub(zmi);
            DoubleVector er = sEr.mul(oneHalf), ei = dEi.mul(oneHalf);
            DoubleVector or = zki.add(zmi), oi = zmr.sub(zkr);
            DoubleVector vr = sr.fma(or, nsi.mul(oi)), vi = sr.fma(oi, si.mul(or));
            oneHalf.fma(sEr, vr).intoArray(re, k);
            oneHalf.fma(dEi, vi).intoArray(im, k);
            er.sub(vr).intoArray(re, kph);
            vi.sub(ei).intoArray(im, kph);

            DoubleVector sFr = zpr.add(zkhr), dFi = zpi.sub(zkhi);
            DoubleVector fr = sFr.mul(oneHalf), fi = dFi.mul(oneHalf);
            DoubleVector pr = zpi.add(zkhi), pi = zkhr.sub(zpr);
            DoubleVector qr = sr.fma(pi, nsi.mul(pr)), qi = si.fma(pi, sr.mul(pr)).mul(minusOne);
            oneHalf.fma(sFr, qr).intoArray(re, kp);
            oneHalf.fma(dFi, qi).intoArray(im, kp);
            fr.sub(qr).intoArray(re, kh);
            qi.sub(fi).intoArray(im, kh);
        }
    }

    /** k = m/4 pairs with itself (radix-2 twiddle -i), split pair (m/4, 3m/4); lane offsets. */
    private static void splitQuarter(double[] re, double[] im, int k, int kh, double[] lw, int t) {
        final DoubleVector oneHalfV = DoubleVector.broadcast(SPECIES, 0.5);
        DoubleVector ar = DoubleVector.fromArray(SPECIES, re, k), ai = DoubleVector.fromArray(SPECIES, im, k);
        DoubleVector br = DoubleVector.fromArray(SPECIES, re, kh), bi = DoubleVector.fromArray(SPECIES, im, kh);
        DoubleVector zkr = ar.add(bi), zki = ai.sub(br), zhr = ar.sub(bi), zhi = ai.add(br);
        DoubleVector sr = DoubleVector.broadcast(SPECIES, lw[t + 2]), si = DoubleVector.broadcast(SPECIES, lw[t + 3]);
        DoubleVector er = zkr.add(zhr).mul(oneHalfV), ei = zki.sub(zhi).mul(oneHalfV);
        DoubleVector or = zki.add(zhi), oi = zhr.sub(zkr);
        DoubleVector vr = sr.mul(or).sub(si.mul(oi)), vi = sr.fma(oi, si.mul(or));
        er.add(vr).intoArray(re, k);
        ei.add(vi).intoArray(im, k);
        er.sub(vr).intoArray(re, kh);
        vi.sub(ei).intoArray(im, kh);
    }

    // ---------------------------------------------------------------------------------------
    // Inverse: RealFft.firstPassUnsplit into the scratch zr, zi, then per half the first DIF
    // stage (h = m/8, RealFft's radix4DifTwoBlocks) and the rest depth first: dif(p, span) runs
    // the stage h = span/4 on its block and then its four sub-blocks; a block of at most `block`
    // positions runs its stages and the radix-8 scatter breadth first while it sits in L1.
    // ---------------------------------------------------------------------------------------

    /** RealFft.firstPassUnsplit, in its order. */
    private void firstPassUnsplit(double[] re, double[] im, double[] zr, double[] zi) {
        final int m = this.m, half = m / 2, quarter = m / 4;
        final double[] lw = lastTw;
        unsplitEnds(re, im, zr, zi, m, half);
        unsplitPairs(re, im, zr, zi, m, 1, quarter, lw);
        unsplitQuarter(re, im, zr, zi, quarter * L, (m - quarter) * L, lw, 4 * quarter);
    }

    private static void unsplitEnds(double[] re, double[] im, double[] zr, double[] zi, int m, int half) {
        final DoubleVector oneHalfV = DoubleVector.broadcast(SPECIES, 0.5);
        final DoubleVector negHalfV = DoubleVector.broadcast(SPECIES, -0.5);
        DoubleVector x0 = DoubleVector.fromArray(SPECIES, re, 0), xm = DoubleVector.fromArray(SPECIES, re, m * L);
        DoubleVector p0r = x0.add(xm).mul(oneHalfV), p0i = x0.sub(xm).mul(negHalfV);
        DoubleVector phr = DoubleVector.fromArray(SPECIES, re, half * L);
        DoubleVector phi = DoubleVector.fromArray(SPECIES, im, half * L);
        p0r.add(phr).intoArray(zr, 0);
        p0i.add(phi).intoArray(zi, 0);
        p0r.sub(phr).intoArray(zr, half * L);
        p0i.sub(phi).intoArray(zi, half * L);
    }

    /** RealFft.firstPassUnsplit's steps k0 <= k < k1 (0 < k < m/4): pairs (k, m-k) and (m/2-k, m/2+k). */
    private static void unsplitPairs(double[] re, double[] im, double[] zr, double[] zi, int m, int k0, int k1,
            double[] lw) {
        final int half = m / 2;
        for (int kk = k0; kk < k1; kk++) {
            final DoubleVector oneHalfV = DoubleVector.broadcast(SPECIES, 0.5);
            final DoubleVector minusOne = DoubleVector.broadcast(SPECIES, -1.0);
            final int k = kk * L, kp = (half - kk) * L, kh = (kk + half) * L, kph = (m - kk) * L, t = 4 * kk;
            final DoubleVector wr = DoubleVector.broadcast(SPECIES, lw[t]);
            final DoubleVector wi = DoubleVector.broadcast(SPECIES, lw[t + 1]);
            final DoubleVector sr = DoubleVector.broadcast(SPECIES, lw[t + 2]);
            final DoubleVector si = DoubleVector.broadcast(SPECIES, lw[t + 3]);
            DoubleVector ar = DoubleVector.fromArray(SPECIES, re, k), ai = DoubleVector.fromArray(SPECIES, im, k);
            DoubleVector cr = DoubleVector.fromArray(SPECIES, re, kph), ci = DoubleVector.fromArray(SPECIES, im, kph);
            DoubleVector br = DoubleVector.fromArray(SPECIES, re, kp), bi = DoubleVector.fromArray(SPECIES, im, kp);
            DoubleVector gr = DoubleVector.fromArray(SPECIES, re, kh), gi = DoubleVector.fromArray(SPECIES, im, kh);

            DoubleVector er = ar.add(cr).mul(oneHalfV), ei = ai.sub(ci).mul(oneHalfV), dr = ar.sub(cr), di = ai.add(ci);
            DoubleVector or = dr.fma(sr, di.mul(si)), oi = di.mul(sr).sub(dr.mul(si));
            DoubleVector pkr = er.sub(oi), pki = ei.add(or).mul(minusOne);
            DoubleVector pmr = er.add(oi), pmi = ei.sub(or);
            DoubleVector fr = br.add(gr).mul(oneHalfV), fi = bi.sub(gi).mul(oneHalfV), hr = br.sub(gr), hi = bi.add(gi);
            DoubleVector qr = hr.fma(si, hi.mul(sr)).mul(minusOne), qi = hr.mul(sr).sub(hi.mul(si));
            DoubleVector ppr = fr.sub(qi), ppi = fi.add(qr).mul(minusOne);
            DoubleVector phr2 = fr.add(qi), phi2 = fi.sub(qr);

            pkr.add(phr2).intoArray(zr, k);
            pki.add(phi2).intoArray(zi, k);
            DoubleVector tr = pkr.sub(phr2), ti = pki.sub(phi2);
            wr.mul(tr).sub(wi.mul(ti)).intoArray(zr, kh);
            wr.fma(ti, wi.mul(tr)).intoArray(zi, kh);
            ppr.add(pmr).intoArray(zr, kp);
            ppi.add(pmi).intoArray(zi, kp);
            DoubleVector ur = pmr.sub(ppr), ui = pmi.sub(ppi);
            wr.fma(ur, wi.mul(ui)).intoArray(zr, kph);
            wr.mul(ui).sub(wi.mul(ur)).intoArray(zi, kph);
        }
    }

    private static void unsplitQuarter(double[] re, double[] im, double[] zr, double[] zi, int k, int c,
            double[] lw, int t) {
        final DoubleVector oneHalfV = DoubleVector.broadcast(SPECIES, 0.5);
        final DoubleVector minusOne = DoubleVector.broadcast(SPECIES, -1.0);
        DoubleVector sr = DoubleVector.broadcast(SPECIES, lw[t + 2]), si = DoubleVector.broadcast(SPECIES, lw[t + 3]);
        DoubleVector ar = DoubleVector.fromArray(SPECIES, re, k), ai = DoubleVector.fromArray(SPECIES, im, k);
        DoubleVector cr = DoubleVector.fromArray(SPECIES, re, c), ci = DoubleVector.fromArray(SPECIES, im, c);
        DoubleVector er = ar.add(cr).mul(oneHalfV), ei = ai.sub(ci).mul(oneHalfV), dr = ar.sub(cr), di = ai.add(ci);
        DoubleVector or = dr.fma(sr, di.mul(si)), oi = di.mul(sr).sub(dr.mul(si));
        DoubleVector pkr = er.sub(oi), pki = ei.add(or).mul(minusOne), pcr = er.add(oi), pci = ei.sub(or);
        pkr.add(pcr).intoArray(zr, k);
        pki.add(pci).intoArray(zi, k);
        pki.sub(pci).intoArray(zr, c);
        pcr.sub(pkr).intoArray(zi, c);
    }

    private void dif(double[] zr, double[] zi, double[] x, int p, int span) {
        if (span <= block) {
            for (int h = span / 4; h >= firstRadix; h /= 4) {
                radix4DifFma(zr, zi, p, span, h, midTw, 2 * (h - firstRadix));
            }
            if (firstRadix == 8) {
                lastPassScatter8(zr, zi, x, blockRev, p >> 3, (p + span) >> 3, (m / 4) * L, 1.0 / m);
            } else {
                lastPassScatter4(zr, zi, x, blockRev, p >> 2, (p + span) >> 2, (m / 2) * L, 1.0 / m);
            }
            return;
        }
        int h = span >> 2;
        radix4DifFma(zr, zi, p, span, h, midTw, 2 * (h - firstRadix));
        dif(zr, zi, x, p, h);
        dif(zr, zi, x, p + h, h);
        dif(zr, zi, x, p + 2 * h, h);
        dif(zr, zi, x, p + 3 * h, h);
    }

    /** RealFft.radix4DifOuter's butterflies (fma products) for stage h on the blocks in p .. p+span-1. */
    private static void radix4DifFma(double[] re, double[] im, int p, int span, int h, double[] tw, int off) {
        final int hl = h * L, step = 4 * hl, end = (p + span) * L;
        for (int k = 0; k < h; k++) {
            final int t = off + 6 * k;
            final DoubleVector c1 = DoubleVector.broadcast(SPECIES, tw[t]);
            final DoubleVector s1 = DoubleVector.broadcast(SPECIES, tw[t + 1]);
            final DoubleVector c2 = DoubleVector.broadcast(SPECIES, tw[t + 2]);
            final DoubleVector s2 = DoubleVector.broadcast(SPECIES, tw[t + 3]);
            final DoubleVector c3 = DoubleVector.broadcast(SPECIES, tw[t + 4]);
            final DoubleVector s3 = DoubleVector.broadcast(SPECIES, tw[t + 5]);
            final DoubleVector ns1 = DoubleVector.broadcast(SPECIES, -tw[t + 1]);
            final DoubleVector ns2 = DoubleVector.broadcast(SPECIES, -tw[t + 3]);
            final DoubleVector ns3 = DoubleVector.broadcast(SPECIES, -tw[t + 5]);
            for (int i0 = (p + k) * L; i0 < end; i0 += step) {
                final int i1 = i0 + hl, i2 = i1 + hl, i3 = i2 + hl;
                DoubleVector a0r = DoubleVector.fromArray(SPECIES, re, i0);
                DoubleVector a0i = DoubleVector.fromArray(SPECIES, im, i0);
                DoubleVector a1r = DoubleVector.fromArray(SPECIES, re, i1);
                DoubleVector a1i = DoubleVector.fromArray(SPECIES, im, i1);
                DoubleVector a2r = DoubleVector.fromArray(SPECIES, re, i2);
                DoubleVector a2i = DoubleVector.fromArray(SPECIES, im, i2);
                DoubleVector a3r = DoubleVector.fromArray(SPECIES, re, i3);
                DoubleVector a3i = DoubleVector.fromArray(SPECIES, im, i3);
                DoubleVector pr = a0r.add(a2r), pi = a0i.add(a2i), qr = a0r.sub(a2r), qi = a0i.sub(a2i);
                DoubleVector rr = a1r.add(a3r), ri = a1i.add(a3i), sr = a1r.sub(a3r), si = a1i.sub(a3i);
                DoubleVector u1r = pr.sub(rr), u1i = pi.sub(ri);
                DoubleVector u2r = qr.add(si), u2i = qi.sub(sr), u3r = qr.sub(si), u3i = qi.add(sr);
                pr.add(rr).intoArray(re, i0);
                pi.add(ri).intoArray(im, i0);
                c1.fma(u1r, ns1.mul(u1i)).intoArray(re, i1);
                c1.fma(u1i, s1.mul(u1r)).intoArray(im, i1);
                c2.fma(u2r, ns2.mul(u2i)).intoArray(re, i2);
                c2.fma(u2i, s2.mul(u2r)).intoArray(im, i2);
                c3.fma(u3r, ns3.mul(u3i)).intoArray(re, i3);
                c3.fma(u3i, s3.mul(u3r)).intoArray(im, i3);
            }
        }
    }

    /** RealFft.radix4DifTwoBlocks's butterflies (plain products) on the one block at p (see radix4Plain). */
    private static void radix4DifPlain(double[] re, double[] im, int p, int h, double[] tw, int off) {
        final int hl = h * L;
        for (int k = 0; k < h; k++) {
            final int t = off + 6 * k;
            DoubleVector c1 = DoubleVector.broadcast(SPECIES, tw[t]), s1 = DoubleVector.broadcast(SPECIES, tw[t + 1]);
            DoubleVector c2 = DoubleVector.broadcast(SPECIES, tw[t + 2]);
            DoubleVector s2 = DoubleVector.broadcast(SPECIES, tw[t + 3]);
            DoubleVector c3 = DoubleVector.broadcast(SPECIES, tw[t + 4]);
            DoubleVector s3 = DoubleVector.broadcast(SPECIES, tw[t + 5]);
            final int i0 = (p + k) * L, i1 = i0 + hl, i2 = i1 + hl, i3 = i2 + hl;
            DoubleVector a0r = DoubleVector.fromArray(SPECIES, re, i0), a0i = DoubleVector.fromArray(SPECIES, im, i0);
            DoubleVector a1r = DoubleVector.fromArray(SPECIES, re, i1), a1i = DoubleVector.fromArray(SPECIES, im, i1);
            DoubleVector a2r = DoubleVector.fromArray(SPECIES, re, i2), a2i = DoubleVector.fromArray(SPECIES, im, i2);
            DoubleVector a3r = DoubleVector.fromArray(SPECIES, re, i3), a3i = DoubleVector.fromArray(SPECIES, im, i3);
            DoubleVector pr = a0r.add(a2r), pi = a0i.add(a2i), qr = a0r.sub(a2r), qi = a0i.sub(a2i);
            DoubleVector rr = a1r.add(a3r), ri = a1i.add(a3i), sr = a1r.sub(a3r), si = a1i.sub(a3i);
            DoubleVector u1r = pr.sub(rr), u1i = pi.sub(ri);
            DoubleVector u2r = qr.add(si), u2i = qi.sub(sr), u3r = qr.sub(si), u3i = qi.add(sr);
            pr.add(rr).intoArray(re, i0);
            pi.add(ri).intoArray(im, i0);
            c1.mul(u1r).sub(s1.mul(u1i)).intoArray(re, i1);
            c1.fma(u1i, s1.mul(u1r)).intoArray(im, i1);
            c2.mul(u2r).sub(s2.mul(u2i)).intoArray(re, i2);
            c2.fma(u2i, s2.mul(u2r)).intoArray(im, i2);
            c3.mul(u3r).sub(s3.mul(u3i)).intoArray(re, i3);
            c3.fma(u3i, s3.mul(u3r)).intoArray(im, i3);
        }
    }

    /** RealFft.lastPassScatter4 on blocks b0 .. b1-1; q2 is a lane offset, s = 1/m. */
    private static void lastPassScatter4(double[] re, double[] im, double[] x, int[] blockRev, int b0, int b1,
            int q2, double s) {
        final double ns = -s;
        for (int b = b0; b < b1; b++) {
            final DoubleVector sv = DoubleVector.broadcast(SPECIES, s);
            final DoubleVector nsv = DoubleVector.broadcast(SPECIES, ns);
            // DFT4 output t goes to z[r + t·q]
            final int p = 4 * b * L, d0 = 2 * blockRev[b] * L, d1 = d0 + q2, d2 = d1 + q2, d3 = d2 + q2;
            DoubleVector a0r = DoubleVector.fromArray(SPECIES, re, p), a0i = DoubleVector.fromArray(SPECIES, im, p);
            DoubleVector a1r = DoubleVector.fromArray(SPECIES, re, p + L);
            DoubleVector a1i = DoubleVector.fromArray(SPECIES, im, p + L);
            DoubleVector a2r = DoubleVector.fromArray(SPECIES, re, p + 2 * L);
            DoubleVector a2i = DoubleVector.fromArray(SPECIES, im, p + 2 * L);
            DoubleVector a3r = DoubleVector.fromArray(SPECIES, re, p + 3 * L);
            DoubleVector a3i = DoubleVector.fromArray(SPECIES, im, p + 3 * L);
            DoubleVector pr = a0r.add(a2r), pi = a0i.add(a2i), qr = a0r.sub(a2r), qi = a0i.sub(a2i);
            DoubleVector rr = a1r.add(a3r), ri = a1i.add(a3i), sr = a1r.sub(a3r), si = a1i.sub(a3i);
            pr.add(rr).mul(sv).intoArray(x, d0);
            pi.add(ri).mul(nsv).intoArray(x, d0 + L);
            pr.sub(rr).mul(sv).intoArray(x, d2);
            pi.sub(ri).mul(nsv).intoArray(x, d2 + L);
            qr.add(si).mul(sv).intoArray(x, d1); // q - i·s
            qi.sub(sr).mul(nsv).intoArray(x, d1 + L);
            qr.sub(si).mul(sv).intoArray(x, d3); // q + i·s
            qi.add(sr).mul(nsv).intoArray(x, d3 + L);
        }
    }

    /** RealFft.lastPassScatter8 on blocks b0 .. b1-1; q2 is a lane offset, s = 1/m. */
    private static void lastPassScatter8(double[] re, double[] im, double[] x, int[] blockRev, int b0, int b1,
            int q2, double s) {
        final double ns = -s;
        for (int b = b0; b < b1; b++) {
            final DoubleVector sqrtHalf = DoubleVector.broadcast(SPECIES, SQRT1_2);
            final DoubleVector negSqrtHalf = DoubleVector.broadcast(SPECIES, -SQRT1_2);
            final DoubleVector sv = DoubleVector.broadcast(SPECIES, s);
            final DoubleVector nsv = DoubleVector.broadcast(SPECIES, ns);
            final int p = 8 * b * L;
            final int d0 = 2 * blockRev[b] * L, d1 = d0 + q2, d2 = d1 + q2, d3 = d2 + q2;
            final int d4 = d3 + q2, d5 = d4 + q2, d6 = d5 + q2, d7 = d6 + q2;
            DoubleVector a0r = DoubleVector.fromArray(SPECIES, re, p), a0i = DoubleVector.fromArray(SPECIES, im, p);
            DoubleVector a1r = DoubleVector.fromArray(SPECIES, re, p + L);
            DoubleVector a1i = DoubleVector.fromArray(SPECIES, im, p + L);
            DoubleVector a2r = DoubleVector.fromArray(SPECIES, re, p + 2 * L);
            DoubleVector a2i = DoubleVector.fromArray(SPECIES, im, p + 2 * L);
            DoubleVector a3r = DoubleVector.fromArray(SPECIES, re, p + 3 * L);
            DoubleVector a3i = DoubleVector.fromArray(SPECIES, im, p + 3 * L);
            DoubleVector a4r = DoubleVector.fromArray(SPECIES, re, p + 4 * L);
            DoubleVector a4i = DoubleVector.fromArray(SPECIES, im, p + 4 * L);
            DoubleVector a5r = DoubleVector.fromArray(SPECIES, re, p + 5 * L);
            DoubleVector a5i = DoubleVector.fromArray(SPECIES, im, p + 5 * L);
            DoubleVector a6r = DoubleVector.fromArray(SPECIES, re, p + 6 * L);
            DoubleVector a6i = DoubleVector.fromArray(SPECIES, im, p + 6 * L);
            DoubleVector a7r = DoubleVector.fromArray(SPECIES, re, p + 7 * L);
            DoubleVector a7i = DoubleVector.fromArray(SPECIES, im, p + 7 * L);
            DoubleVector b0r = a0r.add(a4r), b0i = a0i.add(a4i), b4r = a0r.sub(a4r), b4i = a0i.sub(a4i);
            DoubleVector b1r = a1r.add(a5r), b1i = a1i.add(a5i), e5r = a1r.sub(a5r), e5i = a1i.sub(a5i);
            DoubleVector b2r = a2r.add(a6r), b2i = a2i.add(a6i), b6r = a2i.sub(a6i), b6i = a6r.sub(a2r);
            DoubleVector b3r = a3r.add(a7r), b3i = a3i.add(a7i), e7r = a3r.sub(a7r), e7i = a3i.sub(a7i);
            DoubleVector b5r = e5r.add(e5i).mul(sqrtHalf), b5i = e5i.sub(e5r).mul(sqrtHalf);
            DoubleVector b7r = e7i.sub(e7r).mul(sqrtHalf), b7i = e7r.add(e7i).mul(negSqrtHalf);
            DoubleVector c0r = b0r.add(b2r), c0i = b0i.add(b2i), c2r = b0r.sub(b2r), c2i = b0i.sub(b2i);
            DoubleVector c1r = b1r.add(b3r), c1i = b1i.add(b3i), c3r = b1i.sub(b3i), c3i = b3r.sub(b1r);
            DoubleVector c4r = b4r.add(b6r), c4i = b4i.add(b6i), c6r = b4r.sub(b6r), c6i = b4i.sub(b6i);
            DoubleVector c5r = b5r.add(b7r), c5i = b5i.add(b7i), c7r = b5i.sub(b7i), c7i = b7r.sub(b5r);
            c0r.add(c1r).mul(sv).intoArray(x, d0);
            c0i.add(c1i).mul(nsv).intoArray(x, d0 + L);
            c0r.sub(c1r).mul(sv).intoArray(x, d4);
            c0i.sub(c1i).mul(nsv).intoArray(x, d4 + L);
            c2r.add(c3r).mul(sv).intoArray(x, d2);
            c2i.add(c3i).mul(nsv).intoArray(x, d2 + L);
            c2r.sub(c3r).mul(sv).intoArray(x, d6);
            c2i.sub(c3i).mul(nsv).intoArray(x, d6 + L);
            c4r.add(c5r).mul(sv).intoArray(x, d1);
            c4i.add(c5i).mul(nsv).intoArray(x, d1 + L);
            c4r.sub(c5r).mul(sv).intoArray(x, d5);
            c4i.sub(c5i).mul(nsv).intoArray(x, d5 + L);
            c6r.add(c7r).mul(sv).intoArray(x, d3);
            c6i.add(c7i).mul(nsv).intoArray(x, d3 + L);
            c6r.sub(c7r).mul(sv).intoArray(x, d7);
            c6i.sub(c7i).mul(nsv).intoArray(x, d7 + L);
        }
    }
}
