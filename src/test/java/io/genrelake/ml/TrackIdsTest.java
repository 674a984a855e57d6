package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackIdsTest {

    @Test
    void wholeClipTableKeepsGtzanClipNumbers() {
        List<String> names = List.of("blues.00000.wav", "blues.00001.wav", "jazz.00054.wav");
        assertFalse(TrackIds.isSegmentTable(names), "zero-padded clip numbers are not segment numbers");
        assertEquals(new TrackIds.TrackWindow("blues.00000", 0), TrackIds.of("blues.00000.wav", false));
    }

    @Test
    void kaggleThreeSecondTableGroupsSegmentsIntoTracks() {
        List<String> names = List.of("blues.00000.0.wav", "blues.00000.1.wav", "blues.00000.9.wav", "rock.00099.3.wav");
        assertTrue(TrackIds.isSegmentTable(names));
        assertEquals(new TrackIds.TrackWindow("blues.00000", 3), TrackIds.of("blues.00000.3.wav", true));
        assertEquals(new TrackIds.TrackWindow("rock.00099", 12), TrackIds.of("rock.00099.12.wav", true));
    }

    @Test
    void oneNameWithoutSegmentNumberMakesItAClipTable() {
        assertFalse(TrackIds.isSegmentTable(List.of("a.0.wav", "b.wav")));
        assertEquals("b", TrackIds.of("b.wav", false).trackId());
        assertEquals("my song.live", TrackIds.of("dir/my song.live.mp3", false).trackId());
    }
}
