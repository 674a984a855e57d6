package io.genrelake.readme;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.genrelake.testing.Prerequisite;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command written in README.md and notebooks/README.md is run by a test or by CI (the issue tracker's
 * rule for the README). {@link #COVERAGE} says for each command how: run here or in {@link ReadmeClusterTest}
 * (with the substitutions named in the entry), or run by CI or another test, in a file that this test checks
 * really holds the command. {@link #everyReadmeCommandIsCovered} fails for a README command without an entry,
 * and for an entry whose command is no longer in a README.
 *
 * <p>The commands run here use the scripts of this checkout on a build of their own ({@link ReadmeBuild}: the
 * README's package command into {@code <build>/readme/build}); their output is in {@code <build>/readme/logs}.
 * Commands that start Spark get SPARK_LOCAL_IP=127.0.0.1 in their environment, as every Spark test here binds
 * to the loopback address.
 */
class ReadmeCommandsTest {

    /** The Markdown files whose commands must be covered. */
    static final List<String> READMES = List.of("README.md", "notebooks/README.md");

    // Commands run by ReadmeClusterTest, as the README writes them.
    static final String EXTRACT_ON_CLUSTER = "jobs/extract.sh --master spark://host:7077 --properties-file "
            + "conf/standalone.properties -- --input s3a://music/library --output s3a://music/features";
    static final String TRAIN_ON_CLUSTER = "jobs/train.sh --master spark://host:7077 -- --features s3a://music/features "
            + "--output s3a://music/models/v1";
    static final String CLASSIFY_ON_CLUSTER = "jobs/classify.sh --master spark://host:7077 -- --features "
            + "s3a://music/features --model s3a://music/models/v1 --output s3a://music/genres";
    static final String KERNEL_FETCH =
            "./mvnw dependency:get -Dtransitive=false -Dartifact=io.github.padreati:rapaio-jupyter-kernel:3.0.1";
    static final String NIGHTLY_ON_CLUSTER = "jobs/nightly.sh --properties-file conf/standalone.properties -- --conf "
            + "conf/nightly.conf";

    static final String DEMO = "bin/genrelake demo";
    static final String JOB_HELP = "bin/genrelake <job> --help";
    static final String MAKE_SAMPLE_DATA = "bin/genrelake make-sample-data";
    static final String FIDELITY = "bin/genrelake fidelity --shared ../shared";
    static final String JAVA_OPTS = "GENRELAKE_JAVA_OPTS=-Xmx4g bin/genrelake …";
    static final String BENCH_LIST = "bin/bench -l";
    static final String VECTOR_MODULE = "java --list-modules | grep incubator.vector";

    /** How each README command is covered. */
    static final List<Coverage> COVERAGE = List.of(
            Coverage.here(DEMO, "ReadmeCommandsTest#demo",
                    "run in a scratch folder holding links to bin/ and data-sample/ (the demo writes genrelake-demo/ "
                            + "into the current folder); the genre table it prints and the files it names are checked"),
            Coverage.elsewhere("./mvnw -B test", "CI: .ci/run runs it (LauncherScriptsTest checks that too)",
                    new Evidence(".ci/run", "./mvnw -B test")),
            Coverage.here(MAKE_SAMPLE_DATA, "ReadmeCommandsTest#makeSampleDataWritesDataSampleByteForByte",
                    "run in an empty scratch folder (holding a link to bin/); what it writes must equal data-sample/ "
                            + "byte for byte, file for file"),
            Coverage.here(JOB_HELP, "ReadmeCommandsTest#everyJobOfTheTableDocumentsItsOptions",
                    "run for every job of the README's job table; the help must name the table's main options"),
            Coverage.here(FIDELITY, "ReadmeCommandsTest#fidelity",
                    "run from the project root with --output TEMP appended (without it, it rewrites docs/fidelity.md); "
                            + "skipped when ../shared is absent"),
            Coverage.here(ReadmeBuild.PACKAGE_COMMAND, "ReadmeCommandsTest#packageBuildsTheJobJar",
                    "run with -Dgenrelake.build.dir=<build>/readme/build appended; the job jar's contents are checked. "
                            + "The jobs/*.sh commands of ReadmeClusterTest use that jar"),
            Coverage.here(EXTRACT_ON_CLUSTER, "ReadmeClusterTest#theReadmeJobsRunOnAStandaloneClusterWithS3",
                    ReadmeClusterTest.SUBSTITUTIONS),
            Coverage.here(TRAIN_ON_CLUSTER, "ReadmeClusterTest#theReadmeJobsRunOnAStandaloneClusterWithS3",
                    ReadmeClusterTest.SUBSTITUTIONS + "; " + ReadmeClusterTest.TRAIN_SIZE_NOTE),
            Coverage.here(CLASSIFY_ON_CLUSTER, "ReadmeClusterTest#theReadmeJobsRunOnAStandaloneClusterWithS3",
                    ReadmeClusterTest.SUBSTITUTIONS),
            Coverage.here(NIGHTLY_ON_CLUSTER, "ReadmeClusterTest#theReadmeJobsRunOnAStandaloneClusterWithS3",
                    ReadmeClusterTest.SUBSTITUTIONS + "; conf/nightly.conf as it is, after the test copies "
                            + "s3a://music/models/v1 to s3a://music/models/current (the model the file names); then "
                            + "once more with --run-date the next day, after a file was added, one changed and one "
                            + "deleted in the bucket"),
            Coverage.here(JAVA_OPTS, "ReadmeCommandsTest#javaOptionsReachTheJvm",
                    "run with … = --version, then with -Xlog:gc+init added to see the JVM's 4 GB heap"),
            Coverage.here(VECTOR_MODULE, "ReadmeCommandsTest#theVectorApiModuleChangesNoFeature",
                    "run with the build's JDK, which has the module: it prints jdk.incubator.vector@…"),
            Coverage.here(BENCH_LIST, "ReadmeCommandsTest#benchListsTheBenchmarks",
                    "run from the project root; every @Benchmark class of src/test/java/io/genrelake/bench must be listed"),
            // one file: identify, serve, the default model
            Coverage.notRun("bin/genrelake identify song.mp3",
                    "song.mp3 stands for the reader's file; IdentifyCommandTest runs the command in-process on clips it "
                            + "writes, and docs/benchmarks.md's start-up figures come from bin/genrelake identify on a "
                            + "shared MP3"),
            Coverage.notRun("bin/genrelake serve",
                    "serves until stopped; IdentifyServerTest and ServeBrowserTest start the same server (ServeCommand's "
                            + "IdentifyServer) on a free port"),
            Coverage.notRun("curl -F file=@song.mp3 http://127.0.0.1:8080/identify",
                    "needs the server above; IdentifyServerTest posts the same multipart form to POST /identify"),
            Coverage.notRun("bin/train-default-model",
                    "two minutes of Spark training that rewrites models/default; DefaultModelTest checks that the shipped "
                            + "card's test accuracy is what the shipped model scores on the split it names"),
            Coverage.notRun("./mvnw -B test -Dtest=ServeBrowserTest -Dgenrelake.screenshot=docs/serve.png",
                    "rewrites docs/serve.png; CI runs ServeBrowserTest (without the screenshot) with the whole suite"),
            Coverage.elsewhere("./mvnw -B test -Dtest=NightlyJobTest -Dsurefire.failIfNoSpecifiedTests=false",
                    "CI: NightlyJobTest is one class of the suite that .ci/run runs whole with ./mvnw -B test",
                    new Evidence(".ci/run", "./mvnw -B test"),
                    new Evidence("src/test/java/io/genrelake/jobs/NightlyJobTest.java", "class NightlyJobTest")),
            // notebooks/README.md
            Coverage.elsewhere("./mvnw -B test -Dtest=NotebooksTest",
                    "CI: NotebooksTest is one class of the suite that .ci/run runs whole with ./mvnw -B test",
                    new Evidence(".ci/run", "./mvnw -B test"),
                    new Evidence("src/test/java/io/genrelake/notebooks/NotebooksTest.java", "class NotebooksTest")),
            Coverage.elsewhere("apt-get install --no-install-recommends jupyter-nbconvert",
                    "CI: .ci/run runs it (with sudo when not root, -y -q) when nbconvert is missing",
                    new Evidence(".ci/run", "PACKAGES+=(jupyter-nbconvert);"),
                    new Evidence(".ci/run", "apt-get install --no-install-recommends")),
            Coverage.elsewhere(KERNEL_FETCH, "CI: .ci/run runs it (with -B -q)", new Evidence(".ci/run", KERNEL_FETCH)),
            Coverage.notRun("apt-get install jupyter-notebook",
                    "installs Jupyter's notebook server for a person working interactively; neither the suite nor CI "
                            + "needs it"),
            Coverage.notRun("JUPYTER_PATH=target/notebooks/jupyter jupyter notebook notebooks/",
                    "starts an interactive notebook server; the folder it names is where NotebooksTest writes the "
                            + "kernel spec",
                    new Evidence("src/test/java/io/genrelake/notebooks/NotebooksTest.java",
                            "env.put(\"JUPYTER_PATH\", out.resolve(\"jupyter\").toString());")));

    // ------------------------------------------------------------------------------------------------------
    // The guard

    @Test
    void everyReadmeCommandIsCovered() throws IOException {
        Path root = ReadmeBuild.root();
        Map<String, String> commands = readmeCommands(root);
        assertTrue(commands.containsKey(DEMO) && commands.containsKey(ReadmeBuild.PACKAGE_COMMAND),
                "the parser finds the README's commands: " + commands.keySet());
        List<String> problems = problems(root, commands, COVERAGE);
        if (!problems.isEmpty()) {
            fail(problems.size() + " README coverage problem(s):\n  " + String.join("\n  ", problems));
        }
        System.out.println("README commands and their coverage:");
        for (Coverage c : COVERAGE) {
            System.out.printf("  [%s] %s%n      %s: %s%n", c.kind(), c.command(), c.where(), c.how());
        }
    }

    @Test
    void aCommandWithoutCoverageFailsTheGuard() throws IOException {
        Path root = ReadmeBuild.root();
        Map<String, String> commands = new LinkedHashMap<>(readmeCommands(root));
        commands.put("bin/genrelake frobnicate --all", "README.md");
        List<String> problems = problems(root, commands, COVERAGE);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("README.md: `bin/genrelake frobnicate --all` is not covered"), problems.get(0));

        // an entry naming a file that lacks its command, or a test that does not exist, is a problem too
        List<Coverage> wrong = new ArrayList<>(COVERAGE);
        wrong.set(1, Coverage.elsewhere("./mvnw -B test", "CI", new Evidence("jobs/nightly.sh", "./mvnw -B test")));
        wrong.set(2, Coverage.here(MAKE_SAMPLE_DATA, "ReadmeCommandsTest#noSuchTest", ""));
        List<String> wrongProblems = problems(root, readmeCommands(root), wrong);
        assertEquals(2, wrongProblems.size(), wrongProblems.toString());
        assertTrue(wrongProblems.get(0).contains("jobs/nightly.sh has no line running `./mvnw -B test`"), wrongProblems.get(0));
        assertTrue(wrongProblems.get(1).contains("no @Test method noSuchTest"), wrongProblems.get(1));
    }

    @Test
    void theParserFindsCommandsInShellBlocksAndCodeSpans() {
        List<String> md = List.of(
                "Run `bin/genrelake demo` or `./mvnw -B -q verify`; the `bin/genrelake` command, `jobs/*.sh`,",
                "`conf/local.properties`, `-Dx=/tmp`, `$SPARK_HOME/bin/spark-submit` and `genrelake show` are names.",
                "A span across lines: `GENRELAKE_JAVA_OPTS=-Xmx1g",
                "bin/genrelake show x`.",
                "",
                "| a | b |",
                "|---|---|",
                "| `bin/genrelake show --format table\\|csv` | `jobs/train.sh -- --help` |",
                "",
                "```bash",
                "# a comment",
                "jobs/extract.sh --master local[2] -- \\",
                "      --input in --output 'out # not a comment'   # a comment",
                "",
                "apt-get install x",
                "```",
                "```text",
                "not/a command",
                "```",
                "```",
                "bin/genrelake show y   # a fence without a language: its lines that are commands",
                "some output",
                "```");
        assertEquals(List.of("bin/genrelake demo", "./mvnw -B -q verify", "GENRELAKE_JAVA_OPTS=-Xmx1g bin/genrelake show x",
                "bin/genrelake show --format table|csv", "jobs/train.sh -- --help",
                "jobs/extract.sh --master local[2] -- --input in --output 'out # not a comment'", "apt-get install x",
                "bin/genrelake show y"), ReadmeCommands.parse(md));
    }

    @Test
    void theClusterTestSetsPropertiesWhereTheFileHasThem() {
        Map<String, String> set = new LinkedHashMap<>();
        set.put("a", "9");
        set.put("b", "8");
        set.put("d", "7");
        assertEquals("# ReadmeClusterTest: a=1\na=9\n# ReadmeClusterTest: #b=2\nb=8\n# c: a comment\nkeep=3\n"
                + "# added by ReadmeClusterTest\nd=7\n",
                ReadmeClusterTest.withSettings("a=1\n#b=2\n# c: a comment\nkeep=3\n", set));
    }

    /** README commands → the README they are in (the first, for one written in both). */
    static Map<String, String> readmeCommands(Path root) throws IOException {
        Map<String, String> commands = new LinkedHashMap<>();
        for (String readme : READMES) {
            Path md = root.resolve(readme);
            if (Files.exists(md)) {
                for (String c : ReadmeCommands.of(md)) {
                    commands.putIfAbsent(c, readme);
                }
            }
        }
        return commands;
    }

    /** The README command {@code command}, failing when no README has it any more. */
    static String readmeCommand(String command) throws IOException {
        Map<String, String> commands = readmeCommands(ReadmeBuild.root());
        assertTrue(commands.containsKey(command), "no README has the command `" + command + "` any more: update "
                + "ReadmeCommandsTest.COVERAGE and the test that runs it. README commands: " + commands.keySet());
        return command;
    }

    static List<String> problems(Path root, Map<String, String> commands, List<Coverage> coverage) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Coverage> byCommand = new LinkedHashMap<>();
        for (Coverage c : coverage) {
            if (byCommand.put(c.command(), c) != null) {
                problems.add("`" + c.command() + "` has two COVERAGE entries");
            }
        }
        for (Map.Entry<String, String> e : commands.entrySet()) {
            if (!byCommand.containsKey(e.getKey())) {
                problems.add(e.getValue() + ": `" + e.getKey() + "` is not covered: run it in a test and add an entry "
                        + "to ReadmeCommandsTest.COVERAGE naming that test (or name the CI file or test that runs it)");
            }
        }
        for (Coverage c : coverage) {
            if (!commands.containsKey(c.command())) {
                problems.add("COVERAGE names `" + c.command() + "`, which no README has (any more)");
                continue;
            }
            if (c.kind() == Kind.HERE) {
                String[] at = c.where().split("#");
                Class<?> test;
                try {
                    test = Class.forName(ReadmeCommandsTest.class.getPackageName() + "." + at[0]);
                } catch (ClassNotFoundException ex) {
                    problems.add("`" + c.command() + "`: no test class " + at[0]);
                    continue;
                }
                boolean found = false;
                for (Method m : test.getDeclaredMethods()) {
                    found |= m.getName().equals(at[1])
                            && (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(TestFactory.class));
                }
                if (!found) {
                    problems.add("`" + c.command() + "`: no @Test method " + at[1] + " in " + at[0]);
                }
            }
            for (Evidence ev : c.evidence()) {
                Path file = root.resolve(ev.file());
                if (!Files.isRegularFile(file) || !ev.foundIn(Files.readAllLines(file))) {
                    problems.add("`" + c.command() + "`: " + ev.file() + " has no line running `" + ev.command() + "`");
                }
            }
        }
        return problems;
    }

    enum Kind {
        /** Run by a test of this package. */
        HERE,
        /** Run by CI or another test, in a file that holds the command (checked). */
        ELSEWHERE,
        /** Not run, with the reason: for commands a person runs interactively. */
        NOT_RUN
    }

    /** One README command and how it is run. */
    record Coverage(String command, Kind kind, String where, String how, List<Evidence> evidence) {

        static Coverage here(String command, String testClassAndMethod, String how) {
            return new Coverage(command, Kind.HERE, testClassAndMethod, how, List.of());
        }

        static Coverage elsewhere(String command, String how, Evidence... evidence) {
            if (evidence.length == 0) {
                throw new IllegalArgumentException("name the file that runs " + command);
            }
            return new Coverage(command, Kind.ELSEWHERE, Arrays.stream(evidence).map(Evidence::file)
                    .collect(Collectors.joining(", ")), how, List.of(evidence));
        }

        static Coverage notRun(String command, String why, Evidence... evidence) {
            return new Coverage(command, Kind.NOT_RUN, "not run", why, List.of(evidence));
        }
    }

    /**
     * A file that runs a command: one of its lines (continuations joined) holds the command's words in order,
     * possibly with others between them (options such as -q, a sudo or env prefix).
     */
    record Evidence(String file, String command) {

        boolean foundIn(List<String> lines) {
            String[] wanted = ReadmeCommands.normalise(command).split(" ");
            StringBuilder logical = new StringBuilder();
            for (String line : lines) {
                if (line.stripTrailing().endsWith("\\")) {
                    String t = line.stripTrailing();
                    logical.append(t, 0, t.length() - 1).append(' ');
                    continue;
                }
                logical.append(line);
                String[] words = ReadmeCommands.normalise(logical.toString()).split(" ");
                logical.setLength(0);
                int i = 0;
                for (String w : words) {
                    if (i < wanted.length && w.equals(wanted[i])) {
                        i++;
                    }
                }
                if (i == wanted.length) {
                    return true;
                }
            }
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // The commands run here

    @Test
    void packageBuildsTheJobJar() throws Exception {
        readmeCommand(ReadmeBuild.PACKAGE_COMMAND);
        ReadmeBuild build = ReadmeBuild.get();
        Path jar = build.jobJar();
        Set<String> entries;
        try (JarFile j = new JarFile(jar.toFile())) {
            entries = j.stream().map(e -> e.getName()).collect(Collectors.toSet());
        }
        // our code and our own dependencies ...
        for (String expected : List.of("io/genrelake/jobs/NightlyJob.class", "io/genrelake/cli/GenreLake.class",
                "picocli/CommandLine.class", "org/apache/hadoop/fs/s3a/S3AFileSystem.class",
                "software/amazon/awssdk/services/s3/S3Client.class", "org/bytedeco/ffmpeg/global/avformat.class",
                "org/knowm/xchart/XYChart.class")) {
            assertTrue(entries.contains(expected), jar + " lacks " + expected);
        }
        // ... with Spark, Scala and the Hadoop client left to the cluster
        for (String absent : List.of("org/apache/spark/SparkContext.class", "scala/Option.class",
                "org/apache/hadoop/conf/Configuration.class", "org/apache/hadoop/fs/FileSystem.class")) {
            assertFalse(entries.contains(absent), jar + " holds " + absent);
        }
        assertTrue(jar.getFileName().toString().matches("genrelake-.+-job\\.jar"), jar.toString());
    }

    @Test
    void everyJobOfTheTableDocumentsItsOptions() throws Exception {
        String template = readmeCommand(JOB_HELP);
        ReadmeBuild build = ReadmeBuild.get();
        Map<String, List<String>> optionsByJob = jobTable(build.root.resolve("README.md"));
        assertTrue(optionsByJob.keySet().containsAll(List.of("features", "extract", "train", "classify", "nightly")),
                "the README's job table: " + optionsByJob);
        ensureCliBuilt(build);
        for (Map.Entry<String, List<String>> job : optionsByJob.entrySet()) {
            String command = template.replace("<job>", job.getKey());
            ReadmeBuild.Result r = build.script(command, build.root, Map.of(), Duration.ofMinutes(2),
                    logs().resolve("help-" + job.getKey() + ".log"));
            assertEquals(0, r.exit(), r.tail());
            assertTrue(r.out().contains("Usage: genrelake " + job.getKey()), r.tail());
            for (String option : job.getValue()) {
                assertTrue(r.out().contains(option), command + " does not document " + option
                        + ", which the README's job table names:\n" + r.out());
            }
        }
    }

    /** The README's job table: each job of the first column → the --options of its "main options" column. */
    static Map<String, List<String>> jobTable(Path readme) throws IOException {
        Map<String, List<String>> jobs = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(readme)) {
            String t = line.strip();
            if (t.startsWith("| job |")) {
                inTable = true;
                continue;
            }
            if (!inTable || t.startsWith("|---")) {
                continue;
            }
            if (!t.startsWith("|")) {
                break;
            }
            String[] cells = t.replace("\\|", "/").split("\\|");
            List<String> options = new ArrayList<>();
            Matcher o = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(cells[cells.length - 1]);
            while (o.find()) {
                options.add(o.group());
            }
            Matcher name = Pattern.compile("`([^`]+)`").matcher(cells[1]);
            while (name.find()) {
                jobs.put(name.group(1), options);
            }
        }
        return jobs;
    }

    @Test
    void makeSampleDataWritesDataSampleByteForByte() throws Exception {
        String command = readmeCommand(MAKE_SAMPLE_DATA);
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        Path work = workspace("make-sample-data", "bin");
        ReadmeBuild.Result r = build.script(command, work, Map.of(), Duration.ofMinutes(3),
                logs().resolve("make-sample-data.log"));
        assertEquals(0, r.exit(), r.tail());
        Path committed = build.root.resolve("data-sample");
        Path written = work.resolve("data-sample");
        TreeSet<String> committedFiles = files(committed);
        assertEquals(committedFiles, files(written), "the files " + command + " writes and those in data-sample/");
        assertEquals(16, committedFiles.size(), committedFiles.toString());
        for (String f : committedFiles) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(f)), Files.readAllBytes(written.resolve(f)),
                    "data-sample/" + f + " differs from what " + command + " writes");
        }
    }

    @Test
    void benchListsTheBenchmarks() throws Exception {
        String command = readmeCommand(BENCH_LIST);
        ReadmeBuild build = ReadmeBuild.get();
        ReadmeBuild.Result r = build.script(command, build.root, Map.of(), Duration.ofMinutes(3),
                logs().resolve("bench-list.log"));
        assertEquals(0, r.exit(), r.tail());
        List<String> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(build.root.resolve("src/test/java/io/genrelake/bench"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (Files.readString(f).contains("@Benchmark\n") || Files.readString(f).contains("@Benchmark ")) {
                    classes.add(f.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertFalse(classes.isEmpty(), "no @Benchmark classes found");
        assertTrue(r.out().contains("Benchmarks:"), r.tail());
        for (String c : classes) {
            assertTrue(r.out().contains("io.genrelake.bench." + c + "."), c + " is not listed:\n" + r.out());
        }
    }

    @Test
    void javaOptionsReachTheJvm() throws Exception {
        String command = readmeCommand(JAVA_OPTS);
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        // … stands for any subcommand and its options: --version is the quickest
        ReadmeBuild.Result r = build.script(command.replace("…", "--version"), build.root, Map.of(),
                Duration.ofMinutes(2), logs().resolve("java-opts.log"));
        assertEquals(0, r.exit(), r.tail());
        assertTrue(r.out().startsWith("genrelake "), r.tail());
        // the same with the JVM saying what heap it got
        ReadmeBuild.Result heap = build.script(command.replace("GENRELAKE_JAVA_OPTS=-Xmx4g", "GENRELAKE_JAVA_OPTS='-Xmx4g "
                + "-Xlog:gc+init'").replace("…", "--version"), build.root, Map.of(), Duration.ofMinutes(2),
                logs().resolve("java-opts-heap.log"));
        assertEquals(0, heap.exit(), heap.tail());
        assertTrue(Pattern.compile("Heap Max Capacity: 4G").matcher(heap.out() + heap.err()).find(), heap.tail());
    }

    /**
     * README "Speed": bin/genrelake gives the JVM the Vector API module by default (the JVM says so on stderr), and
     * {@code GENRELAKE_VECTOR_API=off} leaves it out; the features come out byte for byte the same either way.
     */
    @Test
    void theVectorApiModuleChangesNoFeature() throws Exception {
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        Path work = workspace("vector-api");
        String plain = "GENRELAKE_VECTOR_API=off bin/genrelake features data-sample --output " + work.resolve("plain.csv");
        String vector = "bin/genrelake features data-sample --output " + work.resolve("vector.csv");
        ReadmeBuild.Result p = build.script(plain, build.root, Map.of(), Duration.ofMinutes(3),
                logs().resolve("features-plain.log"));
        ReadmeBuild.Result v = build.script(vector, build.root, Map.of(), Duration.ofMinutes(3),
                logs().resolve("features-vector.log"));
        assertEquals(0, p.exit(), p.tail());
        assertEquals(0, v.exit(), v.tail());
        assertFalse(p.err().contains("Using incubator modules"), p.tail());
        assertTrue(v.err().contains("Using incubator modules: jdk.incubator.vector"), v.tail());
        // and each run says which path its extractor took (VectorApiProbe, once, on stderr)
        assertTrue(p.err().contains("feature extractor: plain Java: module jdk.incubator.vector not present"), p.tail());
        assertTrue(v.err().contains("feature extractor: Vector API (jdk.incubator.vector, "), v.tail());
        assertEquals(Files.readString(work.resolve("plain.csv")), Files.readString(work.resolve("vector.csv")));
        // README's check for the module, on the JDK that the scripts above ran with
        ReadmeBuild.Result list = build.script(readmeCommand(VECTOR_MODULE).replaceFirst("^java ", "\"\\$JAVA_HOME/bin/java\" "),
                build.root, Map.of(), Duration.ofMinutes(1), logs().resolve("list-modules.log"));
        assertEquals(0, list.exit(), list.tail());
        assertTrue(list.out().contains("jdk.incubator.vector@"), list.tail());
    }

    /**
     * README "Speed": bin/genrelake runs {@code show}, which only reads tables, on plain Java with the C1 compiler
     * alone, and GENRELAKE_JAVA_OPTS, read after, can bring C2 back; the jobs keep both. The JVM's own list of
     * its final flags says which it got; {@code --help} is enough to start it as the command would.
     */
    @Test
    void showStartsOnPlainJavaWithTheQuickCompiler() throws Exception {
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        ReadmeBuild.Result show = build.script("GENRELAKE_JAVA_OPTS=-XX:+PrintFlagsFinal bin/genrelake show --help",
                build.root, Map.of(), Duration.ofMinutes(2), logs().resolve("show-flags.log"));
        ReadmeBuild.Result c2 = build.script("GENRELAKE_JAVA_OPTS='-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal' "
                + "bin/genrelake show --help", build.root, Map.of(), Duration.ofMinutes(2),
                logs().resolve("show-flags-c2.log"));
        ReadmeBuild.Result extract = build.script("GENRELAKE_JAVA_OPTS=-XX:+PrintFlagsFinal bin/genrelake extract --help",
                build.root, Map.of(), Duration.ofMinutes(2), logs().resolve("extract-flags.log"));
        for (ReadmeBuild.Result r : List.of(show, c2, extract)) {
            assertEquals(0, r.exit(), r.tail());
        }
        assertTrue(show.out().contains("Usage: genrelake show"), show.tail());
        assertEquals(1, tieredStopAtLevel(show), show.tail());
        assertFalse(show.err().contains("Using incubator modules"), show.tail());
        assertEquals(4, tieredStopAtLevel(c2), c2.tail());
        assertEquals(4, tieredStopAtLevel(extract), extract.tail());
        assertTrue(extract.err().contains("Using incubator modules: jdk.incubator.vector"), extract.tail());
    }

    /** The highest compilation tier the JVM allowed itself, from -XX:+PrintFlagsFinal's table on stdout. */
    private static int tieredStopAtLevel(ReadmeBuild.Result r) {
        Matcher m = Pattern.compile("(?m)^\\s*intx\\s+TieredStopAtLevel\\s+=\\s+(\\d+)\\b").matcher(r.out());
        assertTrue(m.find(), "no TieredStopAtLevel in the JVM's flags:\n" + r.tail());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void fidelity() throws Exception {
        String command = readmeCommand(FIDELITY);
        ReadmeBuild.root();
        Path shared = ReadmeBuild.root().resolve("../shared").normalize();
        Prerequisite.require(Files.isDirectory(shared), "the reference data beside the project (" + shared
                + ") is missing: `" + command + "` not run");
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        Path out = Files.createDirectories(logs()).resolve("fidelity.md");
        Files.deleteIfExists(out);
        ReadmeBuild.Result r = build.script(command + " --output " + out, build.root, Map.of(), Duration.ofMinutes(5),
                logs().resolve("fidelity.log"));
        assertEquals(0, r.exit(), "exit 1 means a fidelity target was missed:\n" + r.tail());
        String md = Files.readString(out);
        assertTrue(md.startsWith("# Fidelity"), md);
        for (String set : List.of("gtzan/features_30_sec.csv", "golden/segments_3s_kaggle.csv", "golden/segments_3s.csv",
                "golden/kaggle_features_3_sec_blues.00000.csv", "golden/edge_cases/edge_cases.csv")) {
            assertTrue(Pattern.compile("\\| `" + Pattern.quote(set) + "` \\|.*\\| met \\|").matcher(md).find(),
                    set + " is not in the summary with its targets met:\n" + md);
        }
    }

    @Test
    void demo() throws Exception {
        String command = readmeCommand(DEMO);
        ReadmeBuild build = ReadmeBuild.get();
        ensureCliBuilt(build);
        Path work = workspace("demo", "bin", "data-sample");
        ReadmeBuild.Result r = build.script(command, work, Map.of("SPARK_LOCAL_IP", "127.0.0.1"), Duration.ofMinutes(8),
                logs().resolve("demo.log"));
        assertEquals(0, r.exit(), r.tail());
        String out = r.out();
        assertTrue(out.contains("1/3 extract " + work.resolve("data-sample")), "the demo works on data-sample/:\n" + out);
        assertFalse(out.contains("wrote the sample library"), out);
        assertTrue(out.contains("16 clips, 32 windows of 3 s"), out);

        // the genre table's first rows: one per clip, each with one of the four genres
        Matcher row = Pattern.compile("(?m)^((ambient|rock|swing|techno)\\.\\d{5}\\.wav)\\s+(\\S+)\\s+([0-9.]+)\\s+\\[.*\\]\\s+"
                + "(\\d+)\\s+(\\S+)\\s*$").matcher(out);
        int rows = 0;
        int right = 0;
        while (row.find()) {
            rows++;
            assertTrue(Set.of("ambient", "rock", "swing", "techno").contains(row.group(3)), row.group());
            assertEquals("2", row.group(5), "two 3-s windows per 6-s clip: " + row.group());
            assertEquals("ok", row.group(6), row.group());
            right += row.group(2).equals(row.group(3)) ? 1 : 0;
        }
        assertEquals(16, rows, "the genre table printed:\n" + out);
        assertTrue(right >= 12, right + " of 16 sample clips classified as their genre:\n" + out);
        assertTrue(out.matches("(?s).*16 tracks classified (\\(\\d+ uncertain\\) )?by .*"), out);

        // the files it says it wrote
        Map<String, Path> named = new LinkedHashMap<>();
        for (String label : List.of("genre table", "current table", "model", "training report", "features")) {
            Matcher m = Pattern.compile("(?m)^" + label + ":\\s+(\\S+)").matcher(out);
            assertTrue(m.find(), "the demo names its " + label + ":\n" + out);
            named.put(label, Path.of(m.group(1)));
        }
        Path demoDir = work.resolve("genrelake-demo");
        named.forEach((label, p) -> {
            assertTrue(Files.exists(p), label + " " + p + " does not exist");
            assertTrue(p.startsWith(demoDir), label + " " + p + " is outside " + demoDir);
        });
        assertTrue(containsFile(named.get("genre table"), "run_date="), "genre table partitions");
        assertTrue(containsFile(named.get("current table"), ".parquet"), "current table files");
        assertTrue(Files.isRegularFile(named.get("model").resolve("model-card.json")));
        assertTrue(Files.readString(named.get("training report")).contains("<html"), "report.html");
        assertTrue(Files.isRegularFile(named.get("features").resolve("_summary.json")));

        // the command it suggests runs as printed, from where the demo ran
        // (here bin/ is a link to the checkout's, which the launcher resolves: the suggestion names it absolutely)
        Matcher again = Pattern.compile("(?m)^look again with: (\\S*bin/genrelake show .+)$").matcher(out);
        assertTrue(again.find(), "the demo suggests the checkout's launcher:\n" + out);
        ReadmeBuild.Result show = build.script(again.group(1), work, Map.of(), Duration.ofMinutes(3),
                logs().resolve("demo-look-again.log"));
        assertEquals(0, show.exit(), show.tail());
        assertEquals(2 + 16, show.out().strip().split("\n").length, show.out()); // header, rule, 16 rows
    }

    // ------------------------------------------------------------------------------------------------------

    private static boolean first = true;

    /**
     * Before the first {@code bin/genrelake} command: checks that the script builds into GENRELAKE_BUILD_DIR on
     * first use (ReadmeBuild removed the compile stamp), so the README commands that follow run on that build.
     */
    static synchronized void ensureCliBuilt(ReadmeBuild build) throws Exception {
        if (!first) {
            return;
        }
        ReadmeBuild.Result r = build.script("bin/genrelake --version", build.root, Map.of(), Duration.ofMinutes(5),
                logs().resolve("first-use.log"));
        assertEquals(0, r.exit(), r.tail());
        assertTrue(r.err().contains("building genrelake (first use)"), r.tail());
        assertTrue(Files.exists(build.dir.resolve(".genrelake-compile.stamp")), "compile stamp in " + build.dir);
        first = false;
    }

    static Path logs() throws IOException {
        return Files.createDirectories(ReadmeBuild.outerBuildDir().resolve("readme/logs"));
    }

    /** An empty scratch folder {@code <build>/readme/work/NAME} with links to the root's {@code links}. */
    static Path workspace(String name, String... links) throws IOException {
        Path work = ReadmeBuild.outerBuildDir().resolve("readme/work").resolve(name);
        deleteTree(work);
        Files.createDirectories(work);
        for (String link : links) {
            Files.createSymbolicLink(work.resolve(link), ReadmeBuild.root().resolve(link));
        }
        return work;
    }

    /** Deletes a folder and what is in it, links themselves rather than what they point to. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static TreeSet<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static boolean containsFile(Path dir, String nameContains) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.toString().contains(nameContains));
        }
    }
}
