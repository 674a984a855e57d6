package io.genrelake.dsp;

/**
 * Whether {@link VectorWindowLanes} may be used, decided once per JVM: the system property
 * {@code genrelake.vector} is not {@code false}, the JVM resolved {@code jdk.incubator.vector}
 * ({@code --add-modules jdk.incubator.vector}), and its preferred int vector has at least 8 lanes (AVX2 or
 * wider; narrower vectors, or none, would be slower than the plain version). Only reflection touches the
 * Vector API class, so a JVM without the module never loads it.
 */
final class VectorApiProbe {

    static final boolean AVAILABLE = probe();

    private VectorApiProbe() {}

    private static boolean probe() {
        if ("false".equals(System.getProperty("genrelake.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Object lanes = Class.forName("io.genrelake.dsp.VectorWindowLanes").getDeclaredMethod("preferredLanes")
                    .invoke(null);
            return (Integer) lanes >= 8;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
