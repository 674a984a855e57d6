package io.genrelake.jobs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;

/**
 * How many times Spark runs a task before it gives the job up, and whether the running task is the last try: a
 * transient fault (an I/O error reading a file) fails the task while Spark will try it again, and becomes the file's
 * error row only on the last attempt, so that one unreadable file cannot fail a whole run.
 */
final class TaskAttempts {

    /** local[N, M]: M attempts. Spark's own pattern (SparkMasterRegex.LOCAL_N_FAILURES_REGEX). */
    private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[([0-9]+|\\*)\\s*,\\s*([0-9]+)\\]");

    private TaskAttempts() {}

    /**
     * The attempts per task in {@code sc}, by SparkContext.createTaskScheduler's rule: local[N, M] gives M, any other
     * local master 1 (no retries), a cluster {@code spark.task.maxFailures} (default 4).
     */
    static int max(SparkContext sc) {
        String master = sc.master().trim();
        Matcher m = LOCAL_WITH_FAILURES.matcher(master);
        if (m.matches()) {
            return Integer.parseInt(m.group(2));
        }
        if (master.equals("local") || master.startsWith("local[")) {
            return 1;
        }
        return sc.conf().getInt("spark.task.maxFailures", 4);
    }

    /** True outside a task, or when the running task's attempt is the last of {@code maxAttempts}. */
    static boolean isLastAttempt(int maxAttempts) {
        TaskContext task = TaskContext.get();
        return task == null || task.attemptNumber() + 1 >= maxAttempts;
    }
}
