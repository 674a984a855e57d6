package io.genrelake.audio;

import static io.genrelake.audio.Signals.amplitudeAt;
import static io.genrelake.audio.Signals.db;
import static io.genrelake.audio.Signals.maxErrorFromSine;
import static io.genrelake.audio.Signals.rms;
import static io.genrelake.audio.Signals.sine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quality, alignment, lengths and streaming behaviour of the band-limited resampler. */
class ResamplerTest {

    /** Interior of a resampled test signal: far enough from both ends for the zero padding not to show. */
    private static final int EDGE = 1000;

    @Test
    void sine1kHzFrom44100KeepsAmplitudeAndFrequency() {
        float[] y = Resampler.resample(sine(1000, 44100, 3 * 44100, 0.5), 44100, 22050);
        assertEquals(3 * 22050, y.length);
        // 1 kHz has a period of 22.05 samples at 22050 Hz: 441 samples hold exactly 20 periods.
        int from = 2205;
        int to = from + 441 * 100;
        double gainDb = db(rms(y, from, to) / (0.5 / Math.sqrt(2)));
        assertTrue(Math.abs(gainDb) <= 0.01, "amplitude change " + gainDb + " dB");
        // Same frequency and no delay: the output is the same sine sampled at 22050 Hz.
        assertTrue(maxErrorFromSine(y, 1000, 22050, 0.5, EDGE, y.length - EDGE) < 1e-4);
    }

    @Test
    void sine15kHzAt44100IsRemovedBy90Db() {
        float[] y = Resampler.resample(sine(15000, 44100, 2 * 44100, 0.5), 44100, 22050);
        double attenuation = -db(rms(y, EDGE, y.length - EDGE) / (0.5 / Math.sqrt(2)));
        assertTrue(attenuation >= 90, "15 kHz attenuated by only " + attenuation + " dB");
    }

    @ParameterizedTest
    @CsvSource({"48000", "11025", "8000", "96000", "44100", "16000", "22254"})
    void sine440HzSurvivesCommonRates(int inRate) {
        float[] x = sine(440, inRate, 3 * inRate, 0.5);
        float[] y = Resampler.resample(x, inRate, 22050);
        assertEquals(Resampler.outputLength(x.length, inRate, 22050), y.length);
        // 22050 samples hold exactly 440 periods of 440 Hz.
        double gainDb = db(rms(y, 22050 / 2, 22050 / 2 + 22050) / (0.5 / Math.sqrt(2)));
        assertTrue(Math.abs(gainDb) <= 0.01, inRate + ": amplitude change " + gainDb + " dB");
        double error = maxErrorFromSine(y, 440, 22050, 0.5, EDGE, y.length - EDGE);
        assertTrue(error < 1e-4, inRate + ": differs from the ideal 440-Hz sine by " + error);
    }

    @Test
    void passbandRippleAndStopbandAttenuationMeetTheDesign() {
        // The figures quoted in Resampler's Javadoc come from this test. Frequencies are in units of
        // the lower Nyquist; the stopband is probed densely just past its edge at 1.0, where it is weakest.
        double[] stopbandProbes = {1.0005, 1.001, 1.002, 1.005, 1.01, 1.02, 1.05, 1.1, 1.2, 1.4, 1.6, 1.8, 1.95};
        double[] transitionProbes = {0.92, 0.95, 0.98, 0.99, 0.995};
        double ripple = 0;
        double stopband = Double.MAX_VALUE;
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {11025, 22050}, {8000, 22050}};
        for (int[] pair : pairs) {
            int in = pair[0];
            int out = pair[1];
            double lowerNyquist = Math.min(in, out) / 2.0;
            for (int i = 1; i <= 30; i++) {
                double f = 0.9 * lowerNyquist * i / 30;
                float[] y = Resampler.resample(sine(f, in, in, 0.5), in, out);
                ripple = Math.max(ripple, Math.abs(db(amplitudeAt(y, f, out, EDGE, y.length - EDGE) / 0.5)));
            }
            if (in > out) { // downsampling: whatever comes out of a tone above the output Nyquist is aliasing
                for (double probe : stopbandProbes) {
                    double f = probe * lowerNyquist;
                    if (f < in / 2.0) {
                        float[] y = Resampler.resample(sine(f, in, 2 * in, 0.5), in, out);
                        stopband = Math.min(stopband, -db(rms(y, EDGE, y.length - EDGE) / (0.5 / Math.sqrt(2))));
                    }
                }
            } else { // upsampling: a tone at f leaves an image at in - f, past the input Nyquist
                for (double probe : transitionProbes) {
                    double f = probe * lowerNyquist;
                    float[] y = Resampler.resample(sine(f, in, 2 * in, 0.5), in, out);
                    stopband = Math.min(stopband, -db(amplitudeAt(y, in - f, out, EDGE, y.length - EDGE) / 0.5));
                }
            }
        }
        System.out.printf("Resampler: passband ripple %.5f dB (to 0.9 x Nyquist), stopband attenuation %.1f dB%n",
                ripple, stopband);
        assertTrue(ripple <= 0.01, "passband ripple " + ripple + " dB");
        assertTrue(stopband >= 90, "stopband attenuation " + stopband + " dB");
    }

    @Test
    void outputLengthIsCeilOfNTimesOutOverIn() {
        int[][] pairs = {{44100, 22050}, {48000, 22050}, {8000, 22050}, {11025, 22050}, {96000, 22050}, {22051, 22050}};
        for (int[] pair : pairs) {
            for (int n : new int[] {0, 1, 2, 3, 7, 100, 147, 320, 4410, 44101}) {
                long expected = (long) Math.ceil((double) n * pair[1] / pair[0]);
                assertEquals(expected, Resampler.outputLength(n, pair[0], pair[1]), () -> Arrays.toString(pair) + " n=" + n);
                assertEquals(expected, Resampler.resample(new float[n], pair[0], pair[1]).length, () -> Arrays.toString(pair) + " n=" + n);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"44100, 22050", "48000, 22050", "11025, 22050", "8000, 22050", "44101, 22050"})
    void streamingInAnyBlockSizesGivesIdenticalOutput(int in, int out) {
        float[] x = new float[in / 2 + 12345];
        java.util.Random random = new java.util.Random(in);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 0.2 + 0.3 * Math.sin(i * 0.01));
        }
        float[] whole = Resampler.resample(x, in, out);
        for (int[] blocks : new int[][] {{1}, {7}, {4096}, {1, 7, 4096, 3, 65536, 2}}) {
            assertArrayEquals(whole, streamed(x, in, out, blocks), () -> in + "->" + out + " blocks " + Arrays.toString(blocks));
        }
    }

    private static float[] streamed(float[] x, int in, int out, int[] blockSizes) {
        Resampler r = new Resampler(in, out);
        float[] y = new float[(int) Resampler.outputLength(x.length, in, out)];
        int written = 0;
        int pos = 0;
        for (int b = 0; pos < x.length; b++) {
            int n = Math.min(blockSizes[b % blockSizes.length], x.length - pos);
            assertTrue(r.maxOutput(n) >= 0);
            float[] block = new float[r.maxOutput(n)];
            int got = r.process(x, pos, n, block, 0);
            assertTrue(got <= r.maxOutput(n));
            System.arraycopy(block, 0, y, written, got);
            written += got;
            pos += n;
        }
        float[] tail = new float[r.maxOutput(0)];
        int got = r.finish(tail, 0);
        System.arraycopy(tail, 0, y, written, got);
        assertEquals(y.length, written + got);
        return y;
    }

    @Test
    void outputZeroIsAlignedWithInputZero() {
        // An impulse at input sample j comes out centred at output sample j * 22050 / in, symmetric around it.
        for (int in : new int[] {44100, 48000, 11025}) {
            float[] x = new float[in];
            int j = in / 10;
            x[j] = 1;
            int expectedPeak = (int) ((long) j * 22050 / in);
            assertEquals(0, (long) j * 22050 % in, "test needs an impulse on an output instant");
            float[] y = Resampler.resample(x, in, 22050);
            int peak = 0;
            for (int k = 1; k < y.length; k++) {
                if (y[k] > y[peak]) {
                    peak = k;
                }
            }
            assertEquals(expectedPeak, peak, "rate " + in);
            for (int d = 1; d < 50; d++) {
                assertEquals(y[peak - d], y[peak + d], 1e-7, "rate " + in + " symmetric at " + d);
            }
        }
    }

    @Test
    void dcPassesExactlyAwayFromTheEdges() {
        float[] x = new float[48000];
        Arrays.fill(x, 0.25f);
        float[] y = Resampler.resample(x, 48000, 22050);
        for (int k = EDGE; k < y.length - EDGE; k++) {
            assertEquals(0.25f, y[k], 1e-6f, "sample " + k);
        }
        // Zero before input 0: the first output sees the centre tap h(0) = 2 * cutoff and half of the rest.
        double centreTap = 0.95 * 22050 / 48000;
        assertEquals(0.25 * (1 + centreTap) / 2, y[0], 1e-3);
    }

    @Test
    void interpolatedTapsAgreeWithTabulatedTaps() {
        float[] x = sine(3000, 48000, 48000, 0.5);
        float[] tabulated = Resampler.resample(x, 48000, 22050);
        Resampler interpolated = new Resampler(48000, 22050, true);
        float[] y = new float[tabulated.length];
        int n = interpolated.process(x, 0, x.length, y, 0);
        interpolated.finish(y, n);
        for (int k = 0; k < y.length; k++) {
            assertEquals(tabulated[k], y[k], 2e-6, "sample " + k);
        }
    }

    @Test
    void ratiosWithManyPhasesUseInterpolatedTapsAndStayAccurate() {
        // 44101 / 22050 share no factor: 22050 phases, too many to tabulate.
        float[] y = Resampler.resample(sine(1000, 44101, 44101, 0.5), 44101, 22050);
        assertEquals(Resampler.outputLength(44101, 44101, 22050), y.length);
        assertTrue(maxErrorFromSine(y, 1000, 22050, 0.5, EDGE, y.length - EDGE) < 1e-4);
    }

    @Test
    void equalRatesPassSamplesThrough() {
        float[] x = sine(440, 22050, 1000, 0.5);
        assertArrayEquals(x, Resampler.resample(x, 22050, 22050));
        Resampler r = new Resampler(22050, 22050);
        float[] y = new float[1000];
        assertEquals(1000, r.process(x, 0, 1000, y, 0));
        assertEquals(0, r.finish(y, 0));
        assertArrayEquals(x, y);
    }

    @Test
    void misuseIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Resampler(0, 22050));
        assertThrows(IllegalArgumentException.class, () -> new Resampler(44100, -1));
        Resampler r = new Resampler(44100, 22050);
        r.finish(new float[r.maxOutput(0)], 0);
        assertThrows(IllegalStateException.class, () -> r.process(new float[1], 0, 1, new float[10], 0));
        assertThrows(IllegalStateException.class, () -> r.finish(new float[10], 0));
    }
}
