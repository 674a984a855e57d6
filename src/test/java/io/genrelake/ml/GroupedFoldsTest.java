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
}
