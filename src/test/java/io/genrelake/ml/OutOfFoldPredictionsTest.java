package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutOfFoldPredictionsTest {

    private static final List<String> GENRES = List.of("jazz", "rock, hard");

    @Test
    void oneRowPerTrackWithItsFoldLabelPredictionAndProbabilities() {
        TrackPredictions outOfFold = new TrackPredictions(new String[] {"t1", "t2"},
                new double[][] {{0.8, 0.2}, {0.3, 0.7}}, new int[] {0, 0}, new int[] {1, 0});
        TrackPredictions heldOut = new TrackPredictions(new String[] {"t3"}, new double[][] {{0.25, 0.75}},
                new int[] {1}, new int[] {TrackPredictions.HELD_OUT});
        String csv = OutOfFoldPredictions.csv(outOfFold, heldOut, GENRES, Map.of(
                "t1", new OutOfFoldPredictions.Track("So What", "Miles Davis", "Kind of Blue"),
                "t3", new OutOfFoldPredictions.Track("Say \"hi\"", "A, B", null)));
        assertEquals(String.join("\n",
                "unit_id,track_name,artist,album,fold,genre,predicted,correct,confidence,p_jazz,\"p_rock, hard\"",
                "t1,So What,Miles Davis,Kind of Blue,1,jazz,jazz,true,0.800000,0.800000,0.200000",
                "t2,,,,0,jazz,\"rock, hard\",false,0.700000,0.300000,0.700000",
                "t3,\"Say \"\"hi\"\"\",\"A, B\",,test,\"rock, hard\",\"rock, hard\",true,0.750000,0.250000,0.750000",
                ""), csv);
    }

    @Test
    void withoutATestSetOnlyTheOutOfFoldRows() {
        TrackPredictions outOfFold = new TrackPredictions(new String[] {"t1"}, new double[][] {{0.5, 0.5}},
                new int[] {1}, new int[] {0});
        String csv = OutOfFoldPredictions.csv(outOfFold, null, GENRES, Map.of());
        assertEquals(2, csv.lines().count());
        // a tie goes to the first class, as MLlib's prediction column does
        assertEquals("t1,,,,0,\"rock, hard\",jazz,false,0.500000,0.500000,0.500000", csv.lines().toList().get(1));
    }
}
