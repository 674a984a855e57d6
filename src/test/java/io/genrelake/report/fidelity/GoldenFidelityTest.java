package io.genrelake.report.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.testing.SharedData;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 2's fidelity targets on every reference set in shared/: decoded from the WAV files by our own
 * decoder, whole clips, 3-s segments cut both ways, Kaggle's original rows and the edge cases.
 */
class GoldenFidelityTest {

    @ParameterizedTest
    @EnumSource(ReferenceSet.class)
    void meetsTheTargets(ReferenceSet set) throws IOException {
        SharedData.require(set.table());
        FidelityCheck.Result r = new FidelityCheck(SharedData.root()).run(set);
        int expectedRows = switch (set) {
            case CLIPS -> 8;
            case SEGMENTS_KAGGLE, SEGMENTS_EXACT -> 80;
            case KAGGLE_3S_ORIGINAL -> 10;
            case EDGE_CASES -> 7;
        };
        assertEquals(expectedRows, r.rows(), "rows with audio in shared/");
        assertTrue(r.violations().isEmpty(), set + ": " + r.violations());
    }
}
