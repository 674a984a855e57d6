package io.genrelake.report.fidelity;

import io.genrelake.audio.AudioLoader;
import io.genrelake.features.CsvRecordReader;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.RichFeatureSet;
import io.genrelake.features.TrackFeatures;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rich set's 241 columns against librosa's (shared/golden/rich/rich_rows.csv): the 8 GTZAN clips and the
 * synthetic mix, decoded by our own decoder as in production.
 *
 * <p>The error of a value is {@code |ours − ref| / max(|ref|, floor)}: relative, except for values within the
 * floor of zero, where it is absolute. The floor is {@value #FLOOR}: the means of mfcc_delta and tonnetz sit
 * near zero, where a relative error measures only float32 noise.
 */
public final class RichFidelityCheck {

    /** Target: largest error of any column. */
    public static final double MAX_ERROR = 1e-4;
    /** Values below this in magnitude are judged by absolute error. */
    public static final double FLOOR = 1e-3;
    /** The reference table, relative to shared/. */
    public static final String TABLE = "golden/rich/rich_rows.csv";

    private final Path shared;
    private final FeatureExtractor extractor = new FeatureExtractor(FeatureSetKind.RICH);

    public RichFidelityCheck(Path shared) {
        this.shared = shared;
    }

    /** One column's errors over the clips. */
    public record Column(String name, double maxError, String worstClip, double ours, double reference) {}

    public boolean available() {
        return Files.isRegularFile(shared.resolve(TABLE));
    }

    /** The judged error of one value. */
    public static double error(double ours, double reference) {
        if (Double.isNaN(ours)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.abs(ours - reference) / Math.max(Math.abs(reference), FLOOR);
    }

    /** Per column of {@link RichFeatureSet#EXTRA}, in order, its largest error over the clips of the table. */
    public List<Column> run() throws IOException {
        List<Column> columns = new ArrayList<>();
        for (String name : RichFeatureSet.EXTRA) {
            columns.add(new Column(name, -1, "", 0, 0));
        }
        try (Reader in = Files.newBufferedReader(shared.resolve(TABLE), StandardCharsets.UTF_8)) {
            CsvRecordReader csv = new CsvRecordReader(in, TABLE);
            List<String> header = csv.next();
            int[] at = new int[RichFeatureSet.EXTRA.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = header.indexOf(RichFeatureSet.EXTRA.get(i));
                if (at[i] < 0) {
                    throw new IOException(TABLE + " lacks column " + RichFeatureSet.EXTRA.get(i));
                }
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                String clip = row.get(0);
                TrackFeatures ours = extractor.extract(AudioLoader.load(audio(clip)).samples());
                double[] v = ours.values();
                for (int i = 0; i < at.length; i++) {
                    double ref = Double.parseDouble(row.get(at[i]));
                    double mine = v[FeatureSet.SIZE + i];
                    double e = error(mine, ref);
                    if (e > columns.get(i).maxError()) {
                        columns.set(i, new Column(RichFeatureSet.EXTRA.get(i), e, clip, mine, ref));
                    }
                }
            }
        }
        return columns;
    }

    /** The audio of a row: gtzan/audio/&lt;genre&gt;/&lt;clip&gt;, or the synthetic mix's input. */
    private Path audio(String clip) {
        if (clip.equals("synth_mix.wav")) {
            return shared.resolve("golden/clips/synth_mix/input.wav");
        }
        return shared.resolve("gtzan/audio").resolve(clip.substring(0, clip.indexOf('.'))).resolve(clip);
    }
}
