package io.genrelake.ml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * NeuralModelTest's second JVM: loads a saved {@link NeuralModel}, scores a Parquet table of windows ordered by
 * unit, and writes one line of comma-separated probabilities (full precision) per window.
 */
public final class NeuralScoreMain {

    private NeuralScoreMain() {}

    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkTestSession.start("NeuralScoreMain");
        try {
            NeuralModel model = NeuralModel.load(args[0]);
            List<String> lines = new ArrayList<>();
            for (Row r : model.transform(spark.read().parquet(args[1])).orderBy(SplitPlan.UNIT).select("probability")
                    .collectAsList()) {
                double[] p = ((Vector) r.get(0)).toArray();
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < p.length; i++) {
                    line.append(i == 0 ? "" : ",").append(Double.toString(p[i]));
                }
                lines.add(line.toString());
            }
            Files.write(Path.of(args[2]), lines);
        } finally {
            spark.stop();
        }
    }
}
