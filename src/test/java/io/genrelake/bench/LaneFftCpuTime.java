package io.genrelake.bench;

import io.genrelake.dsp.LaneLayout;
import io.genrelake.dsp.LaneRealFft;
import io.genrelake.dsp.RealFft;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * CPU microseconds per 2048-point FRAME of {@link RealFft} (one frame per call) and {@link LaneRealFft}
 * ({@link LaneRealFft#LANES} frames per call, lane layout), forward and inverse: the transforms alone on inputs
 * already in their layout, and with the copies the extractor needs around them (forward: float[2048] frames
 * into x as double, then the lanes of re and im out to per-frame float[1025] arrays; inverse: per-frame
 * float[1025] re and im into lanes, x out to float[2048] frames; RealFft gets the same copies without the
 * striding). The copies come three ways: strided per frame (as a caller filling one lane at a time would),
 * blocked (all lanes of 32 samples at a time), and {@link LaneLayout#toLanes}/{@link LaneLayout#fromLanes}
 * (sequential over the lane arrays, one row stream per lane). Each round runs every variant once over a clip's
 * worth of frames (1296), in turn, so that slow phases of the machine hit all of them alike; the thread's own CPU
 * time, median of the second half of the rounds. Also the bytes the thread allocated per call (0 when C2 kept every vector in registers).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) --add-modules
 * jdk.incubator.vector io.genrelake.bench.LaneFftCpuTime [rounds]} (default 40).
 */
public final class LaneFftCpuTime {

    private static final int N = 2048;
    private static final int BINS = N / 2 + 1;
    private static final int L = LaneRealFft.LANES;
    private static final double[] ONES = ones(N);
    /** A clip's worth of frames (1293), rounded up to whole batches of 8. */
    private static final int FRAMES = 1296;
    /** Distinct per-frame arrays cycled through (float in and out: ~0.5 MB). */
    private static final int POOL = 32;

    private static final String[] NAMES = {
        "RealFft forward", "RealFft inverse", "LaneRealFft forward", "LaneRealFft inverse",
        "RealFft forward + float copies", "RealFft inverse + float copies",
        "LaneRealFft forward + lane copies", "LaneRealFft inverse + lane copies",
        "LaneRealFft forward + blocked lane copies", "LaneRealFft inverse + blocked lane copies",
        "LaneRealFft forward + LaneLayout copies", "LaneRealFft inverse + LaneLayout copies",
    };

    /** Samples (or bins) per frame moved at a time by the blocked copies: 32 lines of the lane arrays. */
    private static final int COPY_BLOCK = 32;

    private LaneFftCpuTime() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Random rnd = new Random(7);
        RealFft fft = new RealFft(N);
        LaneRealFft lane = new LaneRealFft(N);

        // Per-frame data: windowed-noise frames and their spectra, in float (as the extractor holds them).
        float[][] frames = new float[POOL][N];
        float[][] specRe = new float[POOL][BINS];
        float[][] specIm = new float[POOL][BINS];
        float[][] outRe = new float[POOL][BINS];
        float[][] outIm = new float[POOL][BINS];
        float[][] outFrames = new float[POOL][N];
        double[] xd = new double[N];
        double[] re = new double[BINS];
        double[] im = new double[BINS];
        for (int f = 0; f < POOL; f++) {
            for (int j = 0; j < N; j++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / N);
                frames[f][j] = (float) (w * rnd.nextGaussian() * 0.1);
                xd[j] = frames[f][j];
            }
            fft.forward(xd, re, im);
            for (int k = 0; k < BINS; k++) {
                specRe[f][k] = (float) re[k];
                specIm[f][k] = (float) im[k];
            }
        }
        // Inputs already in layout: a few distinct ones (in cache, as in a micro-benchmark).
        int distinct = 4;
        double[][] xs = new double[distinct][N], res = new double[distinct][BINS], ims = new double[distinct][BINS];
        double[][] xl = new double[distinct][N * L], rel = new double[distinct][BINS * L],
                iml = new double[distinct][BINS * L];
        for (int d = 0; d < distinct; d++) {
            for (int j = 0; j < N; j++) {
                xs[d][j] = frames[d][j];
            }
            for (int k = 0; k < BINS; k++) {
                res[d][k] = specRe[d][k];
                ims[d][k] = specIm[d][k];
            }
            for (int l = 0; l < L; l++) {
                float[] fr = frames[(d * L + l) % POOL];
                float[] sr = specRe[(d * L + l) % POOL], si = specIm[(d * L + l) % POOL];
                for (int j = 0; j < N; j++) {
                    xl[d][j * L + l] = fr[j];
                }
                for (int k = 0; k < BINS; k++) {
                    rel[d][k * L + l] = sr[k];
                    iml[d][k * L + l] = si[k];
                }
            }
        }
        double[] xOut = new double[N], reOut = new double[BINS], imOut = new double[BINS];
        double[] xLane = new double[N * L], reLane = new double[BINS * L], imLane = new double[BINS * L];
        float[][] rowsIn = new float[L][], rowsRe = new float[L][], rowsIm = new float[L][], rowsOut = new float[L][];

        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double[][] micros = new double[NAMES.length][rounds];
        double[][] bytesPerCall = new double[NAMES.length][rounds];
        double sink = 0;
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < NAMES.length; v++) {
                long b0 = mx.getThreadAllocatedBytes(tid);
                long c0 = mx.getCurrentThreadCpuTime();
                int calls;
                switch (v) {
                    case 0:
                        for (int f = 0; f < FRAMES; f++) {
                            fft.forward(xs[f & (distinct - 1)], reOut, imOut);
                        }
                        calls = FRAMES;
                        sink += reOut[3];
                        break;
                    case 1:
                        for (int f = 0; f < FRAMES; f++) {
                            fft.inverse(res[f & (distinct - 1)], ims[f & (distinct - 1)], xOut);
                        }
                        calls = FRAMES;
                        sink += xOut[3];
                        break;
                    case 2:
                        for (int f = 0, c = 0; f < FRAMES; f += L, c++) {
                            lane.forward(xl[c & (distinct - 1)], reLane, imLane);
                        }
                        calls = FRAMES / L;
                        sink += reLane[3];
                        break;
                    case 3:
                        for (int f = 0, c = 0; f < FRAMES; f += L, c++) {
                            lane.inverse(rel[c & (distinct - 1)], iml[c & (distinct - 1)], xLane);
                        }
                        calls = FRAMES / L;
                        sink += xLane[3];
                        break;
                    case 4:
                        for (int f = 0; f < FRAMES; f++) {
                            float[] fr = frames[f % POOL];
                            for (int j = 0; j < N; j++) {
                                xOut[j] = fr[j];
                            }
                            fft.forward(xOut, reOut, imOut);
                            float[] orr = outRe[f % POOL], oi = outIm[f % POOL];
                            for (int k = 0; k < BINS; k++) {
                                orr[k] = (float) reOut[k];
                                oi[k] = (float) imOut[k];
                            }
                        }
                        calls = FRAMES;
                        sink += outRe[5][3];
                        break;
                    case 5:
                        for (int f = 0; f < FRAMES; f++) {
                            float[] sr = specRe[f % POOL], si = specIm[f % POOL];
                            for (int k = 0; k < BINS; k++) {
                                reOut[k] = sr[k];
                                imOut[k] = si[k];
                            }
                            fft.inverse(reOut, imOut, xOut);
                            float[] of = outFrames[f % POOL];
                            for (int j = 0; j < N; j++) {
                                of[j] = (float) xOut[j];
                            }
                        }
                        calls = FRAMES;
                        sink += outFrames[5][3];
                        break;
                    case 6:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int l = 0; l < L; l++) {
                                float[] fr = frames[(f + l) % POOL];
                                for (int j = 0, i = l; j < N; j++, i += L) {
                                    xLane[i] = fr[j];
                                }
                            }
                            lane.forward(xLane, reLane, imLane);
                            for (int l = 0; l < L; l++) {
                                float[] orr = outRe[(f + l) % POOL], oi = outIm[(f + l) % POOL];
                                for (int k = 0, i = l; k < BINS; k++, i += L) {
                                    orr[k] = (float) reLane[i];
                                    oi[k] = (float) imLane[i];
                                }
                            }
                        }
                        calls = FRAMES / L;
                        sink += outRe[5][3];
                        break;
                    case 7:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int l = 0; l < L; l++) {
                                float[] sr = specRe[(f + l) % POOL], si = specIm[(f + l) % POOL];
                                for (int k = 0, i = l; k < BINS; k++, i += L) {
                                    reLane[i] = sr[k];
                                    imLane[i] = si[k];
                                }
                            }
                            lane.inverse(reLane, imLane, xLane);
                            for (int l = 0; l < L; l++) {
                                float[] of = outFrames[(f + l) % POOL];
                                for (int j = 0, i = l; j < N; j++, i += L) {
                                    of[j] = (float) xLane[i];
                                }
                            }
                        }
                        calls = FRAMES / L;
                        sink += outFrames[5][3];
                        break;
                    case 8:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int j0 = 0; j0 < N; j0 += COPY_BLOCK) {
                                for (int l = 0; l < L; l++) {
                                    float[] fr = frames[(f + l) % POOL];
                                    for (int j = j0, i = j0 * L + l; j < j0 + COPY_BLOCK; j++, i += L) {
                                        xLane[i] = fr[j];
                                    }
                                }
                            }
                            lane.forward(xLane, reLane, imLane);
                            for (int k0 = 0; k0 < BINS; k0 += COPY_BLOCK) {
                                int k1 = Math.min(BINS, k0 + COPY_BLOCK);
                                for (int l = 0; l < L; l++) {
                                    float[] orr = outRe[(f + l) % POOL], oi = outIm[(f + l) % POOL];
                                    for (int k = k0, i = k0 * L + l; k < k1; k++, i += L) {
                                        orr[k] = (float) reLane[i];
                                        oi[k] = (float) imLane[i];
                                    }
                                }
                            }
                        }
                        calls = FRAMES / L;
                        sink += outRe[5][3];
                        break;
                    case 10:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int l = 0; l < L; l++) {
                                rowsIn[l] = frames[(f + l) % POOL];
                                rowsRe[l] = outRe[(f + l) % POOL];
                                rowsIm[l] = outIm[(f + l) % POOL];
                            }
                            LaneLayout.toLanes(rowsIn, ONES, L, N, xLane);
                            lane.forward(xLane, reLane, imLane);
                            LaneLayout.fromLanes(reLane, L, BINS, rowsRe);
                            LaneLayout.fromLanes(imLane, L, BINS, rowsIm);
                        }
                        calls = FRAMES / L;
                        sink += outRe[5][3];
                        break;
                    case 11:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int l = 0; l < L; l++) {
                                rowsRe[l] = specRe[(f + l) % POOL];
                                rowsIm[l] = specIm[(f + l) % POOL];
                                rowsOut[l] = outFrames[(f + l) % POOL];
                            }
                            LaneLayout.toLanes(rowsRe, ONES, L, BINS, reLane);
                            LaneLayout.toLanes(rowsIm, ONES, L, BINS, imLane);
                            lane.inverse(reLane, imLane, xLane);
                            LaneLayout.fromLanes(xLane, L, N, rowsOut);
                        }
                        calls = FRAMES / L;
                        sink += outFrames[5][3];
                        break;
                    default:
                        for (int f = 0; f < FRAMES; f += L) {
                            for (int k0 = 0; k0 < BINS; k0 += COPY_BLOCK) {
                                int k1 = Math.min(BINS, k0 + COPY_BLOCK);
                                for (int l = 0; l < L; l++) {
                                    float[] sr = specRe[(f + l) % POOL], si = specIm[(f + l) % POOL];
                                    for (int k = k0, i = k0 * L + l; k < k1; k++, i += L) {
                                        reLane[i] = sr[k];
                                        imLane[i] = si[k];
                                    }
                                }
                            }
                            lane.inverse(reLane, imLane, xLane);
                            for (int j0 = 0; j0 < N; j0 += COPY_BLOCK) {
                                for (int l = 0; l < L; l++) {
                                    float[] of = outFrames[(f + l) % POOL];
                                    for (int j = j0, i = j0 * L + l; j < j0 + COPY_BLOCK; j++, i += L) {
                                        of[j] = (float) xLane[i];
                                    }
                                }
                            }
                        }
                        calls = FRAMES / L;
                        sink += outFrames[5][3];
                        break;
                }
                long c1 = mx.getCurrentThreadCpuTime();
                long b1 = mx.getThreadAllocatedBytes(tid);
                micros[v][r] = (c1 - c0) / 1e3 / FRAMES;
                bytesPerCall[v][r] = (double) (b1 - b0) / calls;
            }
        }
        System.out.printf(Locale.ROOT, "FFT n = %d, CPU µs per frame (%s %s; LaneRealFft: %d lanes, %d-bit vectors; "
                        + "median of %d rounds of %d frames after %d warm-up rounds)%n", N,
                System.getProperty("java.vm.name"), System.getProperty("java.version"), L, L * 64,
                rounds - rounds / 2, FRAMES, rounds / 2);
        System.out.println("| variant | µs per frame | min | bytes allocated per call |");
        System.out.println("|---|---:|---:|---:|");
        for (int v = 0; v < NAMES.length; v++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.1f |%n", NAMES[v], median(micros[v]),
                    min(micros[v]), median(bytesPerCall[v]));
        }
        if (sink == 12345.678) {
            System.out.println();
        }
    }

    private static double median(double[] perRound) {
        double[] measured = Arrays.copyOfRange(perRound, perRound.length / 2, perRound.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static double min(double[] perRound) {
        double[] measured = Arrays.copyOfRange(perRound, perRound.length / 2, perRound.length);
        Arrays.sort(measured);
        return measured[0];
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return a;
    }
}
