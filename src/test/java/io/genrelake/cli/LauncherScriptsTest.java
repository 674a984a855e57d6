package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Guards the shell scripts against drifting from the pom and against syntax errors. */
class LauncherScriptsTest {

    /** Surefire runs tests in the project root. */
    private static Path root() {
        Path root = Path.of("").toAbsolutePath();
        assumeTrue(Files.exists(root.resolve("pom.xml")) && Files.exists(root.resolve("bin/genrelake")),
                "not running from the project root: skipping script checks");
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
        assumeTrue(Files.isExecutable(bash), "no /bin/bash to check syntax with");
        Process p = new ProcessBuilder(bash.toString(), "-n", file.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), script + ": " + output);
    }
}
