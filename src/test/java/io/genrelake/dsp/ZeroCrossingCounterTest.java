package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The running zero-crossing count gives, frame by frame, exactly the rate of counting each frame alone. */
class ZeroCrossingCounterTest {

    @Test
    void sameRatesAsCountingEachFrame() throws IOException {
        Random rnd = new Random(13);
        // one frame, a few, and many; signals that cross often, rarely, and hover around the 1e-10 threshold
        for (int n : new int[] {2048, 2049, 2600, 5000, 22050, 66150}) {
            for (int kind = 0; kind < 3; kind++) {
                float[] y = signal(rnd, n, kind);
                CenteredFramer framer = new CenteredFramer(reader(y), Stft.N_FFT, Stft.HOP);
                ZeroCrossingCounter counter = new ZeroCrossingCounter(Stft.N_FFT, Stft.HOP);
                float[] frame = new float[Stft.N_FFT];
                float[] edge = new float[Stft.N_FFT];
                int frames = 0;
                while (framer.next(frame, edge)) {
                    double expected = FrameStatistics.zeroCrossingRate(edge, Stft.N_FFT);
                    assertEquals(expected, counter.next(edge), 0.0, "n " + n + ", kind " + kind + ", frame " + frames);
                    frames++;
                }
                assertEquals(Stft.frameCount(n), frames);
            }
        }
    }

    @Test
    void resetStartsANewSignal() throws IOException {
        float[] y = signal(new Random(2), 9000, 0);
        ZeroCrossingCounter counter = new ZeroCrossingCounter(Stft.N_FFT, Stft.HOP);
        double[] first = rates(counter, y);
        counter.reset();
        double[] second = rates(counter, y);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
    }

    @Test
    void aHopThatDoesNotDivideTheFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ZeroCrossingCounter(2048, 500));
    }

    private static double[] rates(ZeroCrossingCounter counter, float[] y) throws IOException {
        CenteredFramer framer = new CenteredFramer(reader(y), Stft.N_FFT, Stft.HOP);
        float[] frame = new float[Stft.N_FFT];
        float[] edge = new float[Stft.N_FFT];
        double[] r = new double[Stft.frameCount(y.length)];
        int t = 0;
        while (framer.next(frame, edge)) {
            r[t++] = counter.next(edge);
        }
        return r;
    }

    private static float[] signal(Random rnd, int n, int kind) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case 0: y[i] = (float) rnd.nextGaussian(); break;
                case 1: y[i] = (float) Math.sin(i * 0.003) + (rnd.nextInt(50) == 0 ? -0.0f : 0f); break;
                default: y[i] = (float) ((rnd.nextInt(3) - 1) * Math.pow(10, -9 - rnd.nextInt(3))); break;
            }
        }
        return y;
    }

    private static SampleReader reader(float[] y) {
        int[] pos = {0};
        return (dst, off, len) -> {
            if (pos[0] >= y.length) {
                return -1;
            }
            int k = Math.min(len, y.length - pos[0]);
            System.arraycopy(y, pos[0], dst, off, k);
            pos[0] += k;
            return k;
        };
    }
}
