package io.genrelake.testing;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and a Worker, each its own JVM, started from a "Spark
 * home" whose {@code jars/} links to jars of the project's class path, which is what the Worker puts on its
 * executors' class path. ReadmeClusterTest submits the README's jobs to one.
 */
public final class StandaloneCluster implements AutoCloseable {

    private final Path dir;
    private final Path sparkHome;
    private final List<String> classPath;
    private final List<Process> daemons = new ArrayList<>();
    private String masterUrl;

    private StandaloneCluster(Path dir, Path sparkHome, List<String> classPath) {
        this.dir = dir;
        this.sparkHome = sparkHome;
        this.classPath = classPath;
    }

    /**
     * Makes {@code sparkHome/jars} (links to the jars of {@code classPath} that {@code include} accepts; links
     * left from a previous run are removed first) and returns the home. Put it in the build folder rather than
     * a JUnit temporary folder, which would warn about every link it deletes.
     */
    public static Path sparkHome(Path home, List<String> classPath, Predicate<Path> include) throws IOException {
        Path jars = home.resolve("jars");
        if (Files.exists(jars)) {
            try (Stream<Path> old = Files.list(jars)) {
                for (Path link : old.toList()) {
                    Files.delete(link);
                }
            }
        }
        Files.createDirectories(jars);
        int i = 0;
        for (String entry : classPath) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar) && entry.endsWith(".jar") && include.test(jar)) {
                Files.createSymbolicLink(jars.resolve(String.format("%03d-%s", i++, jar.getFileName())), jar);
            }
        }
        return home;
    }

    /**
     * Starts a Master and one Worker ({@code cores} cores, {@code memory} for executors) whose class path is
     * the jars of {@code sparkHome}, logging to {@code dir/master.log} and {@code dir/worker.log}, and waits
     * until the Worker has registered. {@code workerEnv} is added to the Worker's environment, which its
     * executors inherit.
     */
    public static StandaloneCluster start(Path dir, Path sparkHome, int cores, String memory,
            Map<String, String> workerEnv) throws Exception {
        List<String> jars;
        try (Stream<Path> links = Files.list(sparkHome.resolve("jars"))) {
            jars = links.sorted().map(Path::toString).toList();
        }
        StandaloneCluster cluster = new StandaloneCluster(dir, sparkHome, jars);
        try {
            cluster.startDaemons(cores, memory, workerEnv);
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startDaemons(int cores, String memory, Map<String, String> workerEnv) throws Exception {
        // Port 0 everywhere: each daemon binds a free port itself, and the master's is read from its log. A port
        // found free here and closed before the daemon binds it could be taken in between (a race).
        daemons.add(start(daemon("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", "0",
                "--webui-port", "0"), masterLog(), Map.of()));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        masterUrl = awaitLog(masterLog(), MASTER_STARTED, deadline, "the master did not start").group(1);
        Path work = Files.createDirectories(dir.resolve("worker-work"));
        daemons.add(start(daemon("org.apache.spark.deploy.worker.Worker", masterUrl, "--host", "127.0.0.1",
                "--port", "0", "--webui-port", "0", "--cores", String.valueOf(cores), "--memory", memory,
                "--work-dir", work.toString()), workerLog(), workerEnv));
        awaitLog(workerLog(), WORKER_REGISTERED, deadline, "the worker did not register");
    }

    private static final Pattern MASTER_STARTED = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final Pattern WORKER_REGISTERED = Pattern.compile("Successfully registered with master");

    /** Waits until {@code log} has a line matching {@code pattern}; fails when a daemon dies or at the deadline. */
    private Matcher awaitLog(Path log, Pattern pattern, long deadline, String failure) throws Exception {
        while (true) {
            if (Files.exists(log)) {
                Matcher m = pattern.matcher(Files.readString(log));
                if (m.find()) {
                    return m;
                }
            }
            if (!daemons.stream().allMatch(Process::isAlive)) {
                throw new AssertionError("a daemon died:\n" + tail(masterLog()) + "\n" + tail(workerLog()));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure + " in 3 minutes:\n" + tail(log));
            }
            Thread.sleep(250);
        }
    }

    private List<String> daemon(String mainClass, String... args) {
        List<String> command = java("-Xmx256m", classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    /** spark://127.0.0.1:PORT */
    public String masterUrl() {
        return masterUrl;
    }

    public Path sparkHome() {
        return sparkHome;
    }

    public Path masterLog() {
        return dir.resolve("master.log");
    }

    public Path workerLog() {
        return dir.resolve("worker.log");
    }

    /** The folder where the Worker runs its executors: app-*&#47;N/stderr holds an executor's log. */
    public Path workerWork() {
        return dir.resolve("worker-work");
    }

    /**
     * Starts {@code command} with its output in {@code log}, in the environment Spark's own scripts would
     * give it: SPARK_HOME this cluster's home, SPARK_LOCAL_IP 127.0.0.1, no SPARK_CONF_DIR.
     */
    public Process start(List<String> command, Path log, Map<String, String> extraEnv) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13"); // the launcher would look for a source build to tell
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_CONF_DIR");
        env.putAll(extraEnv);
        return pb.start();
    }

    /**
     * java with {@code heap}, {@link ShortLivedJvm}'s options, the JVM options Spark needs on Java 17 (this JVM's)
     * and {@code classPath}.
     */
    public static List<String> java(String heap, List<String> classPath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(ShortLivedJvm.OPTIONS);
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
                command.add(arg);
            }
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        return command;
    }

    /** The last 60 lines of a log, for assertion messages. */
    public static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no " + log.getFileName() + ")";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = daemons.size() - 1; i >= 0; i--) { // the worker first
            Process p = daemons.get(i);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
