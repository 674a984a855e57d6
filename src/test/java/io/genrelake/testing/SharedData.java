package io.genrelake.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Locates the read-only reference data that sits beside the project ({@code ../shared}) on development
 * machines and in CI but not on users' machines, so tests that need it skip without it, except under CI
 * ({@code CI=true}), where its absence fails them ({@link Prerequisite}).
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

    /**
     * The path of {@code relative} (e.g. {@code "gtzan/features_30_sec.csv"}, or {@code "."} for the folder
     * itself) inside the shared folder. When it is absent the calling test is skipped, or under CI fails, with
     * a message naming the path ({@link Prerequisite#require}).
     */
    public static Path require(String relative) {
        return require(relative, System.getenv());
    }

    /** {@link #require(String)} with the environment given, so tests can check both ways. */
    static Path require(String relative, Map<String, String> env) {
        Path path = root().resolve(relative).normalize();
        Prerequisite.require(Files.exists(path), "the reference data " + path + " is missing (../shared beside the "
                + "project, or -D" + PROPERTY + ")", env);
        return path;
    }
}
