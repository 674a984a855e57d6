package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chroma frame from whichever sums this JVM uses (the Vector API in the build's test JVM) against the plain loop. */
class ChromaFilterBankTest {

    @Test
    void sumsAreThePlainLoopsBits() {
        Random rnd = new Random(3);
        for (double tuning : new double[] {0.0, -0.23, 0.41}) {
            ChromaFilterBank bank = new ChromaFilterBank(22050, 2048, tuning);
            float[] power = new float[1025];
            for (int round = 0; round < 20; round++) {
                for (int k = 0; k < power.length; k++) {
                    double v = rnd.nextGaussian();
                    power[k] = round == 0 ? 0f : (float) (v * v * Math.pow(10, rnd.nextInt(9) - 4));
                }
                float[] chroma = new float[12];
                bank.apply(power, chroma);
                float[] plain = new float[12];
                bank.plainSums(power, plain);
                float max = 0f;
                for (float c : plain) {
                    max = Math.max(max, Math.abs(c));
                }
                for (int c = 0; c < 12 && max >= Float32.TINY; c++) {
                    plain[c] /= max;
                }
                assertArrayEquals(plain, chroma, 0f, "tuning " + tuning + ", round " + round);
            }
        }
    }

    @Test
    void aToneAtA440PeaksAtA() {
        ChromaFilterBank bank = new ChromaFilterBank(22050, 2048, 0.0);
        float[] power = new float[1025];
        power[(int) Math.round(440.0 * 2048 / 22050)] = 1f; // bin 41 ≈ 440.5 Hz
        float[] chroma = new float[12];
        bank.apply(power, chroma);
        int best = 0;
        for (int c = 1; c < 12; c++) {
            best = chroma[c] > chroma[best] ? c : best;
        }
        assertEquals(9, best, "C=0 … A=9");
        assertEquals(1f, chroma[9], 0f);
    }
}
