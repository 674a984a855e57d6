package io.genrelake.tables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The settings that send Spark's plain file writes to {@code s3a://} through S3A's magic committer: today the
 * MLlib model folders {@code train} writes (metadata as text, model numbers as Parquet), the only plain output
 * left (every table is Delta, which writes its files in place and commits through its log). The classic
 * committer writes each task's files under {@code _temporary/} and renames them into place, and on S3 a rename
 * is a copy and a delete per file: slow, and a driver killed mid-way leaves part of a folder. The magic committer
 * uploads each file as a multipart upload left uncompleted, and the job commit completes them all, so nothing is
 * renamed; its {@code _SUCCESS} is a JSON manifest naming the committer and the files.
 *
 * <p>Spark's side is its {@code spark-hadoop-cloud} module (in the job jar): {@code PathOutputCommitProtocol} asks
 * Hadoop's {@code PathOutputCommitterFactory} for the committer of each output's scheme, and
 * {@code BindingParquetOutputCommitter} lets Parquet use that committer. Only {@code s3a} is bound to S3A's
 * factory here: {@code file:}, {@code hdfs://} and other schemes get Hadoop's default factory and so the same
 * {@code FileOutputCommitter} as without these settings (an empty {@code _SUCCESS}; HDFS renames are atomic and
 * cheap). Set before the session starts, each only where the user (spark-submit, {@code --conf}) set none, so
 * {@code spark.hadoop.fs.s3a.committer.name=directory} (S3A's staging committer) or {@code =file} (the classic
 * one) still chooses another. conf/*.properties and conf/nightly.conf spell out the same values.
 */
public final class S3Committers {

    /** S3A's committer for s3a:// outputs. */
    public static final String COMMITTER_NAME = "spark.hadoop.fs.s3a.committer.name";
    public static final String MAGIC_ENABLED = "spark.hadoop.fs.s3a.committer.magic.enabled";
    public static final String S3A_FACTORY = "spark.hadoop.mapreduce.outputcommitter.factory.scheme.s3a";
    public static final String COMMIT_PROTOCOL = "spark.sql.sources.commitProtocolClass";
    public static final String PARQUET_COMMITTER = "spark.sql.parquet.output.committer.class";

    /** The five settings and their values, in the order conf/ lists them. */
    public static final Map<String, String> SETTINGS;

    static {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(COMMITTER_NAME, "magic");
        s.put(MAGIC_ENABLED, "true");
        s.put(S3A_FACTORY, "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory");
        s.put(COMMIT_PROTOCOL, "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
        s.put(PARQUET_COMMITTER, "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
        SETTINGS = Collections.unmodifiableMap(s);
    }

    private S3Committers() {}

    /** {@code conf} with each of {@link #SETTINGS} the user has not set; returns it. */
    public static SparkConf configure(SparkConf conf) {
        SETTINGS.forEach(conf::setIfMissing);
        return conf;
    }
}
