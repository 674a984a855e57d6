package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration on predictions whose calibration is known ({@link SyntheticProbabilities}): both methods bring
 * over-confident probabilities close to calibrated, cross-fitted; the threshold is the smallest that reaches
 * the target precision and holds it on fresh predictions; ECE and the threshold agree with hand counts.
 */
class CalibrationTest {

    @Test
    void eceCountsFifteenEqualWidthBins() {
        // Two right at 0.9 (bin (13/15, 14/15]) and one wrong at 0.5 (bin (7/15, 8/15]).
        double[][] p = {{0.9, 0.1}, {0.9, 0.1}, {0.5, 0.5}};
        int[] labels = {0, 0, 1};
        assertEquals(15, Reliability.BINS);
        assertEquals(2.0 / 3 * 0.1 + 1.0 / 3 * 0.5, Reliability.ece(p, labels), 1e-12);
        Reliability.Bin[] bins = Reliability.bins(p, labels);
        assertEquals(2, bins[13].count());
        assertEquals(1, bins[7].count());
        assertEquals(0.0, bins[7].accuracy(), "0.5 ties go to the first class, which is wrong here");
        assertEquals(0, Reliability.bin(0.0));
        assertEquals(14, Reliability.bin(1.0));
        assertEquals(0, Reliability.bin(1.0 / 15), "bins are closed on the right");
    }

    @Test
    void calibrationOfOverConfidentProbabilitiesLowersEce() {
        TrackPredictions over = SyntheticProbabilities.of(3000, 5, 10, 3.0, 1);
        CalibrationResult result = CalibrationSelection.run(over, null, 0.9);
        assertTrue(result.eceBefore() > 0.1, "sharpened threefold, the predictions are over-confident: "
                + result.eceBefore());
        for (String method : ProbabilityCalibration.METHODS) {
            double ece = result.eceByMethod().get(method);
            assertTrue(ece < 0.04, method + " cross-fitted ECE " + ece + " from " + result.eceBefore());
        }
        assertEquals(Math.min(result.eceByMethod().get("temperature"), result.eceByMethod().get("isotonic")),
                result.eceAfter(), 0.0, "the lower method is kept");
        // Temperature scaling undoes the sharpening: T near 3.
        ProbabilityCalibration t = ProbabilityCalibration.fit("temperature", over.probabilities(), over.labels());
        assertEquals(3.0, t.temperature(), 0.3);
    }

    @Test
    void calibratedProbabilitiesAreLeftAloneWhenNoMapImprovesThem() {
        TrackPredictions calibrated = SyntheticProbabilities.of(1000, 5, 10, 1.0, 8);
        CalibrationResult result = CalibrationSelection.run(calibrated, null, 0.9);
        assertTrue(result.eceAfter() <= result.eceBefore(), "calibration never raises the cross-fitted ECE");
        if (result.calibration().method().equals(ProbabilityCalibration.NONE)) {
            double[] p = calibrated.probabilities()[0];
            assertArrayEquals(p, result.calibration().apply(p), 0.0);
            assertEquals(result.eceBefore(), result.eceAfter(), 0.0);
        } else {
            assertTrue(result.eceAfter() < result.eceBefore());
        }
    }

    @Test
    void underConfidentProbabilitiesAreSharpened() {
        TrackPredictions under = SyntheticProbabilities.of(3000, 5, 10, 0.4, 2);
        ProbabilityCalibration t = ProbabilityCalibration.fit("temperature", under.probabilities(), under.labels());
        assertTrue(t.temperature() < 0.6, "T " + t.temperature());
        double[][] calibrated = CalibrationSelection.crossFit("temperature", under);
        assertTrue(Reliability.ece(calibrated, under.labels()) < Reliability.ece(under.probabilities(), under.labels()) / 3);
    }

    @Test
    void bothMethodsKeepTheArgmaxAndASumOfOne() {
        TrackPredictions p = SyntheticProbabilities.of(500, 4, 5, 2.0, 3);
        for (String method : ProbabilityCalibration.METHODS) {
            ProbabilityCalibration map = ProbabilityCalibration.fit(method, p.probabilities(), p.labels());
            for (double[] row : p.probabilities()) {
                double[] c = map.apply(row);
                assertEquals(TrackPredictions.argmax(row), TrackPredictions.argmax(c), method);
                assertEquals(1.0, java.util.Arrays.stream(c).sum(), 1e-9, method);
            }
        }
    }

    @Test
    void isotonicMapIsMonotoneAndPoolsViolators() {
        // Confidences 0.4 (right), 0.5 (wrong), 0.6 (right), 0.7 (right): 0.4 and 0.5 pool to 0.5.
        double[][] p = {{0.4, 0.3, 0.3}, {0.5, 0.25, 0.25}, {0.6, 0.2, 0.2}, {0.7, 0.2, 0.1}};
        int[] labels = {0, 1, 0, 0};
        ProbabilityCalibration map = ProbabilityCalibration.fit("isotonic", p, labels);
        assertEquals(0.5, map.interpolate(0.45), 1e-12);
        assertEquals(0.5, map.interpolate(0.1), 1e-12, "constant below the first point");
        assertEquals(1.0, map.interpolate(0.65), 1e-12);
        assertEquals(0.75, map.interpolate(0.55), 1e-12, "linear between points");
    }

    @Test
    void thresholdIsTheSmallestReachingTheTarget() {
        // Confidences 0.95 ✓, 0.9 ✓, 0.8 ✗, 0.7 ✓, 0.6 ✗: keeping ≥ 0.7 is 3 of 4 right.
        double[][] p = {{0.95, 0.05}, {0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}};
        int[] labels = {0, 1, 1, 1, 1};
        PrecisionThreshold.Choice c = PrecisionThreshold.choose(p, labels, 0.75);
        assertEquals(0.7, c.threshold(), 0.0);
        assertEquals(0.75, c.precision(), 1e-12);
        assertEquals(0.8, c.coverage(), 1e-12);
        PrecisionThreshold.Choice none = PrecisionThreshold.choose(new double[][] {{0.9, 0.1}}, new int[] {1}, 0.5);
        assertTrue(none.threshold() > 1, "no threshold reaches it: every prediction is uncertain");
        assertEquals(0.0, none.coverage());
        assertEquals(0.6, PrecisionThreshold.at(0.6, p, labels).precision(), 1e-12, "all five kept, three right");
    }

    @Test
    void chosenThresholdReachesTheTargetPrecisionOnFreshPredictions() {
        double target = 0.9;
        TrackPredictions fit = SyntheticProbabilities.of(4000, 6, 10, 2.5, 4);
        CalibrationResult result = CalibrationSelection.run(fit, null, target);
        PrecisionThreshold.Choice chosen = result.choice();
        assertTrue(chosen.precision() >= target, "on the cross-fitted predictions it was chosen on");
        assertTrue(chosen.coverage() > 0.2 && chosen.coverage() < 0.9, "coverage " + chosen.coverage());
        for (PrecisionThreshold.Point point : result.curve()) {
            if (point.threshold() < chosen.threshold()) {
                assertTrue(point.accuracy() < target, "a lower threshold " + point + " reaches the target too");
            }
        }
        // Fresh predictions of the same (over-confident) model, calibrated by the saved map.
        TrackPredictions fresh = SyntheticProbabilities.of(20000, 6, 1, 2.5, 5);
        double[][] calibrated = CalibrationSelection.applyAll(result.calibration(), fresh.probabilities());
        PrecisionThreshold.Choice test = PrecisionThreshold.at(chosen.threshold(), calibrated, fresh.labels());
        assertEquals(target, test.precision(), 0.02, "precision on fresh predictions");
        assertEquals(chosen.coverage(), test.coverage(), 0.05);
        PrecisionThreshold.Choice raw = PrecisionThreshold.at(chosen.threshold(), fresh.probabilities(), fresh.labels());
        assertTrue(raw.precision() < target - 0.03, "the same threshold on uncalibrated over-confident "
                + "probabilities misses the target: " + raw.precision());
    }

    @Test
    void heldOutFiguresUseTheSavedMap() {
        TrackPredictions oof = SyntheticProbabilities.of(2000, 5, 10, 3.0, 6);
        TrackPredictions test = SyntheticProbabilities.of(1000, 5, 1, 3.0, 7);
        CalibrationResult result = CalibrationSelection.run(oof, test, 0.9);
        assertEquals(1000, result.test().units());
        assertTrue(result.test().eceAfter() < result.test().eceBefore() / 2, result.test().toString());
        assertNull(CalibrationSelection.run(oof, null, 0.9).test());
        List<PrecisionThreshold.Point> curve = result.curve();
        assertEquals(1.0, curve.get(curve.size() - 1).coverage(), 1e-12, "the lowest threshold keeps everything");
    }
}
