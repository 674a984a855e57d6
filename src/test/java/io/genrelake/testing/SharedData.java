package io.genrelake.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only reference data that sits beside the project ({@code ../shared}) on development
 * machines and in CI but not on users' machines, so tests that need it skip instead of failing.
 */
public final class SharedData {

    /** System property with the shared folder; surefire sets it to {@code ${project.basedir}/../shared}. */
    public static final String PROPERTY = "genrelake.shared";

    private SharedData() {}

    /** The shared folder: {@value #PROPERTY} if set, else {@code ../shared} from the working directory. */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        return (configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared"))
                .toAbsolutePath().normalize();
    }

    /** Whether {@code relative} (e.g. {@code "gtzan/features_30_sec.csv"}) exists in the shared folder. */
    public static boolean has(String relative) {
        return Files.exists(root().resolve(relative));
    }

    /**
     * The path of {@code relative} inside the shared folder; aborts the calling test (JUnit assumption,
     * reported as skipped) when it is absent.
     */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        assumeTrue(Files.exists(path), "../shared not present (" + path + "): skipping golden test");
        return path;
    }
}
