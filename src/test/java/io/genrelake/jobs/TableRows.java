package io.genrelake.jobs;

import io.genrelake.catalogue.FeatureTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A written feature table read back for assertions, rows grouped by file. */
record TableRows(List<Row> rows) {

    static TableRows read(SparkSession spark, String table) {
        return new TableRows(io.genrelake.tables.Table.readAny(spark, table).collectAsList());
    }

    /** Rows by path relative to {@code root} (a prefix of every path), each file's rows in window order. */
    Map<String, List<Row>> byRelativePath(String root) {
        String prefix = root.endsWith("/") ? root : root + "/";
        Map<String, List<Row>> byFile = new TreeMap<>();
        for (Row r : rows) {
            String path = r.getAs(FeatureTable.PATH);
            if (!path.startsWith(prefix)) {
                throw new AssertionError(path + " is not under " + prefix);
            }
            byFile.computeIfAbsent(path.substring(prefix.length()), k -> new ArrayList<>()).add(r);
        }
        for (List<Row> rs : byFile.values()) {
            rs.sort((a, b) -> Integer.compare(window(a), window(b)));
        }
        return byFile;
    }

    static int window(Row r) {
        Object w = r.getAs(FeatureTable.WINDOW);
        return w == null ? -1 : (Integer) w;
    }
}
