package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genrelake.testing.Prerequisite;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guards the shell scripts against drifting from the pom and against syntax errors. */
class LauncherScriptsTest {

    /** Surefire runs tests in the project root. */
    private static Path root() {
        Path root = Path.of("").toAbsolutePath();
        Prerequisite.require(Files.exists(root.resolve("pom.xml")) && Files.exists(root.resolve("bin/genrelake")),
                "the script checks need the project root as working directory");
        return root;
    }

    @Test
    void genrelakeOpensTheSameJavaPackagesAsThePom() throws IOException {
        String pom = Files.readString(root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<spark\\.jvm\\.opens>([^<]*)</spark\\.jvm\\.opens>").matcher(pom);
        assertTrue(m.find(), "pom.xml has no spark.jvm.opens property");
        List<String> fromPom = Arrays.asList(m.group(1).trim().split("\\s+"));

        List<String> fromScript = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(root().resolve("bin/genrelake"))) {
            String t = line.strip();
            if (t.equals("SPARK_JVM_OPENS=(")) {
                inside = true;
            } else if (inside && t.equals(")")) {
                inside = false;
            } else if (inside) {
                fromScript.add(t);
            }
        }
        assertEquals(fromPom, fromScript, "bin/genrelake SPARK_JVM_OPENS must match pom.xml spark.jvm.opens");
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        List<String> lines = Files.readAllLines(root().resolve(".ci/run"));
        assertTrue(lines.contains("./mvnw -B test"), lines.toString());
        assertTrue(lines.contains("set -euo pipefail"), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bin/genrelake", "bin/bench", ".ci/run", "mvnw"})
    void scriptsAreExecutableBashWithValidSyntax(String script) throws IOException, InterruptedException {
        Path file = root().resolve(script);
        assertTrue(Files.isExecutable(file), script + " is not executable");
        assertTrue(Files.readAllLines(file).get(0).startsWith("#!"), script + " has no #! line");
        Path bash = Path.of("/bin/bash");
        Prerequisite.require(Files.isExecutable(bash), "the syntax check needs /bin/bash");
        Process p = new ProcessBuilder(bash.toString(), "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + ": " + output);
    }

    /**
     * A fresh checkout builds on its first {@code bin/genrelake} call and never again while its sources stay as
     * they are: exactly one "building genrelake" line over two calls. (The script once also required the test
     * class path, which its {@code compile} never writes, so every call rebuilt until the tests had been compiled.)
     * The copy builds with Maven's {@code compile} against the same local repository: 25 s on an idle 2-core machine,
     * up to 2 min on a loaded one. Then {@code identify} twice: the first call makes the AppCDS archive, the second
     * uses it, and neither builds.
     */
    @Test
    void aFreshCheckoutBuildsOnceThenStartsWithoutMaven(@TempDir Path tmp) throws IOException, InterruptedException {
        Path clone = copyWorkingTree(root(), tmp.resolve("clone"));
        Path first = run(clone, tmp.resolve("first"), "bin/genrelake", "--version");
        Path second = run(clone, tmp.resolve("second"), "bin/genrelake", "--version");

        String err1 = Files.readString(first.resolveSibling("first.err"), StandardCharsets.UTF_8);
        String err2 = Files.readString(second.resolveSibling("second.err"), StandardCharsets.UTF_8);
        assertEquals("genrelake dev", Files.readString(first).strip(), err1);
        assertEquals("genrelake dev", Files.readString(second).strip(), err2);
        long builds = Stream.of(err1, err2).flatMap(String::lines).filter(l -> l.contains("building genrelake")).count();
        assertEquals(1, builds, "stderr of the first call:\n" + err1 + "\nof the second:\n" + err2);
        assertTrue(err1.contains("building genrelake (first use)"), err1);

        // identify: the first call makes the start-up archive (once per build), the next uses it; neither builds
        Path third = run(clone, tmp.resolve("third"), "bin/genrelake", "identify", "data-sample/rock/rock.00000.wav");
        Path fourth = run(clone, tmp.resolve("fourth"), "bin/genrelake", "identify", "data-sample/rock/rock.00000.wav");
        String err3 = Files.readString(third.resolveSibling("third.err"), StandardCharsets.UTF_8);
        String err4 = Files.readString(fourth.resolveSibling("fourth.err"), StandardCharsets.UTF_8);
        assertTrue(err3.contains("preparing the start-up archive") && !err3.contains("building"), err3);
        assertTrue(!err4.contains("preparing") && !err4.contains("building"), err4);
        assertTrue(Files.isRegularFile(clone.resolve("target/identify.jsa")), "the archive is kept in target/");
        assertEquals(Files.readString(third), Files.readString(fourth), "the same answer with the archive");
        assertTrue(Files.readString(fourth).contains("data-sample/rock/rock.00000.wav"), Files.readString(fourth));
    }

    /**
     * What a fresh clone would hold, uncommitted edits included: the files git tracks or would track (no target/,
     * nothing ignored), or, outside a git checkout, everything but build folders and {@code .git}.
     */
    private static Path copyWorkingTree(Path root, Path to) throws IOException, InterruptedException {
        List<Path> files = new ArrayList<>();
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String listed = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (git.waitFor() == 0 && !listed.isEmpty()) {
            for (String name : listed.split("\0")) {
                files.add(Path.of(name));
            }
        } else {
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(Files::isRegularFile).map(root::relativize)
                        .filter(p -> !p.getName(0).toString().startsWith("target") && !p.getName(0).toString().equals(".git"))
                        .forEach(files::add);
            }
        }
        for (Path file : files) {
            Path source = root.resolve(file);
            if (Files.isRegularFile(source)) { // a tracked file deleted meanwhile is not in the working tree
                Path target = to.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES); // keeps the scripts executable
            }
        }
        return to;
    }

    /**
     * Runs a script in {@code cwd} with this JVM's JDK and none of the GENRELAKE_ variables; stdout goes to
     * {@code log}, stderr to {@code log}.err. Returns {@code log} after checking the exit code.
     */
    private static Path run(Path cwd, Path log, String... command) throws IOException, InterruptedException {
        Path err = log.resolveSibling(log.getFileName() + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile())
                .redirectOutput(log.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GENRELAKE_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("PATH", System.getProperty("java.home") + File.separator + "bin" + File.pathSeparator + env.get("PATH"));
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish in 10 min:\n" + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + Files.readString(err));
        return log;
    }
}
