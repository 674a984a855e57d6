package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupedFoldsTest {

    private static List<GroupedFolds.Unit> units(int... perGenre) {
        List<GroupedFolds.Unit> units = new ArrayList<>();
        for (int g = 0; g < perGenre.length; g++) {
            for (int t = 0; t < perGenre[g]; t++) {
                units.add(new GroupedFolds.Unit("g" + g + ".t" + t, "genre" + g));
            }
        }
        return units;
    }

    @Test
    void everyUnitGetsOneFoldAndFoldsAreStratifiedAndBalanced() {
        List<GroupedFolds.Unit> units = units(23, 17, 30);
        Map<String, Integer> folds = GroupedFolds.assign(units, 5, 7);
        assertEquals(units.size(), folds.size());
        Map<String, int[]> perGenre = new HashMap<>();
        int[] sizes = new int[5];
        for (GroupedFolds.Unit u : units) {
            int f = folds.get(u.id());
            assertTrue(f >= 0 && f < 5);
            perGenre.computeIfAbsent(u.genre(), g -> new int[5])[f]++;
            sizes[f]++;
        }
        for (int[] counts : perGenre.values()) {
            int min = java.util.Arrays.stream(counts).min().orElseThrow();
            int max = java.util.Arrays.stream(counts).max().orElseThrow();
            assertTrue(max - min <= 1, "each genre spread evenly over folds: " + java.util.Arrays.toString(counts));
        }
        int min = java.util.Arrays.stream(sizes).min().orElseThrow();
        int max = java.util.Arrays.stream(sizes).max().orElseThrow();
        assertTrue(max - min <= 1, "fold sizes balanced: " + java.util.Arrays.toString(sizes));
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        List<GroupedFolds.Unit> units = units(20, 20);
        assertEquals(GroupedFolds.assign(units, 4, 1), GroupedFolds.assign(units, 4, 1));
        List<GroupedFolds.Unit> shuffled = new ArrayList<>(units);
        java.util.Collections.reverse(shuffled);
        assertEquals(GroupedFolds.assign(units, 4, 1), GroupedFolds.assign(shuffled, 4, 1),
                "input order must not matter");
        assertNotEquals(GroupedFolds.assign(units, 4, 1), GroupedFolds.assign(units, 4, 2));
    }

    @Test
    void holdOutTakesTheFractionOfEachGenreAndNeverASingleton() {
        List<GroupedFolds.Unit> units = units(10, 20, 1);
        List<String> test = GroupedFolds.holdOut(units, 0.2, 3);
        Map<String, Integer> perGenre = new HashMap<>();
        for (String id : test) {
            perGenre.merge(id.substring(0, id.indexOf('.')), 1, Integer::sum);
        }
        assertEquals(2, perGenre.get("g0"));
        assertEquals(4, perGenre.get("g1"));
        assertFalse(perGenre.containsKey("g2"), "a genre's only track stays in training");
        assertEquals(Set.copyOf(test), new HashSet<>(GroupedFolds.holdOut(units, 0.2, 3)));
        assertTrue(GroupedFolds.holdOut(units, 0, 3).isEmpty());
    }

    @Test
    void refusesImpossibleSplits() {
        assertThrows(IllegalArgumentException.class, () -> GroupedFolds.assign(units(5), 1, 0));
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> GroupedFolds.assign(units(2, 1), 5, 0));
        assertTrue(e.getMessage().contains("5 folds of 3 tracks"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GroupedFolds.holdOut(units(5), 1.0, 0));
    }

    /** Artists of uneven size (1 to 6 tracks), {@code artistsPerGenre} per genre, one genre each. */
    private static List<GroupedFolds.Unit> artists(int genres, int artistsPerGenre) {
        List<GroupedFolds.Unit> units = new ArrayList<>();
        for (int g = 0; g < genres; g++) {
            for (int a = 0; a < artistsPerGenre; a++) {
                for (int t = 0; t < 1 + (a * 7 + g) % 6; t++) {
                    units.add(new GroupedFolds.Unit("g" + g + ".a" + a + ".t" + t, "genre" + g, "g" + g + ".a" + a));
                }
            }
        }
        return units;
    }

    @Test
    void groupsNeverSpanTwoFoldsAndEveryGenreIsSpreadOverTheFolds() {
        List<GroupedFolds.Unit> units = artists(4, 15);
        int k = 5;
        Map<String, Integer> folds = GroupedFolds.assign(units, k, 3);
        assertEquals(units.size(), folds.size());
        Map<String, Integer> foldOfGroup = new HashMap<>();
        Map<String, int[]> perGenre = new HashMap<>();
        Map<String, Integer> genreTotal = new HashMap<>();
        for (GroupedFolds.Unit u : units) {
            int f = folds.get(u.id());
            Integer previous = foldOfGroup.putIfAbsent(u.group(), f);
            assertTrue(previous == null || previous == f, "group " + u.group() + " in folds " + previous + " and " + f);
            perGenre.computeIfAbsent(u.genre(), g -> new int[k])[f]++;
            genreTotal.merge(u.genre(), 1, Integer::sum);
        }
        for (Map.Entry<String, int[]> e : perGenre.entrySet()) {
            double expected = genreTotal.get(e.getKey()) / (double) k;
            for (int n : e.getValue()) {
                // Groups of up to 6 tracks cannot be split: each fold within one group's size of its share.
                assertTrue(Math.abs(n - expected) <= 6, e.getKey() + " spread " + java.util.Arrays.toString(e.getValue())
                        + " around " + expected);
                assertTrue(n > 0, e.getKey() + " missing from a fold: " + java.util.Arrays.toString(e.getValue()));
            }
        }
    }

    @Test
    void groupedFoldsAreDeterministicForASeedAndIndependentOfInputOrder() {
        List<GroupedFolds.Unit> units = artists(3, 12);
        List<GroupedFolds.Unit> reversed = new ArrayList<>(units);
        java.util.Collections.reverse(reversed);
        assertEquals(GroupedFolds.assign(units, 4, 5), GroupedFolds.assign(reversed, 4, 5));
        assertNotEquals(GroupedFolds.assign(units, 4, 5), GroupedFolds.assign(units, 4, 6));
    }

    @Test
    void groupedHoldOutKeepsEveryGroupOnOneSide() {
        List<GroupedFolds.Unit> units = artists(4, 15);
        Set<String> test = new HashSet<>(GroupedFolds.holdOut(units, 0.2, 1));
        Map<String, Boolean> sideOfGroup = new HashMap<>();
        for (GroupedFolds.Unit u : units) {
            Boolean previous = sideOfGroup.putIfAbsent(u.group(), test.contains(u.id()));
            assertTrue(previous == null || previous == test.contains(u.id()), "group " + u.group() + " on both sides");
        }
        double share = test.size() / (double) units.size();
        assertTrue(share > 0.15 && share < 0.25, "about a fifth held out: " + share);
        assertEquals(Set.copyOf(GroupedFolds.holdOut(units, 0.2, 1)), test);
    }

    @Test
    void genresWithFewerGroupsThanFoldsAreNamed() {
        List<GroupedFolds.Unit> units = new ArrayList<>(artists(2, 10));
        units.add(new GroupedFolds.Unit("rare.t0", "rare", "rare.a0"));
        units.add(new GroupedFolds.Unit("rare.t1", "rare", "rare.a0"));
        units.add(new GroupedFolds.Unit("rare.t2", "rare", "rare.a1"));
        assertEquals(List.of("rare (2)"), GroupedFolds.genresWithFewerGroups(units, 5));
        assertTrue(GroupedFolds.genresWithFewerGroups(units, 2).isEmpty());
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> GroupedFolds.assign(List.of(new GroupedFolds.Unit("a", "x", "g"), new GroupedFolds.Unit("b", "x", "g"),
                        new GroupedFolds.Unit("c", "y", "h")), 3, 0));
        assertTrue(e.getMessage().contains("3 folds of 2 groups"), e.getMessage());
    }
}
