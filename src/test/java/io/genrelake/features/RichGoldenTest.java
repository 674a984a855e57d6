package io.genrelake.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.report.fidelity.RichFidelityCheck;
import io.genrelake.testing.SharedData;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rich set's 241 columns of the 9 clips of shared/golden/rich against librosa's, each within 1e-4 relative
 * error (absolute below {@link RichFidelityCheck#FLOOR}, for the means that sit near zero).
 */
class RichGoldenTest {

    @Test
    void everyRichColumnMatchesLibrosa() throws IOException {
        SharedData.require(RichFidelityCheck.TABLE);
        List<RichFidelityCheck.Column> columns = new RichFidelityCheck(SharedData.root()).run();
        List<String> misses = new ArrayList<>();
        double worst = 0;
        for (RichFidelityCheck.Column c : columns) {
            worst = Math.max(worst, c.maxError());
            if (!(c.maxError() <= RichFidelityCheck.MAX_ERROR)) {
                misses.add(c.name() + ": " + c.maxError() + " on " + c.worstClip() + " (ours " + c.ours()
                        + ", librosa " + c.reference() + ")");
            }
        }
        System.out.println("rich set: largest error " + worst + " over " + columns.size() + " columns");
        assertTrue(misses.isEmpty(), misses.size() + " column(s) off:\n" + String.join("\n", misses));
    }
}
