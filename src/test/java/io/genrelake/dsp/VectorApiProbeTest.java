package io.genrelake.dsp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The probe's decision, and its warm-up: a warm-up that threw would silently turn the Vector API off (the probe
 * treats any failure as "not available"), so it is run here directly where the JVM has the module.
 */
class VectorApiProbeTest {

    private static boolean jvmHasTheModule() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !"false".equals(System.getProperty("genrelake.vector"));
    }

    @Test
    void theWarmUpRunsEveryKernelWithoutError() {
        assumeTrue(jvmHasTheModule(), "this JVM runs without --add-modules jdk.incubator.vector: nothing to warm up");
        assumeTrue(VectorWindowLanes.preferredLanes() >= 8,
                "this CPU's preferred int vector has fewer than 8 lanes: the probe never warms up here");
        assertDoesNotThrow(VectorWarmUp::run);
    }

    @Test
    void theVectorApiIsOnExactlyWhereTheJvmAndCpuAllowIt() {
        // a failing warm-up would make the probe say no where the JVM and CPU allow it
        assertEquals(jvmHasTheModule() && wideEnough(), VectorApiProbe.AVAILABLE);
    }

    /** Only called where the module is present (the class refers to the Vector API). */
    private static boolean wideEnough() {
        return VectorWindowLanes.preferredLanes() >= 8;
    }

    @Test
    void thePathLoggedSaysWhichOneAndWhy() {
        if (VectorApiProbe.AVAILABLE) {
            assertTrue(VectorApiProbe.PATH.matches("Vector API \\(jdk\\.incubator\\.vector, \\d+-bit\\)"),
                    VectorApiProbe.PATH);
        } else {
            assertTrue(VectorApiProbe.PATH.startsWith("plain Java: "), VectorApiProbe.PATH);
            assertTrue(VectorApiProbe.PATH.endsWith(VectorApiProbe.PLAIN_COST), VectorApiProbe.PATH);
        }
        if ("false".equals(System.getProperty("genrelake.vector"))) {
            assertEquals("plain Java: -Dgenrelake.vector=false" + VectorApiProbe.PLAIN_COST, VectorApiProbe.PATH);
        }
    }
}
