package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.RichFeatureSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    private static final RunStamp RUN = new RunStamp("9.9", 1_700_000_000_000L);
    private static final CatalogueFile FILE =
            new CatalogueFile("file:/m/blues/a.wav", "blues/a.wav", 1234, 1_600_000_000_000L, "blues");

    private static double[] features(double base) {
        double[] v = new double[FeatureSet.SIZE];
        Arrays.setAll(v, i -> base + i);
        return v;
    }

    @Test
    void columnsAreTheIdsTheFiftySevenFeaturesThenStatusInThisOrder() {
        List<String> expected = new ArrayList<>(List.of("track_id", "path", "size", "modified", "duration_s", "codec",
                "decoder", "sample_rate_in", "channels_in", "window", "start_s", "end_s"));
        expected.addAll(FeatureSet.NAMES);
        expected.addAll(List.of("label", "status", "error", "extractor_version", "feature_set", "extracted_at"));
        assertEquals(expected, Arrays.asList(FeatureTable.SCHEMA.fieldNames()));
        assertEquals(DataTypes.TimestampType, FeatureTable.SCHEMA.apply("modified").dataType());
        assertEquals(DataTypes.DoubleType, FeatureTable.SCHEMA.apply("mfcc20_var").dataType());
        assertEquals(DataTypes.IntegerType, FeatureTable.SCHEMA.apply("window").dataType());
        assertEquals(DataTypes.LongType, FeatureTable.SCHEMA.apply("size").dataType());
        assertFalse(FeatureTable.SCHEMA.apply("track_id").nullable());
        assertFalse(FeatureTable.SCHEMA.apply("status").nullable());
    }

    @Test
    void aUsableFileHasOneRowPerWindow() {
        WindowPlan plan = WindowPlan.standard();
        TrackResult result = TrackResult.ok(FILE, new AudioInfo("pcm_s16le", 44100, 2, "wav"), 45.0, List.of(
                new TrackResult.WindowFeatures(plan.window(0, 30 * 22050), features(0)),
                new TrackResult.WindowFeatures(plan.window(1, 15 * 22050), features(100))));
        List<Row> rows = FeatureTable.rows(result, RUN);
        assertEquals(2, rows.size());
        Row second = rows.get(1);
        assertEquals(FeatureTable.SCHEMA.size(), second.size());
        assertEquals(TrackId.of("file:/m/blues/a.wav"), second.getAs(0));
        assertEquals("file:/m/blues/a.wav", second.get(1));
        assertEquals(1234L, second.get(2));
        assertEquals(new Timestamp(1_600_000_000_000L), second.get(3));
        assertEquals(45.0, second.get(4));
        assertEquals("pcm_s16le", second.get(5));
        assertEquals("wav", second.get(6));
        assertEquals(44100, second.get(7));
        assertEquals(2, second.get(8));
        assertEquals(1, second.get(9));
        assertEquals(30.0, second.get(10));
        assertEquals(45.0, second.get(11));
        assertEquals(100.0, second.get(12));          // chroma_stft_mean
        assertEquals(156.0, second.get(12 + 56));     // mfcc20_var
        assertEquals("blues", second.get(69));
        assertEquals("ok", second.get(70));
        assertNull(second.get(71));
        assertEquals("9.9", second.get(72));
        assertEquals("gtzan", second.get(73));
        assertEquals(new Timestamp(1_700_000_000_000L), second.get(74));
    }

    @Test
    void aRichRunHasTheRichColumnsAfterTheFiftySevenAndSaysSo() {
        RunStamp rich = new RunStamp("9.9", 1_700_000_000_000L, FeatureSetKind.RICH);
        double[] v = new double[RichFeatureSet.SIZE];
        Arrays.setAll(v, i -> i);
        TrackResult result = TrackResult.ok(FILE, new AudioInfo("pcm_s16le", 22050, 1, "wav"), 30.0,
                List.of(new TrackResult.WindowFeatures(WindowPlan.standard().window(0, 661500), v)));
        Row r = FeatureTable.rows(result, rich).get(0);
        StructType schema = FeatureTable.schema(FeatureSetKind.RICH);
        assertEquals(schema.size(), r.size());
        assertEquals(0.0, r.get(schema.fieldIndex("chroma_stft_mean")));
        assertEquals(57.0, r.get(schema.fieldIndex("mel1_mean")));
        assertEquals(297.0, r.get(schema.fieldIndex("onset_rate")));
        assertEquals("rich", r.get(schema.fieldIndex("feature_set")));
        // a gtzan row in a rich run is a bug, not a table
        TrackResult short57 = TrackResult.ok(FILE, new AudioInfo("pcm_s16le", 22050, 1, "wav"), 30.0,
                List.of(new TrackResult.WindowFeatures(WindowPlan.standard().window(0, 661500),
                        new double[FeatureSet.SIZE])));
        assertThrows(IllegalArgumentException.class, () -> FeatureTable.rows(short57, rich));
    }

    @Test
    void anUnusableFileHasOneErrorRowWithoutFeatures() {
        TrackResult result = TrackResult.failed(FILE, null, "empty file");
        List<Row> rows = FeatureTable.rows(result, RUN);
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        assertEquals("file:/m/blues/a.wav", r.get(1));
        assertEquals(1234L, r.get(2));
        for (int i = 4; i < 69; i++) {
            assertNull(r.get(i), FeatureTable.SCHEMA.fieldNames()[i]);
        }
        assertEquals("blues", r.get(69));
        assertEquals("error", r.get(70));
        assertEquals("empty file", r.get(71));
    }

    @Test
    void aKaggleRowIsWindowZeroOfItsTableEntry() {
        KaggleRow kaggle = new KaggleRow("blues.00000.wav", 661794, features(1), "blues");
        Row r = FeatureTable.kaggleRow("file:/shared/features_30_sec.csv", kaggle, RUN);
        assertEquals("file:/shared/features_30_sec.csv#blues.00000.wav", r.get(1));
        assertEquals(TrackId.of("file:/shared/features_30_sec.csv#blues.00000.wav"), r.get(0));
        assertNull(r.get(2));
        assertEquals(661794 / 22050.0, r.get(4));
        assertEquals("kaggle-csv", r.get(5));
        assertNull(r.get(6)); // no decoder: librosa read the audio
        assertEquals(0, r.get(9));
        assertEquals(1.0, r.get(12));
        assertEquals("blues", r.get(69));
        assertEquals("ok", r.get(70));
        assertNull(r.get(72)); // computed by librosa, not by a genrelake extractor
    }
}
