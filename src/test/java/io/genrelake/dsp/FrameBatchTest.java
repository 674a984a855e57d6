package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The batched STFT and inverse STFT give the bits of the frame-at-a-time versions, whatever FFT this JVM picks
 * ({@link FrameFft#of}: the Vector API lanes in the build's test JVM), full batches and a partial last one alike.
 */
class FrameBatchTest {

    private static float[] randomFrame(Random rnd) {
        float[] f = new float[Stft.N_FFT];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (rnd.nextGaussian() * Math.pow(10, rnd.nextInt(7) - 3));
        }
        return f;
    }

    @Test
    void theLaneFftIsUsedWhereTheVectorApiIs() {
        assertEquals(VectorApiProbe.AVAILABLE, new Stft().batchSize() > 1, "Vector API available: "
                + VectorApiProbe.AVAILABLE);
        assertEquals(VectorApiProbe.AVAILABLE, FrameFft.of(Stft.N_FFT) instanceof LaneRealFft);
    }

    @Test
    void batchSpectraAreTheSingleFrameSpectra() {
        Stft stft = new Stft();
        Random rnd = new Random(7);
        int batch = stft.batchSize();
        for (int used : new int[] {batch, Math.max(1, batch - 1), 1}) {
            float[][] frames = new float[used][];
            for (int l = 0; l < used; l++) {
                frames[l] = randomFrame(rnd);
                System.arraycopy(frames[l], 0, stft.batchFrame(l), 0, Stft.N_FFT);
            }
            stft.transformBatch();
            for (int l = 0; l < used; l++) {
                float[] re = new float[Stft.BINS];
                float[] im = new float[Stft.BINS];
                float[] re1 = new float[Stft.BINS];
                float[] im1 = new float[Stft.BINS];
                stft.batchSpectrum(l, re, im);
                stft.spectrum(frames[l], re1, im1);
                assertArrayEquals(re1, re, 0f, "re, lane " + l + " of " + used);
                assertArrayEquals(im1, im, 0f, "im, lane " + l + " of " + used);
            }
        }
    }

    @Test
    void batchedInverseStftIsTheFrameAtATimeOne() {
        // 37 frames: several full batches of any width and a partial last one
        Random rnd = new Random(11);
        int frames = 37;
        float[][] re = new float[frames][Stft.BINS];
        float[][] im = new float[frames][Stft.BINS];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < Stft.BINS; k++) {
                re[t][k] = (float) rnd.nextGaussian();
                im[t][k] = (float) rnd.nextGaussian();
            }
        }
        List<Float> plain = new ArrayList<>();
        List<Float> batched = new ArrayList<>();
        Istft one = new Istft((buf, off, len, first) -> collect(plain, buf, off, len, first), new RealFft(Stft.N_FFT));
        Istft many = new Istft((buf, off, len, first) -> collect(batched, buf, off, len, first));
        for (int t = 0; t < frames; t++) {
            one.addFrame(re[t], im[t]);
            many.addFrame(re[t], im[t]);
        }
        one.finish();
        many.finish();
        assertEquals((long) Stft.HOP * (frames - 1), plain.size());
        assertEquals(plain, batched);
    }

    private static void collect(List<Float> into, float[] buf, int off, int len, long first) {
        assertEquals(into.size(), first, "samples come in order");
        for (int i = 0; i < len; i++) {
            into.add(buf[off + i]);
        }
    }
}
