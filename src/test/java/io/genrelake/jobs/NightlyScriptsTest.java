package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.Prerequisite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaging around the nightly job: scripts that parse, the same JVM options as the pom, conf files that load. */
class NightlyScriptsTest {

    private static Path root() {
        Path root = Path.of("").toAbsolutePath();
        Prerequisite.require(Files.exists(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("jobs")),
                "the script checks need the project root as working directory");
        return root;
    }

    @Test
    void everyJobScriptIsValidBashAndSubmitsItsJobClass() throws Exception {
        for (String job : List.of("extract:ExtractJob", "train:TrainJob", "classify:ClassifyJob", "nightly:NightlyJob")) {
            Path script = root().resolve("jobs/" + job.split(":")[0] + ".sh");
            assertTrue(Files.isExecutable(script), script + " is executable");
            Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes());
            assertEquals(0, bash.waitFor(), script + ": " + out);
            assertTrue(Files.readString(script).contains("submit io.genrelake.jobs." + job.split(":")[1] + " "), script.toString());
        }
        Process bash = new ProcessBuilder("bash", "-n", root().resolve("jobs/submit.sh").toString()).start();
        assertEquals(0, bash.waitFor());
    }

    @Test
    void submitOpensTheSameJavaPackagesAsThePom() throws IOException {
        String pom = Files.readString(root().resolve("pom.xml"));
        Matcher m = Pattern.compile("<spark\\.jvm\\.opens>([^<]*)</spark\\.jvm\\.opens>").matcher(pom);
        assertTrue(m.find());
        List<String> fromScript = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(root().resolve("jobs/submit.sh"))) {
            String t = line.strip();
            if (t.equals("SPARK_JVM_OPENS=(")) {
                inside = true;
            } else if (inside && t.equals(")")) {
                inside = false;
            } else if (inside) {
                fromScript.add(t);
            }
        }
        assertEquals(Arrays.asList(m.group(1).trim().split("\\s+")), fromScript);
    }

    @Test
    void theSchedulesRunTheNightlyScriptWithTheNightlyConf() throws IOException {
        String cron = Files.readString(root().resolve("jobs/nightly.crontab"));
        String dag = Files.readString(root().resolve("jobs/genrelake_nightly_dag.py"));
        for (String s : List.of(cron, dag)) {
            assertTrue(s.contains("jobs/nightly.sh") && s.contains("--conf conf/nightly.conf") && s.contains("--run-date"), s);
        }
        assertTrue(dag.contains("max_active_runs=1"), "one run at a time owns the state");
        assertTrue(cron.contains("flock"), "one run at a time owns the state");
    }

    @Test
    void theNightlyConfFillsEveryRequiredOption() throws IOException {
        NightlyOptions options = new NightlyOptions().confFile(root().resolve("conf/nightly.conf"));
        options.resolve();
        assertEquals(List.of("s3a://music/library"), options.inputs());
        assertTrue(options.state().startsWith("s3a://"));
        for (String env : List.of("standalone", "yarn", "kubernetes", "classify")) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(root().resolve("conf/" + env + ".properties"))) {
                p.load(in);
            }
            for (String key : p.stringPropertyNames()) {
                assertTrue(key.startsWith("spark."), env + ": spark-submit takes only spark.* keys, not " + key);
            }
        }
    }
}
