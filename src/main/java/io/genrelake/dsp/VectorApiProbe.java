package io.genrelake.dsp;

/**
 * Whether the Vector API classes of this package ({@link VectorWindowLanes}, {@link LaneRealFft},
 * {@link VectorChromaSums}, {@link VectorHarmonicMask}) may be used, decided once per JVM: the system property {@code genrelake.vector} is
 * not {@code false}, the JVM resolved {@code jdk.incubator.vector} ({@code --add-modules jdk.incubator.vector}),
 * and its preferred int vector has at least 8 lanes (AVX2 or wider; narrower vectors, or none, would be slower
 * than the plain versions). Only reflection touches those classes, so a JVM without the module never loads them.
 *
 * <p>Each element type comes in one shape only: the preferred one (floats, in the soft mask alone, at half its
 * width). On JDK 17, two shapes of one element type in a JVM (a 256-bit and a 512-bit DoubleVector, say)
 * pollute the type profiles of the API's shared methods: C2 then cannot intrinsify some stores, the vectors
 * are boxed, and a clip took 60 % longer (a DCT on 256-bit doubles was dropped for that; docs/benchmarks.md).
 * For the same reason the probe runs {@link VectorWarmUp} before saying yes.
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
            if ((Integer) lanes < 8) {
                return false;
            }
            // every kernel once, before C2 compiles any of them (see VectorWarmUp)
            Class.forName("io.genrelake.dsp.VectorWarmUp").getDeclaredMethod("run").invoke(null);
            return true;
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }
}
