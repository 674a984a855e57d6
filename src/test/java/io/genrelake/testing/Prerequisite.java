package io.genrelake.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when something it needs is absent from the machine (the reference data in ../shared, Jupyter,
 * bash, the project root as working directory, the build's class-path file): on a developer's or user's machine it
 * skips (a JUnit assumption, reported as skipped, with the reason); under CI ({@value #CI_VARIABLE}{@code =true},
 * which CI services set), where everything is provided, it fails, so a CI run cannot pass by skipping.
 */
public final class Prerequisite {

    /** The environment variable CI services set to {@code true}. */
    public static final String CI_VARIABLE = "CI";

    /** The two ways a test can react to a missing prerequisite. */
    public enum WhenAbsent { SKIP, FAIL }

    private Prerequisite() {}

    /** FAIL when {@code env} has {@value #CI_VARIABLE}{@code =true} (any case), else SKIP. */
    public static WhenAbsent whenAbsent(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault(CI_VARIABLE, "").strip()) ? WhenAbsent.FAIL : WhenAbsent.SKIP;
    }

    /** Returns when {@code present}; otherwise skips the calling test, or fails it under CI, saying {@code missing}. */
    public static void require(boolean present, String missing) {
        require(present, missing, System.getenv());
    }

    /** {@link #require(boolean, String)} with the environment given, so tests can check both ways. */
    public static void require(boolean present, String missing, Map<String, String> env) {
        if (present) {
            return;
        }
        switch (whenAbsent(env)) {
            case FAIL -> fail(missing + " (" + CI_VARIABLE + "=true: under CI a missing prerequisite fails the test)");
            case SKIP -> Assumptions.abort(missing + ": skipping (under " + CI_VARIABLE + "=true this fails)");
        }
    }
}
