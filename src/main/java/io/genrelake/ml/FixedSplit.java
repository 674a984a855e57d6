package io.genrelake.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A fixed train/valid/test split ({@code train --split FILE}): a CSV {@code filename,split} (header optional)
 * naming each track by its file name, e.g. {@code blues.00029.wav,train} (GTZAN's artist-disjoint
 * "fault-filtered" split). A file name matches a track whose own file name has the same stem (folders and
 * extension dropped, {@link TrackIds}): the Kaggle table's {@code filename}, the feature table's {@code path}.
 *
 * @param uri      where it was read from
 * @param sha256   SHA-256 of its bytes, for the model card
 * @param splitOf  split ({@link #TRAIN}, {@link #VALID}, {@link #TEST}) by file-name stem
 */
public record FixedSplit(String uri, String sha256, Map<String, String> splitOf) {

    public static final String TRAIN = "train";
    public static final String VALID = "valid";
    public static final String TEST = "test";

    /** The file's name without its folders, e.g. {@code fault_filtered.csv}. */
    public String fileName() {
        return new Path(uri).getName();
    }

    public static FixedSplit read(String uri, Configuration conf) {
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), uri,
                    InputFingerprint.sha256(uri, conf));
        } catch (IOException e) {
            throw new TrainingDataException("cannot read split " + uri + ": " + e.getMessage(), e);
        }
    }

    static FixedSplit parse(Reader csv, String uri, String sha256) throws IOException {
        Map<String, String> splitOf = new LinkedHashMap<>();
        for (PairCsv.Pair r : PairCsv.read(csv, uri, "filename", "split")) {
            String name = r.first();
            String split = r.second().toLowerCase(Locale.ROOT);
            if (!split.equals(TRAIN) && !split.equals(VALID) && !split.equals(TEST)) {
                throw new TrainingDataException(uri + " record " + r.number() + ": split must be train, valid or "
                        + "test, got '" + r.second() + "'");
            }
            String previous = splitOf.put(TrackIds.stem(name), split);
            if (previous != null && !previous.equals(split)) {
                throw new TrainingDataException(uri + ": " + name + " is in both " + previous + " and " + split);
            }
        }
        for (String needed : List.of(TRAIN, VALID, TEST)) {
            if (!splitOf.containsValue(needed)) {
                throw new TrainingDataException(uri + ": no track in split '" + needed + "' (train and valid are the "
                        + "two cross-validation folds, test the held-out set)");
            }
        }
        return new FixedSplit(uri, sha256, Map.copyOf(splitOf));
    }
}
