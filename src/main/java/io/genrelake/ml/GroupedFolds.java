package io.genrelake.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Stratified, grouped assignment of units (tracks, or segments under the leaky protocol) to
 * cross-validation folds and to a hold-out test split, deterministic for a seed.
 *
 * <p>Each genre's units are sorted by id, shuffled with the seed, then dealt round-robin to folds,
 * the dealing continuing from genre to genre so fold sizes differ by at most one overall (as
 * scikit-learn's StratifiedKFold balances them). A unit is one group: all rows of a unit share its fold,
 * which is what keeps a track's windows from being on both sides of a split.
 */
public final class GroupedFolds {

    /** A unit to place and its genre. */
    public record Unit(String id, String genre) {}

    private GroupedFolds() {}

    /** Fold (0 … k-1) of every unit. */
    public static Map<String, Integer> assign(List<Unit> units, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (units.size() < k) {
            throw new TrainingDataException("cannot make " + k + " folds of " + units.size()
                    + " tracks: each fold needs at least one");
        }
        Map<String, Integer> folds = new HashMap<>();
        int next = 0;
        for (List<String> ids : shuffledByGenre(units, seed).values()) {
            for (String id : ids) {
                folds.put(id, next);
                next = (next + 1) % k;
            }
        }
        return folds;
    }

    /**
     * The units held out for testing: in each genre, round(fraction × its units) of them (at least one
     * when the genre has two or more, so every genre is tested; none of a genre with a single unit, which
     * must stay in training).
     */
    public static List<String> holdOut(List<Unit> units, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + fraction);
        }
        List<String> test = new ArrayList<>();
        if (fraction == 0) {
            return test;
        }
        // A different stream from the folds' so the test split and the folds are not aligned.
        for (List<String> ids : shuffledByGenre(units, seed * 31 + 17).values()) {
            int n = (int) Math.round(fraction * ids.size());
            if (ids.size() >= 2) {
                n = Math.max(1, Math.min(n, ids.size() - 1));
            } else {
                n = 0;
            }
            test.addAll(ids.subList(0, n));
        }
        Collections.sort(test);
        return test;
    }

    private static Map<String, List<String>> shuffledByGenre(List<Unit> units, long seed) {
        Map<String, List<String>> byGenre = new TreeMap<>();
        for (Unit u : units) {
            byGenre.computeIfAbsent(u.genre(), g -> new ArrayList<>()).add(u.id());
        }
        Random random = new Random(seed);
        for (List<String> ids : byGenre.values()) {
            Collections.sort(ids);
            Collections.shuffle(ids, random);
        }
        return byGenre;
    }
}
