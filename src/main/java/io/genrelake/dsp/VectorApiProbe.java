package io.genrelake.dsp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Vector API classes ({@link VectorWindowLanes}, {@link LaneRealFft}, {@link VectorChromaSums},
 * {@link VectorHarmonicMask}, {@link VectorDctSums}, {@link VectorMelSums}, {@link VectorModulus},
 * {@link VectorOverlapAdd}, and the resampler's {@code io.genrelake.audio.VectorPhaseSums}) may be used, decided
 * once per JVM: the system property {@code genrelake.vector} is not {@code false}, the JVM resolved
 * {@code jdk.incubator.vector} ({@code --add-modules jdk.incubator.vector}), and its preferred int vector has at
 * least 8 lanes (AVX2 or wider; narrower vectors, or none, would be slower than the plain versions). Only
 * reflection touches those classes, so a JVM without the module never loads them.
 *
 * <p>Each element type comes in one shape only, {@link VectorShapes}' (doubles and ints at the preferred width,
 * floats at half of it). On JDK 17, two shapes of one element type in a JVM (a 256-bit and a 512-bit DoubleVector, say)
 * pollute the type profiles of the API's shared methods: C2 then cannot intrinsify some stores, the vectors
 * are boxed, and a clip took 60 % longer (a DCT on 256-bit doubles was dropped for that; docs/benchmarks.md).
 * For the same reason the probe runs {@link VectorWarmUp} before saying yes.
 *
 * <p>The choice is logged once, at INFO, with its reason: the plain versions are about 65 % slower (README
 * "Speed"), and on a cluster a missing {@code --add-modules} would otherwise only show as slower executors.
 */
public final class VectorApiProbe {

    private static final Logger LOG = LoggerFactory.getLogger(VectorApiProbe.class);

    /** What the plain path costs, appended to its reason (README "Speed": ~78 against ~47 ms per clip). */
    static final String PLAIN_COST = " — about 65 % slower; see README 'Speed'";

    /**
     * Static methods that run their classes' kernels once before any real work (see {@link VectorWarmUp}). Declared
     * before CHOICE, which reads it as the class initialises.
     */
    private static final String[] WARM_UPS = {"io.genrelake.dsp.VectorWarmUp#run",
        "io.genrelake.audio.VectorPhaseSums#warmUp", "io.genrelake.audio.mp3.VectorHalfRateKernels#warmUp",
        "io.genrelake.audio.mp3.VectorLongBlockImdct#warmUp"};

    private static final Choice CHOICE = probe();

    /** Whether this JVM may use the Vector API classes (decided once, see the class comment). */
    public static final boolean AVAILABLE = CHOICE.vectorApi();

    /**
     * The path chosen and why, as logged: "Vector API (jdk.incubator.vector, 256-bit)", or "plain Java: " and the
     * reason, e.g. "plain Java: -Dgenrelake.vector=false — about 65 % slower; see README 'Speed'".
     */
    public static final String PATH = CHOICE.description();

    static {
        LOG.info("feature extractor: {}", PATH);
    }

    private VectorApiProbe() {}

    /** The probe's answer and the words for it. */
    private record Choice(boolean vectorApi, String description) {

        static Choice plain(String reason) {
            return new Choice(false, "plain Java: " + reason + PLAIN_COST);
        }
    }

    /**
     * A new instance of the Vector API class {@code name} (a simple name in this package, or a qualified one) built
     * by its constructor taking
     * {@code args} of {@code types}, when {@link #AVAILABLE}; otherwise, or when the class will not load or refuses
     * the arguments, {@code plain}'s — which gives the same bits.
     */
    public static <T> T choose(Class<T> type, String name, Class<?>[] types, Object[] args,
            java.util.function.Supplier<? extends T> plain) {
        if (AVAILABLE) {
            try {
                var constructor = Class.forName(name.contains(".") ? name : "io.genrelake.dsp." + name)
                        .getDeclaredConstructor(types);
                constructor.setAccessible(true); // package-private classes of other packages
                return type.cast(constructor.newInstance(args));
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                // fall through to the plain version
            }
        }
        return plain.get();
    }

    private static Choice probe() {
        if ("false".equals(System.getProperty("genrelake.vector"))) {
            return Choice.plain("-Dgenrelake.vector=false");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return Choice.plain("module jdk.incubator.vector not present (--add-modules=jdk.incubator.vector)");
        }
        try {
            int lanes = (Integer) Class.forName("io.genrelake.dsp.VectorWindowLanes")
                    .getDeclaredMethod("preferredLanes").invoke(null);
            int bits = lanes * Integer.SIZE;
            if (lanes < 8) {
                return Choice.plain("this CPU's vectors are " + bits + "-bit, narrower than 256");
            }
            // every kernel once, before C2 compiles any of them (see VectorWarmUp)
            for (String warmUp : WARM_UPS) {
                String[] classAndMethod = warmUp.split("#");
                var method = Class.forName(classAndMethod[0]).getDeclaredMethod(classAndMethod[1]);
                method.setAccessible(true);
                method.invoke(null);
            }
            return new Choice(true, "Vector API (jdk.incubator.vector, " + bits + "-bit)");
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Choice.plain("the Vector API failed to start (" + cause + ")");
        }
    }
}
