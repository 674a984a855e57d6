package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoothing by artist: the mix, its groups (within a fold), and the weight chosen on the other folds. */
class GroupSmoothingTest {

    private static final double EPS = 1e-12;

    @Test
    void aTrackIsMixedWithItsGroupsMeanItselfIncluded() {
        TrackPredictions p = new TrackPredictions(new String[] {"a", "b", "c", "d"},
                new double[][] {{0.9, 0.1}, {0.3, 0.7}, {0.2, 0.8}, {0.6, 0.4}}, new int[4], new int[4]);
        TrackPredictions s = new GroupSmoothing(Grouping.ARTIST, 0.5).apply(p,
                new String[] {"x", "x", "alone", null});
        // x's mean is (0.6, 0.4): a → 0.5·(0.9, 0.1) + 0.5·(0.6, 0.4)
        assertArrayEquals(new double[] {0.75, 0.25}, s.probabilities()[0], EPS);
        assertArrayEquals(new double[] {0.45, 0.55}, s.probabilities()[1], EPS);
        // alone in its group, or in none: unchanged
        assertArrayEquals(new double[] {0.2, 0.8}, s.probabilities()[2], EPS);
        assertArrayEquals(new double[] {0.6, 0.4}, s.probabilities()[3], EPS);
        assertArrayEquals(p.units(), s.units());
    }

    @Test
    void groupsDoNotReachAcrossFolds() {
        TrackPredictions p = new TrackPredictions(new String[] {"a", "b", "c"},
                new double[][] {{1, 0}, {0, 1}, {0, 1}}, new int[3], new int[] {0, 1, TrackPredictions.HELD_OUT});
        TrackPredictions s = new GroupSmoothing(Grouping.ARTIST, 0.75).apply(p, new String[] {"x", "x", "x"});
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(p.probabilities()[i], s.probabilities()[i], EPS);
        }
    }

    @Test
    void weightZeroAndNoMeanLeaveTheTrackAlone() {
        double[] own = {0.3, 0.7};
        assertSame(own, new GroupSmoothing(Grouping.ALBUM, 0).mix(own, new double[] {1, 0}));
        assertSame(own, new GroupSmoothing(Grouping.ALBUM, 0.5).mix(own, null));
    }

    @Test
    void theOptionTakesNoneArtistOrAlbum() {
        assertNull(GroupSmoothing.option("none"));
        assertEquals(Grouping.ARTIST, GroupSmoothing.option(" Artist"));
        assertEquals(Grouping.ALBUM, GroupSmoothing.option("album"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GroupSmoothing.option("track"));
        assertTrue(e.getMessage().contains("none, artist or album"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupSmoothing.option("label"));
        assertThrows(IllegalArgumentException.class, () -> new GroupSmoothing(Grouping.ARTIST, 1.5));
    }

    /**
     * Five folds of artists with four tracks each, all of one genre; one track per artist is weakly wrong. Smoothing
     * puts it right; the weight comes from the other folds, and the figure rises from 0.75 to 1.
     */
    @Test
    void smoothingThatHelpsIsChosenOnTheOtherFoldsAndRaisesTheFigure() {
        Builder b = new Builder();
        for (int fold = 0; fold < 5; fold++) {
            for (int artist = 0; artist < 3; artist++) {
                int genre = artist % 2;
                String name = "f" + fold + "a" + artist;
                for (int t = 0; t < 3; t++) {
                    b.add(name, genre, fold, genre == 0 ? 0.8 : 0.2);
                }
                b.add(name, genre, fold, genre == 0 ? 0.45 : 0.55); // wrong, but not by much
            }
        }
        GroupSmoothing.Evaluation e = b.evaluate();
        assertEquals(0.75, e.accuracyBefore(), EPS);
        assertEquals(1.0, e.accuracy(), EPS);
        assertEquals(0.0, e.accuracyStd(), EPS);
        assertTrue(e.chosen().weight() > 0, "weight " + e.chosen().weight());
        for (double w : e.foldWeights()) {
            assertTrue(w > 0, "fold weight " + w);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, e.folds());
        assertEquals(b.size(), e.outOfFold().size());
    }

    /** Artists whose tracks are of two genres: smoothing only blurs them, so it is not applied. */
    @Test
    void smoothingThatHurtsIsNotApplied() {
        Builder b = new Builder();
        for (int fold = 0; fold < 3; fold++) {
            for (int artist = 0; artist < 2; artist++) {
                String name = "f" + fold + "a" + artist;
                b.add(name, 0, fold, 0.55);
                b.add(name, 1, fold, 0.1);
                b.add(name, 1, fold, 0.2);
            }
        }
        GroupSmoothing.Evaluation e = b.evaluate();
        assertEquals(0.0, e.chosen().weight());
        assertEquals(e.accuracyBefore(), e.accuracy(), EPS);
        assertEquals(1.0, e.accuracy(), EPS);
    }

    /**
     * Only fold 0's artists gain from smoothing; the other folds lose from it, so fold 0 — judged at the weight best
     * on the others — is not smoothed: its own labels never choose its weight.
     */
    @Test
    void aFoldsWeightIsNotChosenOnItsOwnTracks() {
        Builder b = new Builder();
        for (int t = 0; t < 3; t++) {
            b.add("helped", 0, 0, 0.8);
        }
        b.add("helped", 0, 0, 0.45);
        for (int fold = 1; fold < 4; fold++) {
            String name = "hurt" + fold;
            b.add(name, 1, fold, 0.45); // right, weakly
            b.add(name, 0, fold, 0.9);
            b.add(name, 0, fold, 0.9);
            b.add(name, 1, fold, 0.05);
        }
        GroupSmoothing.Evaluation e = b.evaluate();
        assertEquals(0.0, e.foldWeights()[0]);
        assertEquals(0.75, e.smoothedFoldAccuracies()[0], EPS); // as before smoothing
        assertEquals(0.75, e.foldAccuracies()[0], EPS);
    }

    @Test
    void theHeldOutTracksAreSmoothedAtTheChosenWeight() {
        Builder b = new Builder();
        for (int fold = 0; fold < 3; fold++) {
            for (int t = 0; t < 3; t++) {
                b.add("f" + fold, 0, fold, 0.8);
            }
            b.add("f" + fold, 0, fold, 0.45);
        }
        TrackPredictions test = new TrackPredictions(new String[] {"t1", "t2"},
                new double[][] {{0.9, 0.1}, {0.45, 0.55}}, new int[] {0, 0},
                new int[] {TrackPredictions.HELD_OUT, TrackPredictions.HELD_OUT});
        GroupSmoothing.Evaluation e = GroupSmoothing.evaluate(Grouping.ARTIST, b.predictions(), b.groups(), test,
                new String[] {"new", "new"});
        double w = e.chosen().weight();
        assertTrue(w > 0);
        assertArrayEquals(new double[] {(1 - w) * 0.45 + w * 0.675, (1 - w) * 0.55 + w * 0.325},
                e.heldOut().probabilities()[1], EPS);
        assertEquals(1.0, e.heldOutAccuracy(), EPS);
    }

    /** Out-of-fold predictions of two genres, built track by track. */
    private static final class Builder {
        private final List<String> groups = new ArrayList<>();
        private final List<double[]> probabilities = new ArrayList<>();
        private final List<Integer> labels = new ArrayList<>();
        private final List<Integer> folds = new ArrayList<>();

        /** A track of {@code group} whose probability of genre 0 is {@code p0}. */
        void add(String group, int label, int fold, double p0) {
            groups.add(group);
            probabilities.add(new double[] {p0, 1 - p0});
            labels.add(label);
            folds.add(fold);
        }

        int size() {
            return labels.size();
        }

        String[] groups() {
            return groups.toArray(String[]::new);
        }

        TrackPredictions predictions() {
            String[] units = new String[size()];
            for (int i = 0; i < units.length; i++) {
                units[i] = "u" + i;
            }
            return new TrackPredictions(units, probabilities.toArray(double[][]::new),
                    labels.stream().mapToInt(Integer::intValue).toArray(),
                    folds.stream().mapToInt(Integer::intValue).toArray());
        }

        GroupSmoothing.Evaluation evaluate() {
            return GroupSmoothing.evaluate(Grouping.ARTIST, predictions(), groups(), null, null);
        }
    }
}
