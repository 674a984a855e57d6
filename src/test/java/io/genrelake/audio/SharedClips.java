package io.genrelake.audio;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only reference data beside the project (../shared); tests that need it skip without it. */
final class SharedClips {

    private SharedClips() {}

    /** {@code relative} inside ../shared (or the folder in -Dgenrelake.shared); skips the test if absent. */
    static Path require(String relative) {
        String configured = System.getProperty("genrelake.shared");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared");
        Path path = root.resolve(relative).toAbsolutePath().normalize();
        assumeTrue(Files.exists(path), "../shared not present: skipping (" + path + ")");
        return path;
    }
}
