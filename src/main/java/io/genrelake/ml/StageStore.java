package io.genrelake.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.DefaultParamsWriter$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * How this package's stages are stored, following MLlib's own layout so they load like built-ins:
 * {@code metadata/} (class, uid, params as JSON, written by MLlib's DefaultParamsWriter) and the model's
 * numbers as Parquet under named sub-folders.
 */
final class StageStore {

    private StageStore() {}

    static void saveMetadata(Params stage, String path, SparkSession spark) {
        DefaultParamsWriter$.MODULE$.saveMetadata(stage, path, spark);
    }

    /** Reads the metadata, checks it was written for {@code expectedClass}, and sets its params on {@code stage}. */
    static <T extends Params> T loadParams(T stage, String path, SparkSession spark, String expectedClass) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader$.MODULE$.loadMetadata(path, spark, expectedClass);
        metadata.getAndSetParams(stage, Option.empty());
        return stage;
    }

    /** The uid the metadata records, so a loaded stage keeps the uid it was saved with. */
    static String uid(String path, SparkSession spark, String expectedClass) {
        return DefaultParamsReader$.MODULE$.loadMetadata(path, spark, expectedClass).uid();
    }

    /** Writes model numbers as one Parquet file (one partition keeps row order trivially recoverable). */
    static void saveData(Dataset<Row> data, String path, String name) {
        data.coalesce(1).write().parquet(new Path(path, name).toString());
    }

    static Dataset<Row> loadData(SparkSession spark, String path, String name) {
        return spark.read().parquet(new Path(path, name).toString());
    }

    /** The sub-folders of {@code path/name}, sorted by name. */
    static List<String> children(SparkSession spark, String path, String name) {
        try {
            Path dir = new Path(path, name);
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<String> out = new ArrayList<>();
            for (FileStatus status : fs.listStatus(dir)) {
                if (status.isDirectory()) {
                    out.add(status.getPath().toString());
                }
            }
            out.sort(null);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + path + "/" + name, e);
        }
    }
}
