package io.genrelake.catalogue;

import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Ingests Kaggle-layout feature tables (the public GTZAN {@code features_30_sec.csv} and the like) into
 * the feature table, read on the driver: they are small (1000 rows for GTZAN's 30-s table).
 */
public final class KaggleTables {

    private KaggleTables() {}

    /** The feature-table rows of the table at {@code tablePath} (normalised), on any Hadoop file system. */
    public static List<Row> rows(String tablePath, Configuration conf, RunStamp run) throws IOException {
        Path path = new Path(tablePath);
        List<KaggleRow> kaggle;
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            kaggle = KaggleCsv.read(new InputStreamReader(in, StandardCharsets.UTF_8), tablePath);
        }
        List<Row> rows = new ArrayList<>(kaggle.size());
        for (KaggleRow row : kaggle) {
            rows.add(FeatureTable.kaggleRow(tablePath, row, run));
        }
        return rows;
    }
}
