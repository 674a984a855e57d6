package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Magnitude and power of a complex64 spectrum: by hand, and the Vector API's one-pass version (the build's test JVM)
 * gives the plain loops' bits over magnitudes from subnormal to 1e30, zeros included.
 */
class ModulusTest {

    @Test
    void byHand() {
        float[] magnitude = new float[Stft.BINS];
        float[] power = new float[Stft.BINS];
        float[] re = new float[Stft.BINS];
        float[] im = new float[Stft.BINS];
        re[3] = 3f;
        im[3] = -4f;
        new Stft().magnitudeAndPower(re, im, magnitude, power);
        assertEquals(5f, magnitude[3], 0f);
        assertEquals(25f, power[3], 0f);
        assertEquals(0f, magnitude[0], 0f);
    }

    @Test
    void theChosenVersionGivesThePlainBits() {
        Stft stft = new Stft();
        Random rnd = new Random(17);
        float[] re = new float[Stft.BINS];
        float[] im = new float[Stft.BINS];
        for (int trial = 0; trial < 50; trial++) {
            for (int k = 0; k < Stft.BINS; k++) {
                double scale = Math.pow(10, rnd.nextInt(70) - 40);
                re[k] = k % 17 == 0 ? 0f : (float) (rnd.nextGaussian() * scale);
                im[k] = k % 13 == 0 ? 0f : (float) (rnd.nextGaussian() * scale);
            }
            float[] magnitude = new float[Stft.BINS];
            float[] power = new float[Stft.BINS];
            float[] plainMagnitude = new float[Stft.BINS];
            float[] plainPower = new float[Stft.BINS];
            stft.magnitudeAndPower(re, im, magnitude, power);
            stft.plainModulus(re, im, plainMagnitude, plainPower, Stft.BINS);
            assertArrayEquals(plainMagnitude, magnitude, 0f, "trial " + trial);
            assertArrayEquals(plainPower, power, 0f, "trial " + trial);
        }
    }
}
