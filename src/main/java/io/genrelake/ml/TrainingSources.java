package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labelled rows of one or more feature tables ({@code train --features A --features B}), genres renamed
 * by a {@link GenreMap}. With several sources, every track id, artist and album is prefixed with its
 * source's number ({@code 1:}, {@code 2:} …), so each source keeps its own groups: two catalogues that both
 * name an artist "Various" do not make one group, and equal file names in two tables stay two tracks.
 */
public final class TrainingSources {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSources.class);

    private TrainingSources() {}

    public static TrainingTable read(SparkSession spark, List<String> uris, GenreMap genres) {
        return read(spark, uris, genres, null);
    }

    /** With {@code tagGenres}, labels from the tables' tags ({@link TagLabels}); null: their label columns. */
    public static TrainingTable read(SparkSession spark, List<String> uris, GenreMap genres, TagGenres tagGenres) {
        FeatureTableReader reader = new FeatureTableReader(spark, tagGenres);
        if (uris.size() == 1) {
            return reader.read(uris.get(0), 2, genres);
        }
        List<TrainingTable> parts = new ArrayList<>();
        Dataset<Row> rows = null;
        for (int i = 0; i < uris.size(); i++) {
            TrainingTable part = reader.read(uris.get(i), 1, genres);
            parts.add(part);
            String prefix = (i + 1) + ":";
            Dataset<Row> prefixed = part.rows();
            for (String column : List.of(TrainingTable.TRACK_ID, TrainingTable.ARTIST, TrainingTable.ALBUM)) {
                prefixed = prefixed.withColumn(column, concat(lit(prefix), col(column))); // null stays null
            }
            rows = rows == null ? prefixed : rows.unionByName(prefixed);
        }
        long genreCount = rows.select(TrainingTable.LABEL).distinct().count();
        if (genreCount < 2) {
            throw new TrainingDataException(String.join(", ", uris) + ": a genre model needs at least two genres; "
                    + "the labelled rows of all sources have " + genreCount);
        }
        TreeSet<String> versions = new TreeSet<>();
        StringBuilder shas = new StringBuilder();
        long skipped = 0;
        boolean segmented = false;
        for (TrainingTable p : parts) {
            versions.addAll(p.extractorVersions());
            shas.append(p.sha256()).append('\n');
            skipped += p.skippedRows();
            segmented |= p.segmented();
        }
        return new TrainingTable(rows, String.join(", ", uris),
                String.join("+", parts.stream().map(TrainingTable::format).toList()), segmented,
                commonWindowSeconds(parts), List.copyOf(versions), sha256(shas.toString()), skipped, parts);
    }

    /**
     * The sources' window length when those that have one agree; null, with a warning, when they do not (the model
     * then records none, and scoring cuts what it is told, else 30 s).
     */
    private static Double commonWindowSeconds(List<TrainingTable> parts) {
        List<Double> lengths = parts.stream().map(TrainingTable::windowSeconds).filter(Objects::nonNull).distinct()
                .toList();
        if (lengths.size() > 1) {
            LOG.warn("the training sources were cut into windows of different lengths ({} s): the model records no "
                    + "window length, so give classify, identify and nightly --window-seconds", lengths);
            return null;
        }
        return lengths.isEmpty() ? null : lengths.get(0);
    }

    /** The SHA-256 of the sources' own hashes, one a line in source order: the combined data's fingerprint. */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
