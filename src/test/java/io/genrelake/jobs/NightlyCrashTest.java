package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.genres.GenreTable;
import io.genrelake.testing.InProcessS3;
import io.genrelake.testing.ShortLivedJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the nightly driver for real: two nights over a catalogue in S3Proxy, each driven by a separate JVM
 * ({@link CrashingNightly}) that is SIGKILLed at {@value #KILLS_PER_NIGHT} points spread over the night
 * (after listing, at the ends of Spark tasks during extraction, classification and the files of each Delta
 * commit, and after each commit), restarted after each kill, and finally let finish. The tables must then equal
 * those of the same two nights run once, never killed: the same rows, none twice, none lost. Times and the
 * run ids that differ between attempts are left out of the comparison.
 */
class NightlyCrashTest {

    static final int KILLS_PER_NIGHT = 10;
    static final String BUCKET = "crash";

    @TempDir
    static Path dir;
    static SparkSession spark;
    static InProcessS3 s3;
    static String model;

    @BeforeAll
    static void start() throws Exception {
        s3 = InProcessS3.start(BUCKET);
        spark = LocalSpark.start();
        s3.configure(spark.sparkContext().hadoopConfiguration());
        model = ClassifyFixtures.trainModel(spark, dir);
        for (String[] f : new String[][] {{"a/one.wav", "220"}, {"a/two.wav", "330"}, {"b/three.wav", "440"},
                {"b/four.wav", "550"}}) {
            putTone(f[0], Double.parseDouble(f[1]), f[0].hashCode());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        spark.stop();
        s3.close();
    }

    static void putTone(String key, double hz, long seed) throws Exception {
        Path wav = dir.resolve("tones").resolve(key);
        ClassifyFixtures.writeTone(wav, hz, seed);
        s3.put("library/" + key, wav);
    }

    static String uri(String key) {
        return "s3a://" + BUCKET + "/" + key;
    }

    @Test
    void killedNightsEndWithTheTablesOfNightsNeverKilled() throws Exception {
        long t0 = System.nanoTime();
        int kills = 0;
        // night 1: everything new
        int points = reference("2026-03-01");
        kills += killedNight("2026-03-01", points);
        // night 2: one file added, one changed, one deleted
        putTone("a/five.wav", 660, 5);
        putTone("b/three.wav", 770, 6);
        s3.remove("library/b/four.wav");
        points = reference("2026-03-02");
        kills += killedNight("2026-03-02", points);

        assertTrue(kills >= 2 * KILLS_PER_NIGHT - 2, "killed " + kills + " times");
        for (String table : List.of("out/genres", "out/current", "state/catalogue", "state/features", "state/runs")) {
            assertEquals(rows(uri("ref/" + table)), rows(uri("killed/" + table)), table);
        }
        System.out.printf("NightlyCrashTest: %d kills, %.0f s%n", kills, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs the night in this JVM, never killed, into ref/; returns how many points its driver passed. */
    static int reference(String date) throws Exception {
        int[] n = {0};
        var listener = new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                n[0]++;
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            NightlyJob.run(spark, new NightlyOptions().inputs(List.of(uri("library"))).model(model)
                    .output(uri("ref/out")).state(uri("ref/state")).runDate(date).windowSeconds(1)
                    .minLastWindowSeconds(0.5), stage -> n[0]++);
            spark.sparkContext().listenerBus().waitUntilEmpty(60_000); // every task end counted before removal
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        return n[0];
    }

    /** Runs the night in killed/, killing its driver at points spread over {@code points}; returns the kills. */
    static int killedNight(String date, int points) throws Exception {
        int kills = 0;
        for (int i = 1; i <= KILLS_PER_NIGHT; i++) {
            int at = Math.max(1, (int) Math.round((double) i * points / (KILLS_PER_NIGHT + 1)));
            if (runDriver(date, at)) {
                kills++;
            }
        }
        assertTrue(!runDriver(date, -1), "the last start finishes the night");
        return kills;
    }

    /** One driver JVM; returns whether it was killed (else it finished, and must have exited 0). */
    static boolean runDriver(String date, int killAt) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx1g");
        cmd.addAll(ShortLivedJvm.OPTIONS);
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if ((a.startsWith("--add-") && a.contains("=")) || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")) {
                cmd.add(a); // the JVM options Spark needs, as the pom gives them to this JVM
            }
        }
        s3.sparkProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashingNightly.class.getName());
        cmd.addAll(List.of(String.valueOf(killAt), uri("library"), model, uri("killed/out"), uri("killed/state"),
                date));
        Path log = dir.resolve("driver-" + date + "-" + killAt + ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        boolean killed = false;
        String last = "";
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                last = line;
                if (killAt > 0 && line.startsWith("POINT " + killAt + " ")) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                    killed = true;
                    break;
                }
            }
        }
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "driver ended");
        if (!killed) {
            assertEquals(0, p.exitValue(), "driver failed after " + last + ": " + tail(log));
        }
        return killed;
    }

    /** The log's first exception line (what failed; a stack trace's tail does not say) and its last 4000 characters. */
    private static String tail(Path log) throws Exception {
        String s = Files.readString(log);
        String first = s.lines().filter(l -> l.contains("Exception") || l.contains("Error:")).findFirst().orElse("");
        return first + "\n…\n" + s.substring(Math.max(0, s.length() - 4000));
    }

    /** The table's rows as sorted text, without the columns that differ between attempts. */
    static List<String> rows(String uri) {
        Dataset<Row> t = spark.read().format("delta").load(uri);
        for (String c : List.of(GenreTable.CLASSIFIED_AT, FeatureTable.EXTRACTED_AT, "record", "genres_version",
                "current_version", "features_version", "catalogue_version")) {
            t = t.drop(c);
        }
        List<String> out = new ArrayList<>();
        for (Row r : t.collectAsList()) {
            out.add(r.toString());
        }
        out.sort(null);
        return out;
    }
}
