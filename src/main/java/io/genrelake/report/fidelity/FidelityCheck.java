package io.genrelake.report.fidelity;

import io.genrelake.audio.AudioLoader;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.SegmentPlan;
import io.genrelake.features.TrackFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the rows of a reference table in shared/ from audio and measures, per feature column, how
 * far our numbers are from librosa's. The audio goes through our own decoder, as in production.
 */
public final class FidelityCheck {

    /** Target: largest relative error of any column (issue 2). */
    public static final double MAX_RELATIVE = 1e-3;
    /** Target: median relative error of every column. */
    public static final double MEDIAN_RELATIVE = 1e-5;
    /** Target: absolute error of harmony_mean and perceptr_mean (values ~1e-6). */
    public static final double MAX_ABSOLUTE = 1e-7;

    private final Path shared;
    private final FeatureExtractor extractor = new FeatureExtractor();
    private final Map<String, float[]> decoded = new HashMap<>();

    public FidelityCheck(Path shared) {
        this.shared = shared;
    }

    /** The outcome for one reference set. */
    public record Result(ReferenceSet set, int rows, int lengthMismatches, int tempoIdentical,
                         List<ColumnErrors> columns, double seconds) {

        /** Every way this result misses the targets; empty when it meets them all. */
        public List<String> violations() {
            List<String> v = new ArrayList<>();
            if (lengthMismatches > 0) {
                v.add(lengthMismatches + " row(s) with a different length");
            }
            if (tempoIdentical != rows) {
                v.add((rows - tempoIdentical) + " row(s) with a different tempo");
            }
            for (ColumnErrors c : columns) {
                if (ColumnErrors.absolute(c.column())) {
                    if (!(c.maxAbsolute() <= MAX_ABSOLUTE)) {
                        v.add(c.column() + ": max absolute error " + c.maxAbsolute() + " (" + c.worstRow() + ")");
                    }
                    continue;
                }
                if (!(c.maxRelative() <= MAX_RELATIVE)) {
                    v.add(c.column() + ": max relative error " + c.maxRelative() + " (" + c.worstRow() + ")");
                }
                if (!(c.medianRelative() <= MEDIAN_RELATIVE)) {
                    v.add(c.column() + ": median relative error " + c.medianRelative());
                }
            }
            return v;
        }
    }

    /** Whether the reference table of a set is present. */
    public boolean available(ReferenceSet set) {
        return Files.isRegularFile(shared.resolve(set.table()));
    }

    public Result run(ReferenceSet set) throws IOException {
        long t0 = System.nanoTime();
        List<KaggleRow> reference = KaggleCsv.read(shared.resolve(set.table()));
        List<ColumnErrors> columns = new ArrayList<>();
        for (String name : FeatureSet.NAMES) {
            columns.add(new ColumnErrors(name));
        }
        int rows = 0;
        int lengthMismatches = 0;
        int tempoIdentical = 0;
        for (KaggleRow ref : reference) {
            TrackFeatures ours = compute(set, ref.filename());
            if (ours == null) {
                continue; // a Kaggle row whose audio is not in shared/ (features_30_sec has 1000 rows, 8 clips)
            }
            rows++;
            if (ref.length() >= 0 && ref.length() != ours.length()) {
                lengthMismatches++;
            }
            double[] v = ours.values();
            if (v[FeatureSet.TEMPO] == ref.values()[FeatureSet.TEMPO]) {
                tempoIdentical++;
            }
            for (int i = 0; i < FeatureSet.SIZE; i++) {
                columns.get(i).add(ref.filename(), v[i], ref.values()[i]);
            }
        }
        if (rows == 0) {
            throw new IOException("no audio found for any row of " + set.table());
        }
        return new Result(set, rows, lengthMismatches, tempoIdentical, columns, (System.nanoTime() - t0) / 1e9);
    }

    /** Our features for one reference row, or null when its audio is not in shared/. */
    private TrackFeatures compute(ReferenceSet set, String filename) throws IOException {
        if (set == ReferenceSet.EDGE_CASES) {
            float[] y = decode(shared.resolve("golden/edge_cases").resolve(filename));
            return y == null ? null : extractor.extract(y);
        }
        if (set.cut() == null) {
            float[] y = decodeClip(filename);
            return y == null ? null : extractor.extract(y);
        }
        // "<clip>.<k>.wav", e.g. blues.00000.3.wav
        String stem = filename.substring(0, filename.lastIndexOf('.'));
        int dot = stem.lastIndexOf('.');
        int k = Integer.parseInt(stem.substring(dot + 1));
        float[] y = decodeClip(stem.substring(0, dot) + ".wav");
        if (y == null) {
            return null;
        }
        SegmentPlan plan = new SegmentPlan(ReferenceSet.SEGMENT_SAMPLES, set.cut());
        int from = (int) plan.start(k);
        return extractor.extract(y, from, from + plan.length());
    }

    /** gtzan/audio/&lt;genre&gt;/&lt;clip&gt;.wav, the genre being the clip name's first part. */
    private float[] decodeClip(String clipFile) throws IOException {
        String genre = clipFile.substring(0, clipFile.indexOf('.'));
        return decode(shared.resolve("gtzan/audio").resolve(genre).resolve(clipFile));
    }

    private float[] decode(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        float[] y = decoded.get(file.toString());
        if (y == null) {
            y = AudioLoader.load(file).samples();
            decoded.put(file.toString(), y);
        }
        return y;
    }
}
