package io.genrelake.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.Prerequisite;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The checkout's scripts as the README runs them, against a build of their own.
 *
 * <p>The README's {@code ./mvnw -B -DskipTests package} is run once per Maven run (test JVMs side by side share
 * it), with
 * {@code -Dgenrelake.build.dir} pointing into this build's folder ({@code <build>/readme/build}; under the usual
 * {@code ./mvnw -B test} that is {@code target/readme/build}), so that it never writes into a build folder that
 * Maven or a person is using. {@code bin/genrelake}, {@code bin/bench} and {@code jobs/*.sh} are then run with
 * {@code GENRELAKE_BUILD_DIR} set to that folder (the scripts' way of choosing a build folder), so they use what
 * the package run built:
 * <ul>
 * <li>{@code jobs/*.sh} and {@code bin/bench}: the package and test-compile stamps are written around the
 * package run exactly as {@code bin/lib/ensure-built.sh} writes them around its own (stamped before Maven starts,
 * so a source edited meanwhile still counts as newer), because {@code package} builds what they need;
 * <li>{@code bin/genrelake}: its compile stamp is removed, so its first call takes the script's own "first use"
 * path and runs Maven's {@code compile} into the same folder (nothing left to compile: a few seconds), which
 * checks that the scripts build into {@code GENRELAKE_BUILD_DIR}.
 * </ul>
 */
final class ReadmeBuild {

    static final String PACKAGE_COMMAND = "./mvnw -B -DskipTests package";

    private static ReadmeBuild instance;
    private static AssertionError failure; // a failed package run is not repeated by every test

    final Path root;
    final Path dir;
    final Path log;
    final double packageSeconds;

    private ReadmeBuild(Path root, Path dir, Path log, double packageSeconds) {
        this.root = root;
        this.dir = dir;
        this.log = log;
        this.packageSeconds = packageSeconds;
    }

    /** The project root: surefire runs the tests there. Skips the calling test elsewhere. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath();
        Prerequisite.require(Files.exists(root.resolve("pom.xml")) && Files.exists(root.resolve("bin/genrelake"))
                && Files.exists(root.resolve("README.md")),
                "the README commands need the project root as working directory");
        return root;
    }

    /** The folder this test run builds into ({@code target/}, or {@code -Dgenrelake.build.dir}). */
    static Path outerBuildDir() {
        try {
            return Path.of(ReadmeBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the README's package command once (later calls return the same build, or fail the same way). */
    static synchronized ReadmeBuild get() throws Exception {
        if (instance != null) {
            return instance;
        }
        if (failure != null) {
            throw failure;
        }
        Path root = root();
        Prerequisite.require(Files.isExecutable(Path.of("/bin/bash")), "the README commands need /bin/bash");
        Path dir = Files.createDirectories(outerBuildDir().resolve("readme/build"));
        Path logs = Files.createDirectories(outerBuildDir().resolve("readme/logs"));
        Path log = logs.resolve("package.log");
        // Surefire may run several test JVMs side by side (the pom's genrelake.test.forks): they build one at a
        // time, and a JVM of the same Maven run (genrelake.test.run) takes the build another one finished. A
        // second package run would rewrite the job jar under a cluster that is reading it.
        String run = System.getProperty("genrelake.test.run", "");
        Path built = dir.resolve(".readme-build.run");
        try (FileChannel lockFile = FileChannel.open(dir.resolveSibling("build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lockFile.lock()) {
            if (!run.isEmpty() && Files.isRegularFile(built)) {
                List<String> lines = Files.readAllLines(built);
                if (lines.size() == 2 && lines.get(0).equals(run)) {
                    System.out.printf("ReadmeBuild: %s's build from another test JVM of this run, in %s%n",
                            PACKAGE_COMMAND, dir);
                    instance = new ReadmeBuild(root, dir, log, Double.parseDouble(lines.get(1)));
                    return instance;
                }
            }
            Files.deleteIfExists(built);
            Files.deleteIfExists(dir.resolve(".genrelake-compile.stamp"));
            Path packagePending = touch(dir.resolve(".genrelake-package.stamp.pending"));
            Path testCompilePending = touch(dir.resolve(".genrelake-test-compile.stamp.pending"));
            long start = System.nanoTime();
            Result r = run(root, PACKAGE_COMMAND + " -Dgenrelake.build.dir=" + dir, root, Map.of(),
                    Duration.ofMinutes(10), log);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.exit() != 0) {
                failure = new AssertionError(PACKAGE_COMMAND + " failed (log: " + log + "):\n" + r.tail());
                throw failure;
            }
            Files.move(packagePending, dir.resolve(".genrelake-package.stamp"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(testCompilePending, dir.resolve(".genrelake-test-compile.stamp"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (!run.isEmpty()) {
                Files.writeString(built, run + "\n" + seconds + "\n");
            }
            System.out.printf("ReadmeBuild: %s into %s in %.0f s%n", PACKAGE_COMMAND, dir, seconds);
            instance = new ReadmeBuild(root, dir, log, seconds);
            return instance;
        }
    }

    private static Path touch(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file);
    }

    /** target/genrelake-VERSION-job.jar of this build. */
    Path jobJar() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("genrelake-.*-job\\.jar")).toList();
            assertEquals(1, jars.size(), "one job jar in " + dir + ": " + jars);
            return jars.get(0);
        }
    }

    List<String> runtimeClassPath() throws IOException {
        return List.of(Files.readString(dir.resolve("runtime-classpath.txt")).strip().split(java.io.File.pathSeparator));
    }

    /** Runs {@code command} as a README reader would, in {@code cwd}, with the scripts pointed at this build. */
    Result script(String command, Path cwd, Map<String, String> env, Duration timeout, Path log) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("GENRELAKE_BUILD_DIR", dir.toString());
        return run(root, command, cwd, all, timeout, log);
    }

    /**
     * {@code bash -c command} in {@code cwd}: this JVM's JDK as JAVA_HOME, none of the variables that would
     * change what the scripts do (GENRELAKE_*, SPARK_HOME, SPARK_CONF_DIR) unless given in {@code env}.
     * Stdout goes to {@code log}, stderr to {@code log}.err.
     */
    static Result run(Path root, String command, Path cwd, Map<String, String> env, Duration timeout, Path log)
            throws Exception {
        Files.createDirectories(log.getParent());
        Path err = log.resolveSibling(log.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", command).directory(cwd.toFile())
                .redirectOutput(log.toFile()).redirectError(err.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("GENRELAKE_") || k.equals("SPARK_HOME") || k.equals("SPARK_CONF_DIR")
                || k.startsWith("AWS_"));
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Result r = new Result(command, done ? p.exitValue() : -1, Files.readString(log), Files.readString(err), seconds, log);
        System.out.printf("ran in %.1f s, exit %d: %s%n", seconds, r.exit(), command);
        assertTrue(done, command + " did not finish in " + timeout.toMinutes() + " min:\n" + r.tail());
        return r;
    }

    /** What a command did: exit code, stdout, stderr, wall time. */
    record Result(String command, int exit, String out, String err, double seconds, Path log) {

        /** For assertion messages: the command and the ends of its output. */
        String tail() {
            return "$ " + command + "\nexit " + exit + "\n--- stdout (" + log + ")\n" + last(out) + "\n--- stderr\n"
                    + last(err);
        }

        private static String last(String s) {
            return s.length() > 6000 ? "[...]" + s.substring(s.length() - 6000) : s;
        }
    }
}
