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
        expected.addAll(List.of("label", "artist", "album", "status", "error", "extractor_version", "feature_set",
                "extracted_at", "tag_title", "tag_artist", "tag_album_artist", "tag_album", "tag_genres", "tag_year",
                "tag_track", "tag_mb_recording_id", "tag_mb_release_id", "tag_mb_artist_id", "tag_warning"));
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
        assertEquals("wav", second.get(at(FeatureTable.DECODER)));
        assertEquals(6, at(FeatureTable.DECODER), "right after codec");
        assertEquals(44100, second.get(7));
        assertEquals(2, second.get(8));
        assertEquals(1, second.get(9));
        assertEquals(30.0, second.get(10));
        assertEquals(45.0, second.get(11));
        assertEquals(100.0, second.get(12));          // chroma_stft_mean
        assertEquals(156.0, second.get(12 + 56));     // mfcc20_var
        assertEquals("blues", second.get(at(FeatureTable.LABEL)));
        assertNull(second.get(at(FeatureTable.ARTIST)));
        assertNull(second.get(at(FeatureTable.ALBUM)));
        assertEquals("ok", second.get(at(FeatureTable.STATUS)));
        assertNull(second.get(at(FeatureTable.ERROR)));
        assertEquals("9.9", second.get(at(FeatureTable.EXTRACTOR_VERSION)));
        assertEquals("gtzan", second.get(at(FeatureTable.FEATURE_SET)));
        assertEquals(new Timestamp(1_700_000_000_000L), second.get(at(FeatureTable.EXTRACTED_AT)));
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
    void artistAndAlbumFollowTheLabel() {
        CatalogueFile tagged = FILE.withTags("blues", "Son House", "Delta Sessions");
        TrackResult result = TrackResult.failed(tagged, null, "empty file");
        Row r = FeatureTable.rows(result, RUN).get(0);
        assertEquals(at(FeatureTable.LABEL) + 1, at(FeatureTable.ARTIST));
        assertEquals("Son House", r.get(at(FeatureTable.ARTIST)));
        assertEquals("Delta Sessions", r.get(at(FeatureTable.ALBUM)));
    }

    @Test
    void anUnusableFileHasOneErrorRowWithoutFeatures() {
        TrackResult result = TrackResult.failed(FILE, null, "empty file");
        List<Row> rows = FeatureTable.rows(result, RUN);
        assertEquals(1, rows.size());
        Row r = rows.get(0);
        assertEquals("file:/m/blues/a.wav", r.get(1));
        assertEquals(1234L, r.get(2));
        for (int i = 4; i < at(FeatureTable.LABEL); i++) {
            assertNull(r.get(i), FeatureTable.SCHEMA.fieldNames()[i]);
        }
        assertEquals("blues", r.get(at(FeatureTable.LABEL)));
        assertEquals("error", r.get(at(FeatureTable.STATUS)));
        assertEquals("empty file", r.get(at(FeatureTable.ERROR)));
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
        assertNull(r.get(at(FeatureTable.DECODER))); // no decoder: librosa read the audio
        assertEquals(0, r.get(9));
        assertEquals(1.0, r.get(12));
        assertEquals("blues", r.get(at(FeatureTable.LABEL)));
        assertEquals("ok", r.get(at(FeatureTable.STATUS)));
        assertNull(r.get(at(FeatureTable.EXTRACTOR_VERSION))); // computed by librosa, not by a genrelake extractor
    }

    private static int at(String column) {
        return FeatureTable.SCHEMA.fieldIndex(column);
    }
}
