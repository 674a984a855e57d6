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

    /**
     * A new instance of the Vector API class {@code simpleName} (in this package) built by its constructor taking
     * {@code args} of {@code types}, when {@link #AVAILABLE}; otherwise, or when the class will not load or refuses
     * the arguments, {@code plain}'s — which gives the same bits.
     */
    static <T> T choose(Class<T> type, String simpleName, Class<?>[] types, Object[] args,
            java.util.function.Supplier<? extends T> plain) {
        if (AVAILABLE) {
            try {
                return type.cast(Class.forName("io.genrelake.dsp." + simpleName).getDeclaredConstructor(types)
                        .newInstance(args));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                // fall through to the plain version
            }
        }
        return plain.get();
    }

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
