package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The streaming path (signal read twice, nothing held) gives the numbers of the in-memory path. */
class StreamingTest {

    /** A few minutes of a deterministic mix: chords, noise bursts and clicks that change over time. */
    static float[] music(int seconds) {
        int sr = FeatureExtractor.SAMPLE_RATE;
        int n = seconds * sr;
        float[] y = new float[n];
        java.util.Random rnd = new java.util.Random(42);
        double[] notes = {220.0, 261.63, 329.63, 392.0, 293.66, 349.23};
        for (int i = 0; i < n; i++) {
            double t = (double) i / sr;
            int bar = (int) (t / 2);
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += 0.15 * Math.sin(2 * Math.PI * notes[(bar + 2 * j) % notes.length] * t);
            }
            double beat = t * 2.1 % 1.0; // 126 BPM
            v += beat < 0.02 ? 0.6 * (rnd.nextDouble() - 0.5) : 0;
            y[i] = (float) v;
        }
        return y;
    }

    /** A source that hands out samples in awkward block sizes. */
    static SignalSource chunked(float[] y, int block) {
        return () -> new SignalSource.Reader() {
            int pos;

            @Override
            public int read(float[] dst, int off, int len) {
                if (pos >= y.length) {
                    return -1;
                }
                int k = Math.min(Math.min(len, block), y.length - pos);
                System.arraycopy(y, pos, dst, off, k);
                pos += k;
                return k;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void streamingEqualsInMemoryOnAFewMinuteTrack() throws IOException {
        float[] y = music(150);
        FeatureExtractor fx = new FeatureExtractor();
        TrackFeatures whole = fx.extractInMemory(y);
        TrackFeatures streamed = fx.extract(chunked(y, 1000));
        assertEquals(whole.length(), streamed.length());
        assertArrayEquals(whole.values(), streamed.values(), "bit-for-bit identical");
    }

    @Test
    void blockSizeDoesNotMatter() throws IOException {
        float[] y = music(20);
        FeatureExtractor fx = new FeatureExtractor();
        TrackFeatures whole = fx.extractInMemory(y);
        for (int block : new int[] {1, 7, 513, 65536}) {
            assertArrayEquals(whole.values(), fx.extract(chunked(y, block)).values(), "block " + block);
        }
    }

    @Test
    void aSourceThatChangesBetweenPassesIsAnError() {
        float[] y = music(3);
        int[] opened = {0};
        SignalSource shrinking = () -> {
            opened[0]++;
            float[] pass = opened[0] == 1 ? y : java.util.Arrays.copyOf(y, y.length - 600);
            return chunked(pass, 4096).open();
        };
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new FeatureExtractor().extract(shrinking));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("changed between passes"), e.getMessage());
    }
}
