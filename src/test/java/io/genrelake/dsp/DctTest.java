package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The DCT rows: a constant input has only the first coefficient, √N times the value, as scipy gives. */
class DctTest {

    @Test
    void aConstantInputHasOnlyTheFirstCoefficient() {
        Dct dct = new Dct(20, 128);
        float[] x = new float[128];
        java.util.Arrays.fill(x, -40f);
        float[] out = new float[20];
        dct.apply(x, out);
        assertEquals((float) (-40 * Math.sqrt(128)), out[0], 1e-4f);
        for (int k = 1; k < 20; k++) {
            assertEquals(0f, out[k], 0f, "row " + k);
        }
    }
}
