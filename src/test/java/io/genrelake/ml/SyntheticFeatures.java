package io.genrelake.ml;

import io.genrelake.features.FeatureSet;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Generated feature tables for tests: each genre has a centre in feature space, each track an offset from
 * it and each window noise around its track, so genres are learnable but not trivially, and windows of
 * one track resemble each other (which is what makes a segment-level split leak). Variance columns stay
 * positive, as real variances are.
 */
public final class SyntheticFeatures {

    final List<String> genres;
    final int tracksPerGenre;
    final int windowsPerTrack;
    final long seed;

    public SyntheticFeatures(List<String> genres, int tracksPerGenre, int windowsPerTrack, long seed) {
        this.genres = genres;
        this.tracksPerGenre = tracksPerGenre;
        this.windowsPerTrack = windowsPerTrack;
        this.seed = seed;
    }

    /** One generated row. */
    record Window(String trackId, int window, String genre, double[] values) {}

    List<Window> windows() {
        Random random = new Random(seed);
        double[][] centres = new double[genres.size()][FeatureSet.SIZE];
        for (double[] c : centres) {
            for (int f = 0; f < c.length; f++) {
                c[f] = random.nextGaussian();
            }
        }
        List<Window> out = new ArrayList<>();
        for (int g = 0; g < genres.size(); g++) {
            for (int t = 0; t < tracksPerGenre; t++) {
                String track = String.format(java.util.Locale.ROOT, "%s.%05d", genres.get(g), t);
                double[] trackCentre = new double[FeatureSet.SIZE];
                for (int f = 0; f < FeatureSet.SIZE; f++) {
                    trackCentre[f] = centres[g][f] + 0.9 * random.nextGaussian();
                }
                for (int w = 0; w < windowsPerTrack; w++) {
                    double[] values = new double[FeatureSet.SIZE];
                    for (int f = 0; f < FeatureSet.SIZE; f++) {
                        double v = trackCentre[f] + 0.3 * random.nextGaussian();
                        values[f] = FeatureSet.NAMES.get(f).endsWith("_var") ? Math.exp(v) : v;
                    }
                    out.add(new Window(track, w, genres.get(g), values));
                }
            }
        }
        return out;
    }

    /** Writes a Kaggle-layout CSV; segment rows are named {@code <track>.<window>.wav} when there are several. */
    public Path writeCsv(Path file) throws IOException {
        return writeCsv(file, 66149); // Kaggle's 3-s segments
    }

    /** The same, each row's {@code length} (of a segment, in samples at 22050 Hz) {@code segmentSamples}. */
    public Path writeCsv(Path file, long segmentSamples) throws IOException {
        try (KaggleCsv.Writer writer = KaggleCsv.create(file)) {
            for (Window w : windows()) {
                String name = windowsPerTrack > 1 ? w.trackId() + "." + w.window() + ".wav" : w.trackId() + ".wav";
                writer.write(new KaggleRow(name, segmentSamples, w.values(), w.genre()));
            }
        }
        return file;
    }

    /** The extract job's table layout: ids, path, window, the 57 features, label, status, extractor_version. */
    static StructType extractSchema() {
        StructType schema = new StructType().add("track_id", DataTypes.StringType).add("path", DataTypes.StringType)
                .add("window", DataTypes.IntegerType);
        for (String name : FeatureSet.NAMES) {
            schema = schema.add(name, DataTypes.DoubleType);
        }
        return schema.add("label", DataTypes.StringType).add("status", DataTypes.StringType)
                .add("extractor_version", DataTypes.StringType);
    }

    static Row extractRow(Window w, String status) {
        Object[] fields = new Object[3 + FeatureSet.SIZE + 3];
        fields[0] = w.trackId();
        fields[1] = "file:///music/" + w.genre() + "/" + w.trackId() + ".wav";
        fields[2] = w.window();
        for (int f = 0; f < FeatureSet.SIZE; f++) {
            fields[3 + f] = w.values()[f];
        }
        fields[3 + FeatureSet.SIZE] = w.genre();
        fields[4 + FeatureSet.SIZE] = status;
        fields[5 + FeatureSet.SIZE] = "test-extractor-1";
        return RowFactory.create(fields);
    }

    /** The rows as the extract job's Parquet table would hold them (all status ok). */
    Dataset<Row> extractTable(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Window w : windows()) {
            rows.add(extractRow(w, "ok"));
        }
        return spark.createDataFrame(rows, extractSchema());
    }
}
