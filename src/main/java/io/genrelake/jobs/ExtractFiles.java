package io.genrelake.jobs;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.RunStamp;
import io.genrelake.catalogue.SizeBalancedPartitioner;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.ExtractorVersion;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The extract job's executor side for a list of files the driver already has: the nightly run lists the
 * catalogue once to diff it, and decodes only the new and changed files of that listing (listing them
 * again, one URI each, would cost a request per file on S3). Same partitioning, same per-partition
 * extraction and the same rows as {@link ExtractJob}; written plainly to {@code output} (a staging folder
 * of the caller's publication), never swapped.
 *
 * <p>(ExtractJob could expose this as {@code run(spark, files, ...)}; until it does, this is the
 * smallest shared piece: it reuses {@link PartitionExtraction} and {@link SizeBalancedPartitioner}.)
 */
final class ExtractFiles {

    /** What the extraction did. */
    record Result(int files, int partitions, double decodeSeconds, double featureSeconds, long decoderFallbacks) {}

    private ExtractFiles() {}

    static Result run(SparkSession spark, List<CatalogueFile> files, WindowPlan plan, long startedAtMillis,
            Integer partitions, String output) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RunStamp run = new RunStamp(ExtractorVersion.CURRENT, startedAtMillis);
        if (files.isEmpty()) {
            // An empty table with the schema: the feature store's partition exists for every run.
            spark.createDataFrame(List.of(), FeatureTable.SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(output);
            return new Result(0, 0, 0, 0, 0);
        }
        int requested = partitions != null ? partitions
                : SizeBalancedPartitioner.defaultCount(files.size(), jsc.defaultParallelism());
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(files, requested);
        Broadcast<SerializableHadoopConf> conf = jsc.broadcast(
                new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()));
        LongAccumulator decodeNanos = jsc.sc().longAccumulator("genrelake decode+resample ns");
        LongAccumulator featureNanos = jsc.sc().longAccumulator("genrelake feature ns");
        LongAccumulator fallbacks = jsc.sc().longAccumulator("genrelake decoder fallbacks");
        JavaRDD<Row> rows = jsc.parallelize(bins, bins.size()).flatMap(List::iterator)
                .mapPartitions(new PartitionExtraction(conf, plan, run, decodeNanos, featureNanos, fallbacks,
                        TaskAttempts.max(jsc.sc())));
        Dataset<Row> table = spark.createDataFrame(rows, FeatureTable.SCHEMA);
        jsc.setJobDescription("genrelake: extracting " + files.size() + " new or changed files → " + output);
        table.write().mode(SaveMode.Overwrite).parquet(output);
        return new Result(files.size(), bins.size(), decodeNanos.value() / 1e9, featureNanos.value() / 1e9,
                fallbacks.value());
    }
}
