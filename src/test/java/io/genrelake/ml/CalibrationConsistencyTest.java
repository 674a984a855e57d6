package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CalibrationConsistencyTest {

    /** n predictions of the same confidence c for class 0, the first {@code right} of them right. */
    private static double[][] constant(int n, double c) {
        double[][] p = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {c, (1 - c) / 3, (1 - c) / 3, (1 - c) / 3};
        }
        return p;
    }

    private static int[] rightFirst(int n, int right) {
        int[] labels = new int[n];
        for (int i = right; i < n; i++) {
            labels[i] = 1;
        }
        return labels;
    }

    /**
     * One bin: a calibrated model's ECE is |X/n − c| with X ~ Binomial(n, c); with σ = √(c(1−c)/n) (the normal
     * approximation) its mean is √(2/π)·σ, its 95th percentile 1.96·σ, and the bin's accuracy X/n has its 5th
     * percentile at c − 1.645·σ.
     */
    @Test
    void oneBinMatchesTheBinomialsMeanAbsoluteDeviation() {
        int n = 400;
        double c = 0.7;
        CalibrationConsistency.Result r = CalibrationConsistency.of(constant(n, c), rightFirst(n, 280), 4000, 3);
        double sigma = Math.sqrt(c * (1 - c) / n);
        assertEquals(Math.sqrt(2 / Math.PI) * sigma, r.meanEce(), 0.05 * Math.sqrt(2 / Math.PI) * sigma);
        assertEquals(1.96 * sigma, r.highEce(), 0.08 * 1.96 * sigma);
        int bin = Reliability.bin(c);
        assertTrue(r.binLow()[bin] < c && c < r.binHigh()[bin], Arrays.toString(r.binLow()));
        assertEquals(c - 1.645 * sigma, r.binLow()[bin], 0.01);
        for (int b = 0; b < Reliability.BINS; b++) {
            if (b != bin) {
                assertTrue(Double.isNaN(r.binLow()[b]) && Double.isNaN(r.binHigh()[b]), "empty bin " + b);
            }
        }
        // 280 of 400 right at confidence 0.7: measured ECE 0, every draw at least as large.
        assertEquals(0.0, r.measuredEce(), 1e-12);
        assertEquals(1.0, r.pValue(), 1e-12);
        assertTrue(r.consistent());
    }

    @Test
    void overConfidentPredictionsAreMoreThanNoise() {
        // Confidence 0.95, right 60 % of the time: ECE 0.35, far outside a calibrated model's ~0.01.
        CalibrationConsistency.Result r = CalibrationConsistency.of(constant(500, 0.95), rightFirst(500, 300));
        assertEquals(0.35, r.measuredEce(), 1e-9);
        assertEquals(0.0, r.pValue(), 1e-12);
        assertFalse(r.consistent());
        assertTrue(r.describe().contains("more than sampling noise"), r.describe());
        assertTrue(r.highEce() < 0.03, "noise of 500 predictions at 0.95: " + r.highEce());
    }

    @Test
    void predictionsWhoseLabelsAreDrawnFromThemAreConsistentNineTimesInTen() {
        int consistent = 0;
        double pValues = 0;
        for (int seed = 0; seed < 40; seed++) {
            TrackPredictions p = SyntheticProbabilities.of(400, 4, 5, 1.0, 100 + seed);
            CalibrationConsistency.Result r = CalibrationConsistency.of(p.probabilities(), p.labels(), 500, seed);
            consistent += r.consistent() ? 1 : 0;
            pValues += r.pValue();
        }
        // 90 % expected (the range leaves 5 % above it): 36 of 40; a binomial 40 × 0.9 falls under 31 with
        // probability < 0.5 %.
        assertTrue(consistent >= 31, consistent + " of 40 calibrated samples consistent");
        assertEquals(0.5, pValues / 40, 0.12, "p-values of calibrated samples are uniform");
        // Sharpened three times: the same scores over-confident.
        TrackPredictions sharp = SyntheticProbabilities.of(400, 4, 5, 3.0, 7);
        assertFalse(CalibrationConsistency.of(sharp.probabilities(), sharp.labels()).consistent());
    }

    @Test
    void theNoiseShrinksWithTheSquareRootOfTheNumberOfPredictions() {
        TrackPredictions small = SyntheticProbabilities.of(400, 4, 5, 1.0, 1);
        TrackPredictions large = SyntheticProbabilities.of(40_000, 4, 5, 1.0, 1);
        double a = CalibrationConsistency.of(small.probabilities(), small.labels(), 300, 1).meanEce();
        double b = CalibrationConsistency.of(large.probabilities(), large.labels(), 300, 1).meanEce();
        // 15 bins of a 100× larger sample: each bin's noise 10× smaller.
        assertEquals(10.0, a / b, 2.0, a + " against " + b);
        assertTrue(a > 0.03, "400 calibrated predictions in 15 bins read ECE " + a + " on average");
    }

    @Test
    void theSameInputGivesTheSameResultAndTheMeasuredEceIsReliabilitysOwn() {
        TrackPredictions p = SyntheticProbabilities.of(300, 3, 5, 2.0, 4);
        CalibrationConsistency.Result a = CalibrationConsistency.of(p.probabilities(), p.labels());
        CalibrationConsistency.Result b = CalibrationConsistency.of(p.probabilities(), p.labels());
        assertEquals(a.meanEce(), b.meanEce());
        assertEquals(a.pValue(), b.pValue());
        assertArrayEquals(a.binHigh(), b.binHigh());
        assertEquals(Reliability.ece(p.probabilities(), p.labels()), a.measuredEce(), 1e-15);
        assertEquals(CalibrationConsistency.DRAWS, a.draws());
    }

    @Test
    void theSelectionReadsItsKeptEceAgainstNoiseOutOfFoldAndOnTheTestSplit() {
        CalibrationResult c = CalibrationSelection.run(SyntheticProbabilities.of(600, 3, 5, 3.0, 1),
                SyntheticProbabilities.of(200, 3, 1, 3.0, 2), 0.9);
        assertEquals(c.eceAfter(), c.consistency().measuredEce(), 1e-12);
        assertEquals(c.test().eceAfter(), c.test().consistency().measuredEce(), 1e-12);
        assertTrue(c.test().consistency().meanEce() > c.consistency().meanEce(),
                "200 test units are noisier than 600 out-of-fold ones");
        assertTrue(ConsoleTable.calibrationLine(c).contains("calibrated predictions at these confidences would read"));
    }

    @Test
    void quantileInterpolatesAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.0, CalibrationConsistency.quantile(sorted, 0), 1e-12);
        assertEquals(4.0, CalibrationConsistency.quantile(sorted, 1), 1e-12);
        assertEquals(2.5, CalibrationConsistency.quantile(sorted, 0.5), 1e-12);
        assertEquals(3.85, CalibrationConsistency.quantile(sorted, 0.95), 1e-12);
    }
}
