package io.genrelake.testing;

import java.util.List;

/**
 * JVM options for the child JVMs a test starts for one short job and throws away (killed nightly drivers, the
 * standalone cluster's daemons, drivers and executors): C1 alone and the serial collector. Such a JVM lives 5-60 s,
 * over before C2's code or G1's concurrent threads pay back on CI's 2 cores; a whole night in a new driver JVM takes
 * 33 s instead of 56 s (docs/reliability.md, "Test cost"). What the jobs compute does not depend on either.
 */
public final class ShortLivedJvm {

    /** The options, for a java command line. */
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private ShortLivedJvm() {}

    /** The options as one string: a value of spark.executor.extraJavaOptions or of GENRELAKE_JAVA_OPTS. */
    public static String javaOptions() {
        return String.join(" ", OPTIONS);
    }
}
