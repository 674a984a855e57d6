package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming inverse STFT against librosa's whole-signal algorithm written out plainly (0.10.2 {@code istft}
 * without {@code length}): every frame's windowed irfft overlap-added into a float32 buffer, the float32
 * {@code window_sumsquare} built the same way, both cropped by n_fft/2 at each end, then divided where the sum
 * exceeds float32 tiny. Bit for bit, for frame counts that cover the edges (fewer frames than overlap, the
 * first and last hops) and runs long enough for the steady window sums; one frame at a time, and in batches with
 * the plain and the Vector API's hop-major overlap-add.
 */
class IstftTest {

    private static final int N = Stft.N_FFT;
    private static final int HOP = Stft.HOP;

    @Test
    void streamingIsLibrosasWholeSignalInverse() {
        Random rnd = new Random(5);
        for (int frames : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 17, 40}) {
            float[][] re = new float[frames][Stft.BINS];
            float[][] im = new float[frames][Stft.BINS];
            for (int t = 0; t < frames; t++) {
                for (int k = 0; k < Stft.BINS; k++) {
                    re[t][k] = (float) rnd.nextGaussian();
                    im[t][k] = (float) rnd.nextGaussian();
                }
            }
            float[] expected = wholeSignal(re, im);
            for (int variant = 0; variant < 3; variant++) {
                // one lane; the batch FFT's lanes with the plain lane overlap-add; with the Vector API's, if any
                FrameFft fft = variant == 0 ? new RealFft(N) : FrameFft.of(N);
                float[] got = new float[expected.length];
                long[] count = {0};
                Istft istft = new Istft((buf, off, len, first) -> {
                    assertEquals(count[0], first, "samples in order");
                    System.arraycopy(buf, off, got, (int) first, len);
                    count[0] += len;
                }, fft, variant == 1);
                for (int t = 0; t < frames; t++) {
                    istft.addFrame(re[t], im[t]);
                }
                istft.finish();
                assertEquals(expected.length, count[0], frames + " frames, variant " + variant);
                assertArrayEquals(expected, got, 0f, frames + " frames, variant " + variant);
            }
        }
    }

    private static float[] wholeSignal(float[][] re, float[][] im) {
        int frames = re.length;
        int n = N + HOP * (frames - 1);
        double[] window = Window.hann(N);
        float[] y = new float[n];
        float[] wss = new float[n];
        RealFft fft = new RealFft(N);
        double[] r = new double[Stft.BINS];
        double[] i = new double[Stft.BINS];
        double[] frame = new double[N];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < Stft.BINS; k++) {
                r[k] = re[t][k];
                i[k] = im[t][k];
            }
            fft.inverse(r, i, frame);
            for (int j = 0; j < N; j++) {
                y[t * HOP + j] = (float) (y[t * HOP + j] + window[j] * frame[j]);
                wss[t * HOP + j] = (float) (wss[t * HOP + j] + window[j] * window[j]);
            }
        }
        float[] out = new float[n - N];
        for (int s = 0; s < out.length; s++) {
            float v = y[s + N / 2];
            float w = wss[s + N / 2];
            out[s] = w > Float32.TINY ? v / w : v;
        }
        return out;
    }
}
