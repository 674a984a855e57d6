package io.genrelake.dsp;

/**
 * Real-input FFT of a power-of-two size, numpy.fft conventions. Instances hold precomputed tables
 * and scratch; not thread-safe; allocate nothing per call.
 *
 * <p>A real transform of size n is one complex FFT of size m = n/2 on the packed sequence
 * z[j] = x[2j] + i x[2j+1], plus the standard split step that separates the spectra of the even
 * and odd samples. The forward complex FFT is an iterative, in-place decimation-in-time transform
 * on bit-reversed input, arranged so that each pass over the data does as much as it can:
 *
 * <ol>
 *   <li>first pass: gather z in bit-reversed order and apply the first 1, 2 or 3 radix-2 levels
 *       at once (a radix-2, -4 or -8 butterfly whose twiddles are all trivial);
 *   <li>middle passes: radix-4 butterflies (two merged radix-2 levels, so the plain radix-2
 *       bit-reversal order still applies);
 *   <li>last pass: the final radix-2 level fused with the split.
 * </ol>
 *
 * The inverse computes FFT(conj Z) with the transpose of that network, i.e. the same passes in
 * reverse order with transposed butterflies (decimation in frequency): undo the split fused with
 * the span-m radix-2 level, radix-4 DIF passes, then a plain radix-R DFT per block scattered
 * through the bit reversal straight into x (conjugated and scaled by 1/m).
 *
 * <p>All twiddles come from Math.cos/Math.sin (no recurrences), reduced by symmetry so that
 * mirrored entries agree bit for bit and quarter turns are exact. The code is scalar on separate
 * re/im arrays; loops are shaped for C2: twiddles stay in registers where a stage has many blocks,
 * counted loops (bounds checks hoisted) elsewhere. Results agree with numpy.fft to ~1e-16 relative.
 */
public final class RealFft implements FrameFft {

    private final int n;
    /** Complex FFT size, n/2. */
    private final int m;
    /** Radix of the first pass: 2 (m == 4), 4 (log2 m odd) or 8 (log2 m even, m >= 16); 0 for n == 4. */
    private final int firstRadix;
    /** blockRev[b]: bit reversal of first-pass block b over log2(m / firstRadix) bits. */
    private final int[] blockRev;
    /** Middle radix-4 stages, concatenated; per k: W^2k, W^k, W^3k as (cos, sin) with W = W_4h. */
    private final double[] midTw;
    /** Last pass, k = 0..m/4: W_m^k (last radix-2 level) and W_n^k / 2 (split), as (cos, sin). */
    private final double[] lastTw;
    /** Inverse scratch for the complex FFT. */
    private final double[] zr, zi;

    public RealFft(int n) {
        if (n < 4 || n > 65536 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two in [4, 65536]: " + n);
        }
        this.n = n;
        this.m = n / 2;
        int log2m = Integer.numberOfTrailingZeros(m);
        if (n == 4) {
            firstRadix = 0;
        } else if (log2m == 2) {
            firstRadix = 2;
        } else {
            firstRadix = log2m % 2 == 1 ? 4 : 8;
        }

        blockRev = blockReversal(firstRadix == 0 ? 0 : m / firstRadix);
        midTw = middleTwiddles(firstRadix, m);
        lastTw = lastTwiddles(n);
        zr = new double[m];
        zi = new double[m];
    }

    /** blockRev[b]: the bit reversal of b over log2(blocks) bits. */
    static int[] blockReversal(int blocks) {
        int blockBits = Integer.numberOfTrailingZeros(Math.max(blocks, 1));
        int[] rev = new int[blocks];
        for (int b = 1; b < blocks; b++) {
            rev[b] = Integer.reverse(b) >>> (32 - blockBits);
        }
        return rev;
    }

    /** The middle radix-4 stages' twiddles after a first pass of the given radix, for a complex FFT of size m. */
    static double[] middleTwiddles(int firstRadix, int m) {
        int total = 0;
        for (int h = firstRadix; h > 0 && 8 * h <= m; h *= 4) {
            total += 6 * h;
        }
        double[] tw = new double[total];
        int off = 0;
        for (int h = firstRadix; h > 0 && 8 * h <= m; h *= 4) {
            for (int k = 0; k < h; k++) {
                int t = off + 6 * k;
                twiddle(2 * k, 4 * h, 1.0, tw, t);
                twiddle(k, 4 * h, 1.0, tw, t + 2);
                twiddle(3 * k, 4 * h, 1.0, tw, t + 4);
            }
            off += 6 * h;
        }
        return tw;
    }

    /** The last pass's twiddles for a real FFT of size n: per k = 0..n/8, W_m^k and W_n^k / 2. */
    static double[] lastTwiddles(int n) {
        int m = n / 2;
        double[] tw = new double[m + 4];
        for (int k = 0; k <= m / 4; k++) {
            twiddle(k, m, 1.0, tw, 4 * k);
            twiddle(k, n, 0.5, tw, 4 * k + 2);
        }
        return tw;
    }

    /** Stores scale·exp(-2πi k/big) as (cos, sin) at out[pos], out[pos+1]. */
    private static void twiddle(int k, int big, double scale, double[] out, int pos) {
        // Reduce to an angle in [0, π/4] so that symmetric entries come out bit-for-bit symmetric.
        long a = Math.floorMod((long) k, (long) big) * 8;   // angle in units of 2π/(8 big)
        int octant = (int) (a / big);
        long r = a - (long) octant * big;                   // 0 <= r < big
        boolean mirror = (octant & 1) == 1;
        double phi = (Math.PI / 4) * (mirror ? big - r : r) / big;
        double c = Math.cos(phi), s = Math.sin(phi);
        if (mirror) {                                        // angle = (octant+1)π/4 - phi
            double tmp = c;
            c = s;
            s = tmp;
        }
        // Now (c, s) = (cos, sin) of angle - (octant/2)·π/2; rotate by the quadrant.
        double cr, sr;
        switch (octant >> 1) {
            case 0: cr = c; sr = s; break;
            case 1: cr = -s; sr = c; break;
            case 2: cr = -c; sr = -s; break;
            default: cr = s; sr = -c; break;
        }
        out[pos] = scale * cr;
        out[pos + 1] = -scale * sr;                          // exp(-iθ)
    }

    public int size() {
        return n;
    }

    /** One frame per call, in plain layout. */
    @Override
    public int lanes() {
        return 1;
    }

    /**
     * numpy.fft.rfft: X[k] = sum_j x[j] exp(-2πi jk/n), k = 0..n/2. x has length n (not
     * modified); re, im have length >= n/2+1.
     */
    @Override
    public void forward(double[] x, double[] re, double[] im) {
        if (x.length < n || re.length < m + 1 || im.length < m + 1) {
            throw new IllegalArgumentException(
                    "forward: need x.length >= " + n + " and re/im.length >= " + (m + 1));
        }
        if (n == 4) {
            // z0 = x0 + x2 + i(x1 + x3), z1 = x0 - x2 + i(x1 - x3); X[1] = conj(z1).
            double e = x[0] + x[2], o = x[1] + x[3];
            re[0] = e + o;
            im[0] = 0.0;
            re[1] = x[0] - x[2];
            im[1] = x[3] - x[1];
            re[2] = e - o;
            im[2] = 0.0;
            return;
        }
        firstPass(x, re, im);
        middlePasses(re, im);
        lastPassSplit(re, im);
    }

    /**
     * numpy.fft.irfft(X, n): x[j] = (1/n) sum over the full Hermitian spectrum; imag parts of X[0]
     * and X[n/2] are ignored (as numpy does). re, im not modified.
     */
    @Override
    public void inverse(double[] re, double[] im, double[] x) {
        if (x.length < n || re.length < m + 1 || im.length < m + 1) {
            throw new IllegalArgumentException(
                    "inverse: need x.length >= " + n + " and re/im.length >= " + (m + 1));
        }
        if (n == 4) {
            // x_j = (X0 + (-1)^j X2 + 2 Re(X1 i^j)) / 4
            double p = re[0] + re[2], q = re[0] - re[2];
            double c = 2 * re[1], s = 2 * im[1];
            x[0] = 0.25 * (p + c);
            x[1] = 0.25 * (q - s);
            x[2] = 0.25 * (p - c);
            x[3] = 0.25 * (q + s);
            return;
        }
        firstPassUnsplit(re, im, zr, zi);
        middlePassesDif(zr, zi);
        lastPassScatter(zr, zi, x);
    }

    // ---------------------------------------------------------------------------------------
    // First pass: bit-reversal gather fused with the first (twiddle-free) butterfly levels.
    // Position R·b + j of the bit-reversed array holds z[rev(b) + rev_R(j)·(m/R)], so one table
    // lookup per block suffices. src holds z interleaved: src[2j] = Re z_j, src[2j+1] = Im z_j.
    // ---------------------------------------------------------------------------------------

    private void firstPass(double[] src, double[] re, double[] im) {
        switch (firstRadix) {
            case 8: firstPass8(src, re, im); break;
            case 4: firstPass4(src, re, im); break;
            default: firstPass2(src, re, im); break;
        }
    }

    private void firstPass2(double[] src, double[] re, double[] im) {
        final int[] blockRev = this.blockRev;
        final int q2 = m;                                   // 2·(m/2): offset of z[j + m/2] in src
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 2) {
            int s0 = 2 * blockRev[b], s1 = s0 + q2;
            double x0r = src[s0], x0i = src[s0 + 1], x1r = src[s1], x1i = src[s1 + 1];
            re[p] = x0r + x1r;
            im[p] = x0i + x1i;
            re[p + 1] = x0r - x1r;
            im[p + 1] = x0i - x1i;
        }
    }

    private void firstPass4(double[] src, double[] re, double[] im) {
        final int[] blockRev = this.blockRev;
        final int q2 = m / 2;                               // 2·(m/4)
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 4) {
            // inputs in bit-reversed order: z[r], z[r + 2q], z[r + q], z[r + 3q]
            int s0 = 2 * blockRev[b], s2 = s0 + q2, s1 = s2 + q2, s3 = s1 + q2;
            double x0r = src[s0], x0i = src[s0 + 1], x1r = src[s1], x1i = src[s1 + 1];
            double x2r = src[s2], x2i = src[s2 + 1], x3r = src[s3], x3i = src[s3 + 1];
            double ar = x0r + x1r, ai = x0i + x1i, br = x0r - x1r, bi = x0i - x1i;
            double cr = x2r + x3r, ci = x2i + x3i, dr = x2r - x3r, di = x2i - x3i;
            re[p] = ar + cr;
            im[p] = ai + ci;
            re[p + 2] = ar - cr;
            im[p + 2] = ai - ci;
            re[p + 1] = br + di;                            // b - i·d
            im[p + 1] = bi - dr;
            re[p + 3] = br - di;                            // b + i·d
            im[p + 3] = bi + dr;
        }
    }

    private static final double SQRT1_2 = Math.sqrt(0.5);

    private void firstPass8(double[] src, double[] re, double[] im) {
        final int[] blockRev = this.blockRev;
        final int q2 = m / 4;                               // 2·(m/8)
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 8) {
            // position j takes z[r + rev3(j)·q], rev3 = 0, 4, 2, 6, 1, 5, 3, 7
            int s0 = 2 * blockRev[b], s4 = s0 + q2, s2 = s4 + q2, s6 = s2 + q2;
            int s1 = s6 + q2, s5 = s1 + q2, s3 = s5 + q2, s7 = s3 + q2;
            // level 1 (span 2): pairs (0,1), (2,3), (4,5), (6,7)
            double a0r = src[s0] + src[s1], a0i = src[s0 + 1] + src[s1 + 1];
            double a1r = src[s0] - src[s1], a1i = src[s0 + 1] - src[s1 + 1];
            double a2r = src[s2] + src[s3], a2i = src[s2 + 1] + src[s3 + 1];
            double a3r = src[s2] - src[s3], a3i = src[s2 + 1] - src[s3 + 1];
            double a4r = src[s4] + src[s5], a4i = src[s4 + 1] + src[s5 + 1];
            double a5r = src[s4] - src[s5], a5i = src[s4 + 1] - src[s5 + 1];
            double a6r = src[s6] + src[s7], a6i = src[s6 + 1] + src[s7 + 1];
            double a7r = src[s6] - src[s7], a7i = src[s6 + 1] - src[s7 + 1];
            // level 2 (span 4): twiddles 1, -i
            double b0r = a0r + a2r, b0i = a0i + a2i, b2r = a0r - a2r, b2i = a0i - a2i;
            double b1r = a1r + a3i, b1i = a1i - a3r, b3r = a1r - a3i, b3i = a1i + a3r;
            double b4r = a4r + a6r, b4i = a4i + a6i, b6r = a4r - a6r, b6i = a4i - a6i;
            double b5r = a5r + a7i, b5i = a5i - a7r, b7r = a5r - a7i, b7i = a5i + a7r;
            // level 3 (span 8): twiddles 1, W8 = (1-i)/√2, -i, W8^3 = -(1+i)/√2
            double t5r = SQRT1_2 * (b5r + b5i), t5i = SQRT1_2 * (b5i - b5r);
            double t7r = SQRT1_2 * (b7i - b7r), t7i = -SQRT1_2 * (b7r + b7i);
            re[p] = b0r + b4r;
            im[p] = b0i + b4i;
            re[p + 4] = b0r - b4r;
            im[p + 4] = b0i - b4i;
            re[p + 1] = b1r + t5r;
            im[p + 1] = b1i + t5i;
            re[p + 5] = b1r - t5r;
            im[p + 5] = b1i - t5i;
            re[p + 2] = b2r + b6i;
            im[p + 2] = b2i - b6r;
            re[p + 6] = b2r - b6i;
            im[p + 6] = b2i + b6r;
            re[p + 3] = b3r + t7r;
            im[p + 3] = b3i + t7i;
            re[p + 7] = b3r - t7r;
            im[p + 7] = b3i - t7i;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Middle passes: radix-4 DIT over spans of 4h. With bit-reversed input, the butterfly inputs
    // at offsets 0, h, 2h, 3h take twiddles 1, W^2k, W^k, W^3k (W = W_4h) and give
    //   y0 = a + c, y2 = a - c, y1 = b - i·d, y3 = b + i·d
    // with a = x0 + t1, b = x0 - t1, c = t2 + t3, d = t2 - t3, tj = twiddled xj.
    // ---------------------------------------------------------------------------------------

    private void middlePasses(double[] re, double[] im) {
        int off = 0;
        for (int h = firstRadix; 8 * h <= m; h *= 4) {
            if (8 * h < m) {
                radix4TwiddleOuter(re, im, m, h, midTw, off);
            } else {
                radix4TwoBlocks(re, im, m, h, midTw, off);
            }
            off += 6 * h;
        }
    }

    /**
     * The last middle stage (h = m/8) has exactly two blocks, m/2 apart: both butterflies of a k
     * share one twiddle row, and the k loop is a plain counted loop (bounds checks hoisted). All
     * loads come before the stores: the blocks are 2n bytes apart (4 KiB at n = 2048), and loads
     * issued after the other block's stores would falsely wait on them (4K aliasing).
     */
    private static void radix4TwoBlocks(double[] re, double[] im, int m, int h, double[] tw, int off) {
        final int half = m / 2;
        for (int k = 0; k < h; k++) {
            final int i0 = k, i1 = k + h, i2 = i1 + h, i3 = i2 + h;
            final int j0 = i0 + half, j1 = i1 + half, j2 = i2 + half, j3 = i3 + half;
            final int t = off + 6 * k;
            final double c1 = tw[t], s1 = tw[t + 1], c2 = tw[t + 2], s2 = tw[t + 3], c3 = tw[t + 4], s3 = tw[t + 5];
            double x0r = re[i0], x0i = im[i0], x1r = re[i1], x1i = im[i1];
            double x2r = re[i2], x2i = im[i2], x3r = re[i3], x3i = im[i3];
            double y0r = re[j0], y0i = im[j0], y1r = re[j1], y1i = im[j1];
            double y2r = re[j2], y2i = im[j2], y3r = re[j3], y3i = im[j3];

            double t1r = c1 * x1r - s1 * x1i, t1i = Math.fma(c1, x1i, s1 * x1r);
            double t2r = c2 * x2r - s2 * x2i, t2i = Math.fma(c2, x2i, s2 * x2r);
            double t3r = c3 * x3r - s3 * x3i, t3i = Math.fma(c3, x3i, s3 * x3r);
            double ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
            double cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
            re[i0] = ar + cr;
            im[i0] = ai + ci;
            re[i2] = ar - cr;
            im[i2] = ai - ci;
            re[i1] = br + di;
            im[i1] = bi - dr;
            re[i3] = br - di;
            im[i3] = bi + dr;

            double u1r = c1 * y1r - s1 * y1i, u1i = Math.fma(c1, y1i, s1 * y1r);
            double u2r = c2 * y2r - s2 * y2i, u2i = Math.fma(c2, y2i, s2 * y2r);
            double u3r = c3 * y3r - s3 * y3i, u3i = Math.fma(c3, y3i, s3 * y3r);
            double er = y0r + u1r, ei = y0i + u1i, fr = y0r - u1r, fi = y0i - u1i;
            double gr = u2r + u3r, gi = u2i + u3i, hr = u2r - u3r, hi = u2i - u3i;
            re[j0] = er + gr;
            im[j0] = ei + gi;
            re[j2] = er - gr;
            im[j2] = ei - gi;
            re[j1] = fr + hi;
            im[j1] = fi - hr;
            re[j3] = fr - hi;
            im[j3] = fi + hr;
        }
    }

    /** Many blocks per twiddle: loop over k outside so the twiddles stay in registers. */
    private static void radix4TwiddleOuter(double[] re, double[] im, int m, int h, double[] tw, int off) {
        final int span = 4 * h;
        for (int k = 0; k < h; k++) {
            int t = off + 6 * k;
            final double c1 = tw[t], s1 = tw[t + 1], c2 = tw[t + 2], s2 = tw[t + 3], c3 = tw[t + 4], s3 = tw[t + 5];
            final double ns1 = -s1, ns2 = -s2, ns3 = -s3;
            for (int i0 = k; i0 < m; i0 += span) {
                int i1 = i0 + h, i2 = i1 + h, i3 = i2 + h;
                double x0r = re[i0], x0i = im[i0];
                double x1r = re[i1], x1i = im[i1];
                double x2r = re[i2], x2i = im[i2];
                double x3r = re[i3], x3i = im[i3];
                double t1r = Math.fma(c1, x1r, ns1 * x1i), t1i = Math.fma(c1, x1i, s1 * x1r);
                double t2r = Math.fma(c2, x2r, ns2 * x2i), t2i = Math.fma(c2, x2i, s2 * x2r);
                double t3r = Math.fma(c3, x3r, ns3 * x3i), t3i = Math.fma(c3, x3i, s3 * x3r);
                double ar = x0r + t1r, ai = x0i + t1i, br = x0r - t1r, bi = x0i - t1i;
                double cr = t2r + t3r, ci = t2i + t3i, dr = t2r - t3r, di = t2i - t3i;
                re[i0] = ar + cr;
                im[i0] = ai + ci;
                re[i2] = ar - cr;
                im[i2] = ai - ci;
                re[i1] = br + di;
                im[i1] = bi - dr;
                re[i3] = br - di;
                im[i3] = bi + dr;
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Last pass, forward: radix-2 level Z[k] = A[k] + W_m^k B[k], Z[k+m/2] = A[k] - W_m^k B[k]
    // (A at positions k < m/2, B at k + m/2), fused with the split. With Z = FFT_m(z):
    //   E[k] = (Z[k] + conj Z[m-k]) / 2,  O[k] = (Z[k] - conj Z[m-k]) / (2i),
    //   X[k] = E[k] + W_n^k O[k],  X[m-k] = conj(E[k] - W_n^k O[k])
    // (the partner follows from E[m-k] = conj E[k], O[m-k] = conj O[k], W_n^(m-k) = -conj W_n^k).
    // Butterflies k and m/2-k produce exactly the four Z values that the split pairs
    // (k, m-k) and (m/2-k, m/2+k) need, so both are done together, in place.
    // ---------------------------------------------------------------------------------------

    private void lastPassSplit(double[] re, double[] im) {
        final int m = this.m, half = m / 2, quarter = m / 4;
        final double[] lw = lastTw;

        // k = 0: Z[0] = A0 + B0, Z[m/2] = A0 - B0; X[0], X[m] from Z[0]; X[m/2] = conj Z[m/2].
        double a0r = re[0], a0i = im[0], b0r = re[half], b0i = im[half];
        double z0r = a0r + b0r, z0i = a0i + b0i;
        re[0] = z0r + z0i;
        im[0] = 0.0;
        re[m] = z0r - z0i;
        im[m] = 0.0;
        re[half] = a0r - b0r;
        im[half] = b0i - a0i;

        // The partner's twiddles follow from k's: W_m^(m/2-k) = -conj W_m^k and
        // W_n^(m/2-k) = -i conj W_n^k, so one table row (W_m^k, W_n^k / 2) serves both.
        for (int k = 1; k < quarter; k++) {
            final int kp = half - k, kh = k + half, kph = m - k;
            final double wr = lw[4 * k], wi = lw[4 * k + 1], sr = lw[4 * k + 2], si = lw[4 * k + 3];
            final double nwi = -wi, nsi = -si;
            // radix-2 butterflies: Z[k], Z[k+m/2] = A[k] ± W B[k]; Z[kp], Z[m-k] = A[kp] ∓ conj(W) B[kp]
            double ar = re[k], ai = im[k], br = re[kh], bi = im[kh];
            double tr = Math.fma(wr, br, nwi * bi), ti = Math.fma(wr, bi, wi * br);
            double zkr = ar + tr, zki = ai + ti, zkhr = ar - tr, zkhi = ai - ti;
            double cr = re[kp], ci = im[kp], dr = re[kph], di = im[kph];
            double ur = Math.fma(wr, dr, wi * di), ui = Math.fma(wr, di, nwi * dr);
            double zpr = cr - ur, zpi = ci - ui, zmr = cr + ur, zmi = ci + ui;

            // split pair (k, m-k): E = (Z[k] + conj Z[m-k]) / 2, O' = -i (Z[k] - conj Z[m-k]), T = O'·W_n^k/2
            double sEr = zkr + zmr, dEi = zki - zmi;
            double er = 0.5 * sEr, ei = 0.5 * dEi;
            double or = zki + zmi, oi = zmr - zkr;
            double vr = Math.fma(sr, or, nsi * oi), vi = Math.fma(sr, oi, si * or);
            re[k] = Math.fma(0.5, sEr, vr);
            im[k] = Math.fma(0.5, dEi, vi);
            re[kph] = er - vr;
            im[kph] = vi - ei;

            // split pair (m/2-k, m/2+k), twiddle W_n^(m/2-k) / 2 = (-si, -sr)
            double sFr = zpr + zkhr, dFi = zpi - zkhi;
            double fr = 0.5 * sFr, fi = 0.5 * dFi;
            double pr = zpi + zkhi, pi = zkhr - zpr;
            double qr = Math.fma(sr, pi, nsi * pr), qi = -Math.fma(si, pi, sr * pr);
            re[kp] = Math.fma(0.5, sFr, qr);
            im[kp] = Math.fma(0.5, dFi, qi);
            re[kh] = fr - qr;
            im[kh] = qi - fi;
        }

        // k = m/4 pairs with itself: W_m^(m/4) = -i, and the split pair is (m/4, 3m/4).
        int k = quarter, kh = k + half;
        double ar = re[k], ai = im[k], br = re[kh], bi = im[kh];
        double zkr = ar + bi, zki = ai - br, zhr = ar - bi, zhi = ai + br;              // Z[m/4], Z[3m/4]
        double sr = lw[4 * k + 2], si = lw[4 * k + 3];
        double er = 0.5 * (zkr + zhr), ei = 0.5 * (zki - zhi);
        double or = zki + zhi, oi = zhr - zkr;
        double vr = sr * or - si * oi, vi = Math.fma(sr, oi, si * or);
        re[k] = er + vr;
        im[k] = ei + vi;
        re[kh] = er - vr;
        im[kh] = vi - ei;
    }

    // ---------------------------------------------------------------------------------------
    // Inverse. The complex part computes FFT(conj Z) with the transpose of the forward network
    // (the DFT matrix is symmetric, so reversing the passes and transposing every butterfly gives
    // a decimation-in-frequency FFT: natural-order input, bit-reversed output); conjugating and
    // scaling by 1/m then gives z = IFFT(Z). Every pass mirrors a forward pass:
    //   first: undo the split, fused with the span-m radix-2 level (transposed: y0 = a + b,
    //          y1 = (a - b) W);
    //   middle: radix-4 DIF (transposed butterflies: F^T first, then the twiddles);
    //   last: the trivial radix-R level (a plain R-point DFT per block) scattered through the
    //         bit reversal straight into x.
    // Undoing the split: Z[k] = E[k] + i·O[k] with
    //   E[k] = (X[k] + conj X[m-k]) / 2,  O[k] = (X[k] - conj X[m-k]) · conj(W_n^k) / 2,
    // and Z[m-k] = conj E[k] + i·conj O[k].
    // ---------------------------------------------------------------------------------------

    private void firstPassUnsplit(double[] re, double[] im, double[] zr, double[] zi) {
        final int m = this.m, half = m / 2, quarter = m / 4;
        final double[] lw = lastTw;

        // k = 0: conj Z[0] from X[0], X[m] (imag parts ignored, as numpy does); conj Z[m/2] = X[m/2].
        double x0 = re[0], xm = re[m];
        double p0r = 0.5 * (x0 + xm), p0i = -0.5 * (x0 - xm), phr = re[half], phi = im[half];
        zr[0] = p0r + phr;
        zi[0] = p0i + phi;
        zr[half] = p0r - phr;
        zi[half] = p0i - phi;

        for (int k = 1; k < quarter; k++) {
            final int kp = half - k, kh = k + half, kph = m - k;
            final double wr = lw[4 * k], wi = lw[4 * k + 1], sr = lw[4 * k + 2], si = lw[4 * k + 3];
            double ar = re[k], ai = im[k], cr = re[kph], ci = im[kph];
            double br = re[kp], bi = im[kp], gr = re[kh], gi = im[kh];

            // conj Z[k], conj Z[m-k] from the pair (k, m-k), twiddle W_n^k / 2
            double er = 0.5 * (ar + cr), ei = 0.5 * (ai - ci), dr = ar - cr, di = ai + ci;
            double or = Math.fma(dr, sr, di * si), oi = di * sr - dr * si;              // d · conj(W) / 2
            double pkr = er - oi, pki = -(ei + or);                                     // conj(E + iO)
            double pmr = er + oi, pmi = ei - or;                                        // conj(conj E + i conj O)
            // conj Z[m/2-k], conj Z[m/2+k] from the pair (m/2-k, m/2+k), twiddle (-si, -sr)
            double fr = 0.5 * (br + gr), fi = 0.5 * (bi - gi), hr = br - gr, hi = bi + gi;
            double qr = -Math.fma(hr, si, hi * sr), qi = hr * sr - hi * si;
            double ppr = fr - qi, ppi = -(fi + qr);
            double phr2 = fr + qi, phi2 = fi - qr;

            // transposed radix-2: y[k] = P[k] + P[k+m/2], y[k+m/2] = (P[k] - P[k+m/2]) W_m^k;
            // at m/2-k the twiddle is W_m^(m/2-k) = -conj W_m^k.
            zr[k] = pkr + phr2;
            zi[k] = pki + phi2;
            double tr = pkr - phr2, ti = pki - phi2;
            zr[kh] = wr * tr - wi * ti;
            zi[kh] = Math.fma(wr, ti, wi * tr);
            zr[kp] = ppr + pmr;
            zi[kp] = ppi + pmi;
            double ur = pmr - ppr, ui = pmi - ppi;
            zr[kph] = Math.fma(wr, ur, wi * ui);
            zi[kph] = wr * ui - wi * ur;
        }

        // k = m/4 pairs with 3m/4; the radix-2 twiddle is W_m^(m/4) = -i.
        int k = quarter, c = m - quarter;
        double sr = lw[4 * k + 2], si = lw[4 * k + 3];
        double ar = re[k], ai = im[k], cr = re[c], ci = im[c];
        double er = 0.5 * (ar + cr), ei = 0.5 * (ai - ci), dr = ar - cr, di = ai + ci;
        double or = Math.fma(dr, sr, di * si), oi = di * sr - dr * si;
        double pkr = er - oi, pki = -(ei + or), pcr = er + oi, pci = ei - or;
        zr[k] = pkr + pcr;
        zi[k] = pki + pci;
        zr[c] = pki - pci;                                                               // -i (P[k] - P[3m/4])
        zi[c] = pcr - pkr;
    }

    private void middlePassesDif(double[] re, double[] im) {
        int off = midTw.length;
        for (int h = lastMiddleH(); h >= firstRadix; h /= 4) {
            off -= 6 * h;
            if (8 * h < m) {
                radix4DifOuter(re, im, m, h, midTw, off);
            } else {
                radix4DifTwoBlocks(re, im, m, h, midTw, off);
            }
        }
    }

    /** Span/4 of the last middle stage (m/8), or 0 when there are no middle stages. */
    private int lastMiddleH() {
        return 8 * firstRadix <= m ? m / 8 : 0;
    }

    /**
     * Transposed radix-4 butterfly: with p = a0 + a2, q = a0 - a2, r = a1 + a3, s = a1 - a3,
     * offsets 0, h, 2h, 3h get p + r, W^2k (p - r), W^k (q - i·s), W^3k (q + i·s).
     */
    private static void radix4DifOuter(double[] re, double[] im, int m, int h, double[] tw, int off) {
        final int span = 4 * h;
        for (int k = 0; k < h; k++) {
            int t = off + 6 * k;
            final double c1 = tw[t], s1 = tw[t + 1], c2 = tw[t + 2], s2 = tw[t + 3], c3 = tw[t + 4], s3 = tw[t + 5];
            final double ns1 = -s1, ns2 = -s2, ns3 = -s3;
            for (int i0 = k; i0 < m; i0 += span) {
                int i1 = i0 + h, i2 = i1 + h, i3 = i2 + h;
                double a0r = re[i0], a0i = im[i0], a1r = re[i1], a1i = im[i1];
                double a2r = re[i2], a2i = im[i2], a3r = re[i3], a3i = im[i3];
                double pr = a0r + a2r, pi = a0i + a2i, qr = a0r - a2r, qi = a0i - a2i;
                double rr = a1r + a3r, ri = a1i + a3i, sr = a1r - a3r, si = a1i - a3i;
                double u1r = pr - rr, u1i = pi - ri;
                double u2r = qr + si, u2i = qi - sr, u3r = qr - si, u3i = qi + sr;
                re[i0] = pr + rr;
                im[i0] = pi + ri;
                re[i1] = Math.fma(c1, u1r, ns1 * u1i);
                im[i1] = Math.fma(c1, u1i, s1 * u1r);
                re[i2] = Math.fma(c2, u2r, ns2 * u2i);
                im[i2] = Math.fma(c2, u2i, s2 * u2r);
                re[i3] = Math.fma(c3, u3r, ns3 * u3i);
                im[i3] = Math.fma(c3, u3i, s3 * u3r);
            }
        }
    }

    /** Transposed counterpart of {@link #radix4TwoBlocks}. */
    private static void radix4DifTwoBlocks(double[] re, double[] im, int m, int h, double[] tw, int off) {
        final int half = m / 2;
        for (int k = 0; k < h; k++) {
            final int i0 = k, i1 = k + h, i2 = i1 + h, i3 = i2 + h;
            final int j0 = i0 + half, j1 = i1 + half, j2 = i2 + half, j3 = i3 + half;
            final int t = off + 6 * k;
            final double c1 = tw[t], s1 = tw[t + 1], c2 = tw[t + 2], s2 = tw[t + 3], c3 = tw[t + 4], s3 = tw[t + 5];
            double a0r = re[i0], a0i = im[i0], a1r = re[i1], a1i = im[i1];
            double a2r = re[i2], a2i = im[i2], a3r = re[i3], a3i = im[i3];
            double b0r = re[j0], b0i = im[j0], b1r = re[j1], b1i = im[j1];
            double b2r = re[j2], b2i = im[j2], b3r = re[j3], b3i = im[j3];

            double pr = a0r + a2r, pi = a0i + a2i, qr = a0r - a2r, qi = a0i - a2i;
            double rr = a1r + a3r, ri = a1i + a3i, sr = a1r - a3r, si = a1i - a3i;
            double u1r = pr - rr, u1i = pi - ri;
            double u2r = qr + si, u2i = qi - sr, u3r = qr - si, u3i = qi + sr;
            re[i0] = pr + rr;
            im[i0] = pi + ri;
            re[i1] = c1 * u1r - s1 * u1i;
            im[i1] = Math.fma(c1, u1i, s1 * u1r);
            re[i2] = c2 * u2r - s2 * u2i;
            im[i2] = Math.fma(c2, u2i, s2 * u2r);
            re[i3] = c3 * u3r - s3 * u3i;
            im[i3] = Math.fma(c3, u3i, s3 * u3r);

            double er = b0r + b2r, ei = b0i + b2i, fr = b0r - b2r, fi = b0i - b2i;
            double gr = b1r + b3r, gi = b1i + b3i, hr = b1r - b3r, hi = b1i - b3i;
            double v1r = er - gr, v1i = ei - gi;
            double v2r = fr + hi, v2i = fi - hr, v3r = fr - hi, v3i = fi + hr;
            re[j0] = er + gr;
            im[j0] = ei + gi;
            re[j1] = c1 * v1r - s1 * v1i;
            im[j1] = Math.fma(c1, v1i, s1 * v1r);
            re[j2] = c2 * v2r - s2 * v2i;
            im[j2] = Math.fma(c2, v2i, s2 * v2r);
            re[j3] = c3 * v3r - s3 * v3i;
            im[j3] = Math.fma(c3, v3i, s3 * v3r);
        }
    }

    /**
     * Last inverse pass: block b (positions R·b .. R·b+R-1) gets a plain R-point DFT whose output t
     * belongs to z[rev(b) + t·m/R] (the transpose of the forward gather); written as
     * x[2j] + i x[2j+1] = conj(z_j) / m.
     */
    private void lastPassScatter(double[] re, double[] im, double[] x) {
        switch (firstRadix) {
            case 8: lastPassScatter8(re, im, x); break;
            case 4: lastPassScatter4(re, im, x); break;
            default: lastPassScatter2(re, im, x); break;
        }
    }

    private void lastPassScatter2(double[] re, double[] im, double[] x) {
        final int[] blockRev = this.blockRev;
        final int q2 = m;
        final double s = 1.0 / m, ns = -s;
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 2) {
            int d0 = 2 * blockRev[b], d1 = d0 + q2;
            double a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
            x[d0] = s * (a0r + a1r);
            x[d0 + 1] = ns * (a0i + a1i);
            x[d1] = s * (a0r - a1r);
            x[d1 + 1] = ns * (a0i - a1i);
        }
    }

    private void lastPassScatter4(double[] re, double[] im, double[] x) {
        final int[] blockRev = this.blockRev;
        final int q2 = m / 2;
        final double s = 1.0 / m, ns = -s;
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 4) {
            // DFT4 output t goes to z[r + t·q]
            int d0 = 2 * blockRev[b], d1 = d0 + q2, d2 = d1 + q2, d3 = d2 + q2;
            double a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
            double a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
            double pr = a0r + a2r, pi = a0i + a2i, qr = a0r - a2r, qi = a0i - a2i;
            double rr = a1r + a3r, ri = a1i + a3i, sr = a1r - a3r, si = a1i - a3i;
            x[d0] = s * (pr + rr);
            x[d0 + 1] = ns * (pi + ri);
            x[d2] = s * (pr - rr);
            x[d2 + 1] = ns * (pi - ri);
            x[d1] = s * (qr + si);                                                       // q - i·s
            x[d1 + 1] = ns * (qi - sr);
            x[d3] = s * (qr - si);                                                       // q + i·s
            x[d3 + 1] = ns * (qi + sr);
        }
    }

    private void lastPassScatter8(double[] re, double[] im, double[] x) {
        final int[] blockRev = this.blockRev;
        final int q2 = m / 4;
        final double s = 1.0 / m, ns = -s;
        for (int b = 0, p = 0; b < blockRev.length; b++, p += 8) {
            int d0 = 2 * blockRev[b], d1 = d0 + q2, d2 = d1 + q2, d3 = d2 + q2;
            int d4 = d3 + q2, d5 = d4 + q2, d6 = d5 + q2, d7 = d6 + q2;
            double a0r = re[p], a0i = im[p], a1r = re[p + 1], a1i = im[p + 1];
            double a2r = re[p + 2], a2i = im[p + 2], a3r = re[p + 3], a3i = im[p + 3];
            double a4r = re[p + 4], a4i = im[p + 4], a5r = re[p + 5], a5i = im[p + 5];
            double a6r = re[p + 6], a6i = im[p + 6], a7r = re[p + 7], a7i = im[p + 7];
            // DIF DFT8, span 8: b_j = a_j + a_j+4, b_j+4 = (a_j - a_j+4) W8^j
            double b0r = a0r + a4r, b0i = a0i + a4i, b4r = a0r - a4r, b4i = a0i - a4i;
            double b1r = a1r + a5r, b1i = a1i + a5i, e5r = a1r - a5r, e5i = a1i - a5i;
            double b2r = a2r + a6r, b2i = a2i + a6i, b6r = a2i - a6i, b6i = a6r - a2r;  // -i (a2 - a6)
            double b3r = a3r + a7r, b3i = a3i + a7i, e7r = a3r - a7r, e7i = a3i - a7i;
            double b5r = SQRT1_2 * (e5r + e5i), b5i = SQRT1_2 * (e5i - e5r);            // · (1-i)/√2
            double b7r = SQRT1_2 * (e7i - e7r), b7i = -SQRT1_2 * (e7r + e7i);           // · -(1+i)/√2
            // span 4: c_j = b_j + b_j+2, c_j+2 = (b_j - b_j+2) W4^j, W4 = -i
            double c0r = b0r + b2r, c0i = b0i + b2i, c2r = b0r - b2r, c2i = b0i - b2i;
            double c1r = b1r + b3r, c1i = b1i + b3i, c3r = b1i - b3i, c3i = b3r - b1r;
            double c4r = b4r + b6r, c4i = b4i + b6i, c6r = b4r - b6r, c6i = b4i - b6i;
            double c5r = b5r + b7r, c5i = b5i + b7i, c7r = b5i - b7i, c7i = b7r - b5r;
            // span 2; output of position j is DFT8[rev3(j)], which belongs at z[r + rev3(j)·q]
            x[d0] = s * (c0r + c1r);
            x[d0 + 1] = ns * (c0i + c1i);
            x[d4] = s * (c0r - c1r);
            x[d4 + 1] = ns * (c0i - c1i);
            x[d2] = s * (c2r + c3r);
            x[d2 + 1] = ns * (c2i + c3i);
            x[d6] = s * (c2r - c3r);
            x[d6 + 1] = ns * (c2i - c3i);
            x[d1] = s * (c4r + c5r);
            x[d1 + 1] = ns * (c4i + c5i);
            x[d5] = s * (c4r - c5r);
            x[d5 + 1] = ns * (c4i - c5i);
            x[d3] = s * (c6r + c7r);
            x[d3 + 1] = ns * (c6i + c7i);
            x[d7] = s * (c6r - c7r);
            x[d7 + 1] = ns * (c6i - c7i);
        }
    }
}
