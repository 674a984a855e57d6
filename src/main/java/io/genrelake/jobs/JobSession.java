package io.genrelake.jobs;

import io.genrelake.tables.DeltaSession;
import io.genrelake.tables.S3Committers;
import java.io.IOException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession a job runs in: spark-submit's settings, then the {@code --conf} file's, then
 * {@code --master}; local[*] when nothing names a master. Stops the session on close only if it started
 * it (a session that was already running, as in a notebook or a test, is left running).
 */
public final class JobSession implements AutoCloseable {

    /** The master when neither spark-submit, the conf file nor --master names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    private final SparkSession spark;
    private final boolean owned;

    private JobSession(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** Starts (or joins) the session for a job named {@code appName}. */
    public static JobSession open(String appName, ExtractOptions options) throws IOException {
        SparkConf conf = sparkConf(appName, options);
        boolean existed = SparkSession.getDefaultSession().isDefined();
        return new JobSession(SparkSession.builder().config(conf).getOrCreate(), !existed);
    }

    /** The settings a new session gets; spark.* system properties (spark-submit's) are loaded first. */
    static SparkConf sparkConf(String appName, ExtractOptions options) throws IOException {
        SparkConf conf = baseConf(appName, options.master(), new SparkConfFile().file(options.confFile()));
        // The feature table has 73 columns; Spark warns when a plan's description is cut at 25 fields.
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
        return conf;
    }

    /**
     * What every genrelake session gets (the jobs' here, train's and evaluate's in {@link TrainJob#session}): the
     * {@code --conf} file over spark-submit's settings, {@code master} over both (else {@value #DEFAULT_MASTER} when
     * none names one), the app name unless set, S3A's magic committer for s3a:// outputs and Delta's settings.
     */
    static SparkConf baseConf(String appName, String master, SparkConfFile confFile) throws IOException {
        SparkConf conf = confFile.applyTo(new SparkConf());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        if (!conf.contains("spark.app.name")) {
            conf.setAppName(appName);
        }
        S3Committers.configure(conf); // any plain file output on s3a:// through S3A's magic committer
        return DeltaSession.configure(conf); // our tables are Delta tables (io.genrelake.tables)
    }

    public SparkSession spark() {
        return spark;
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
