package io.genrelake.jobs;

import io.genrelake.catalogue.CatalogueFile;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.RunStamp;
import io.genrelake.catalogue.SizeBalancedPartitioner;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.ExtractorVersion;
import io.genrelake.features.FeatureSetKind;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The extract job's executor side for a list of files the driver already has: the nightly run lists the
 * catalogue once to diff it, and decodes only the new and changed files of that listing (listing them
 * again, one URI each, would cost a request per file on S3). Same partitioning, same per-partition
 * extraction and the same rows as {@link ExtractJob}; the rows are lazy: the caller's commit to the feature
 * store runs the extraction, once.
 *
 * <p>(ExtractJob could expose this as {@code run(spark, files, ...)}; until it does, this is the
 * smallest shared piece: it reuses {@link PartitionExtraction} and {@link SizeBalancedPartitioner}.)
 */
final class ExtractFiles {

    /** The rows to commit (no files: an empty table with the schema) and how many partitions they come in. */
    record Extraction(Dataset<Row> rows, int partitions) {}

    private ExtractFiles() {}

    /**
     * The {@code featureSet}'s rows ({@link FeatureTable#schema}); with {@code neuralInputs}, they carry each window's
     * neural inputs too ({@link FeatureTable#withNeuralInputs}).
     */
    static Extraction rows(SparkSession spark, List<CatalogueFile> files, WindowPlan plan, long startedAtMillis,
            Integer partitions, FeatureSetKind featureSet, boolean neuralInputs) {
        StructType schema = neuralInputs ? FeatureTable.withNeuralInputs(FeatureTable.schema(featureSet))
                : FeatureTable.schema(featureSet);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RunStamp run = new RunStamp(ExtractorVersion.CURRENT, startedAtMillis, featureSet);
        if (files.isEmpty()) {
            return new Extraction(spark.createDataFrame(List.of(), schema), 0);
        }
        int requested = partitions != null ? partitions
                : SizeBalancedPartitioner.defaultCount(files.size(), jsc.defaultParallelism());
        List<List<CatalogueFile>> bins = SizeBalancedPartitioner.partition(files, requested);
        Broadcast<SerializableHadoopConf> conf = jsc.broadcast(
                new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration()));
        JavaRDD<Row> rows = jsc.parallelize(bins, bins.size()).flatMap(List::iterator)
                .mapPartitions(new PartitionExtraction(conf, plan, run, new ExtractionTimers(jsc.sc()), neuralInputs,
                        TaskAttempts.max(jsc.sc())));
        return new Extraction(spark.createDataFrame(rows, schema), bins.size());
    }
}
