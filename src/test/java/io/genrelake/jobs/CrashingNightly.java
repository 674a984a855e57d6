package io.genrelake.jobs;

import io.genrelake.tables.DeltaSession;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * A nightly driver for {@link NightlyCrashTest}, in its own JVM: runs one night and announces every point it
 * passes — each step of the run ({@code listed}, {@code committed:<table>}, …) and the end of each Spark task
 * (extraction, classification, the files of each Delta commit) — as {@code POINT n name} on stdout. At point
 * {@code killAt} it stops and waits for the test, which kills it with SIGKILL; {@code -1} runs to the end.
 *
 * <p>Arguments: killAt, input, model, output, state, runDate. The s3a settings come as spark.* system properties.
 */
public final class CrashingNightly {

    private CrashingNightly() {}

    public static void main(String[] args) throws Exception {
        int killAt = Integer.parseInt(args[0]);
        PrintStream out = System.out;
        AtomicInteger points = new AtomicInteger();
        Object paused = new Object();
        java.util.function.Consumer<String> point = name -> {
            int n = points.incrementAndGet();
            synchronized (out) {
                out.println("POINT " + n + " " + name);
                out.flush();
            }
            if (n == killAt) {
                synchronized (paused) {
                    while (true) { // until SIGKILL
                        try {
                            paused.wait();
                        } catch (InterruptedException e) {
                            // keep waiting: only the kill ends this JVM
                        }
                    }
                }
            }
        };
        SparkSession spark = DeltaSession.configure(SparkSession.builder(), "local[2]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        SparkLogLevels.quietSpark();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                point.accept("task-end:stage-" + end.stageId());
            }
        });
        NightlyOptions options = new NightlyOptions().inputs(List.of(args[1])).model(args[2]).output(args[3])
                .state(args[4]).runDate(args[5]).windowSeconds(1).minLastWindowSeconds(0.5);
        NightlySummary s = NightlyJob.run(spark, options, point);
        out.println("DONE " + s.filesDecoded());
        out.flush();
        spark.stop();
        System.exit(0);
    }
}
