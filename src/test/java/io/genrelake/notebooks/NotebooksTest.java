package io.genrelake.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genrelake.testing.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every {@code notebooks/*.ipynb} headless, as {@code jupyter nbconvert --execute} does for a person,
 * and fails on any cell error. The executed copies, outputs and plots included, land in
 * {@code target/notebooks/}, each with the log of its run beside it.
 *
 * <p>The kernel is rapaio-jupyter-kernel (Maven Central) on the JDK running this test, started by
 * {@code notebooks/kernel/GenreLakeKernel.java} with {@code target/classes} and the test class path (Spark
 * included) on its class path. The kernel spec is written under {@code target/notebooks/jupyter}, never
 * into the user's home.
 *
 * <p>Without Jupyter's nbconvert or the kernel jar the test is skipped with the command that installs
 * them; under CI ({@code CI=true}), where {@code .ci/run} installs both, it fails instead ({@link Prerequisite}).
 */
class NotebooksTest {

    /** Keep in step with the version .ci/run fetches. */
    static final String KERNEL_VERSION = "3.0.1";
    static final String KERNEL_NAME = "genrelake-java";
    static final Duration NOTEBOOK_TIMEOUT = Duration.ofMinutes(6);
    static final Duration KERNEL_START_TIMEOUT = Duration.ofSeconds(60);
    /** What nbconvert prints when the kernel never answered its first request, or exited before it did. */
    static final List<String> KERNEL_DID_NOT_START = List.of("Kernel didn't respond", "Kernel died before replying");
    /** Starts of the kernel after the first when it did not start (see {@link #execute}). */
    static final int KERNEL_RESTARTS = 1;
    static final String INSTALL_HINT = "apt-get install --no-install-recommends jupyter-nbconvert"
            + " && ./mvnw dependency:get -Dtransitive=false -Dartifact=io.github.padreati:rapaio-jupyter-kernel:"
            + KERNEL_VERSION;

    private final Path root = Path.of("").toAbsolutePath(); // surefire runs in the project root

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsWithoutCellErrors() throws IOException, InterruptedException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(root.resolve("notebooks"))) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + root.resolve("notebooks"));

        Path kernelJar = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "github", "padreati",
                "rapaio-jupyter-kernel", KERNEL_VERSION, "rapaio-jupyter-kernel-" + KERNEL_VERSION + ".jar");
        String missing = !nbconvertWorks() ? "jupyter nbconvert is not installed"
                : !Files.isRegularFile(kernelJar) ? "the Java kernel is not in the local Maven repository ("
                        + kernelJar + ")"
                : null;
        if (missing != null) {
            String message = missing + ": notebooks not executed (.ci/run installs both). To run them: " + INSTALL_HINT;
            System.out.println("NotebooksTest: " + message);
            return Stream.of(DynamicTest.dynamicTest("notebooks", () -> Prerequisite.require(false, message)));
        }

        Path build = buildDirectory();
        Path out = Files.createDirectories(build.resolve("notebooks"));
        writeKernelSpec(out.resolve("jupyter/kernels/" + KERNEL_NAME), kernelJar, build);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> execute(nb, out)));
    }

    private void execute(Path notebook, Path out) throws IOException, InterruptedException {
        String name = notebook.getFileName().toString();
        Path log = out.resolve(name.replace(".ipynb", ".log"));
        long start = System.nanoTime();
        int exit = nbconvert(notebook, out, log);
        // GenreLakeKernel works around the start race that failed one kernel start in five (its class comment). One
        // more start stays for a cause not yet seen; the failed start's log is kept beside the notebook's.
        for (int retry = 1; retry <= KERNEL_RESTARTS && exit != 0 && didNotStart(Files.readString(log)); retry++) {
            Path failed = out.resolve(name.replace(".ipynb", ".start" + retry + ".log"));
            Files.move(log, failed, StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("%s: the kernel did not start (log: %s), starting it again (%d/%d)%n", name, failed,
                    retry, KERNEL_RESTARTS);
            exit = nbconvert(notebook, out, log);
        }
        if (exit != 0) {
            fail(name + " failed (log: " + log + "):\n" + cellError(Files.readString(log, StandardCharsets.UTF_8)));
        }
        System.out.printf("%s ran in %.0f s: %s%n", name, (System.nanoTime() - start) / 1e9, out.resolve(name));
    }

    static boolean didNotStart(String log) {
        return KERNEL_DID_NOT_START.stream().anyMatch(log::contains);
    }

    /** Runs one notebook into {@code out}; returns nbconvert's exit code. */
    private int nbconvert(Path notebook, Path out, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + KERNEL_NAME,
                "--ExecutePreprocessor.startup_timeout=" + KERNEL_START_TIMEOUT.toSeconds(),
                "--ExecutePreprocessor.timeout=" + NOTEBOOK_TIMEOUT.toSeconds(), // per cell
                "--output-dir", out.toString(), notebook.toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JUPYTER_PATH", out.resolve("jupyter").toString());
        env.put("JUPYTER_DATA_DIR", out.resolve("jupyter").toString());
        env.put("JUPYTER_CONFIG_DIR", out.resolve("jupyter/config").toString());
        env.put("JUPYTER_RUNTIME_DIR", out.resolve("jupyter/runtime").toString());
        String shared = System.getProperty("genrelake.shared"); // set by the pom: the notebooks read it too
        if (shared != null) {
            env.put("GENRELAKE_SHARED", shared);
        }
        Process process = pb.start();
        if (!process.waitFor(NOTEBOOK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // the kernel JVM
            process.destroyForcibly();
            fail(notebook.getFileName() + " did not finish in " + NOTEBOOK_TIMEOUT.toMinutes() + " min; see " + log);
        }
        return process.exitValue();
    }

    /** The part of nbconvert's output that names the failing cell and its error, without colour codes. */
    static String cellError(String log) {
        String plain = log.replaceAll("\u001B\\[[;\\d]*m", "");
        int at = plain.indexOf("An error occurred while executing the following cell");
        String excerpt = at >= 0 ? plain.substring(at) : plain.substring(Math.max(0, plain.length() - 4000));
        return excerpt.length() > 6000 ? excerpt.substring(0, 6000) + "\n[...]" : excerpt;
    }

    private static boolean nbconvertWorks() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("jupyter", "nbconvert", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no jupyter on PATH
        }
    }

    /** target/ (or wherever -Dgenrelake.build.dir points): the parent of the test classes. */
    private static Path buildDirectory() {
        try {
            Path testClasses = Path.of(NotebooksTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path build = testClasses.getParent();
            assertTrue(Files.isDirectory(build.resolve("classes")) && Files.isRegularFile(build.resolve("test-classpath.txt")),
                    "expected classes/ and test-classpath.txt (written by the build) in " + build);
            return build;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The kernel runs on this JDK with the JVM options Spark needs (the pom's spark.jvm.opens). Its class path
     * is the test class path, not runtime-classpath.txt: the latter lacks Netty's runtime-scoped jars, without
     * which a SparkSession cannot start.
     */
    private void writeKernelSpec(Path dir, Path kernelJar, Path build) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Xmx2g");
        argv.add("-Djava.awt.headless=true");
        argv.addAll(sparkJvmOpens());
        argv.add("-Dlog4j2.configurationFile=" + root.resolve("notebooks/kernel/log4j2.properties"));
        argv.add("-cp");
        argv.add(kernelJar.toString());
        argv.add(root.resolve("notebooks/kernel/GenreLakeKernel.java").toString());
        argv.add("{connection_file}");

        List<String> classPath = new ArrayList<>();
        classPath.add(build.resolve("classes").toUri().toString());
        for (String entry : Files.readString(build.resolve("test-classpath.txt")).strip().split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toString());
        }
        // One jar whose manifest lists them all: the kernel adds it in a moment, where 350 entries take ~15 s.
        Path classPathJar = dir.resolve("classpath.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        Files.createDirectories(dir);
        new JarOutputStream(Files.newOutputStream(classPathJar), manifest).close(); // the manifest is all it holds

        String spec = "{\n"
                + "  \"argv\": [" + argv.stream().map(NotebooksTest::json).collect(Collectors.joining(", ")) + "],\n"
                + "  \"display_name\": \"Java (genrelake)\",\n"
                + "  \"language\": \"java\",\n"
                + "  \"interrupt_mode\": \"message\",\n"
                + "  \"env\": {\n"
                + "    \"RJK_CLASSPATH\": " + json(classPathJar.toString()) + ",\n"
                + "    \"RJK_TIMEOUT_MILLIS\": \"-1\",\n"
                + "    \"SPARK_LOCAL_IP\": \"127.0.0.1\"\n"
                + "  }\n"
                + "}\n";
        Files.writeString(dir.resolve("kernel.json"), spec);
    }

    private List<String> sparkJvmOpens() throws IOException {
        Matcher m = Pattern.compile("<spark\\.jvm\\.opens>([^<]*)</spark\\.jvm\\.opens>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml has no spark.jvm.opens property");
        return List.of(m.group(1).strip().split("\\s+"));
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
