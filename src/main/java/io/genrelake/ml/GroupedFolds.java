package io.genrelake.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stratified, grouped assignment of units (tracks, or segments under the leaky protocol) to
 * cross-validation folds and to a hold-out test split, deterministic for a seed. All units of a group (a
 * track's windows, an artist's or album's tracks) share one fold, so no group is on both sides of a split.
 *
 * <p>When every group holds one unit (grouping by track), each genre's units are sorted by id, shuffled
 * with the seed, then dealt round-robin to folds, the dealing continuing from genre to genre so fold sizes
 * differ by at most one overall (as scikit-learn's StratifiedKFold balances them).
 *
 * <p>Larger groups (artists, albums) are placed as scikit-learn's {@code StratifiedGroupKFold} does
 * ({@code sklearn/model_selection/_split.py}, {@code _find_best_fold}): groups in a seeded random order,
 * then sorted by size, largest first; each goes to the fold that leaves the per-genre distribution over
 * folds most even (smallest mean over genres of the standard deviation of the folds' shares of that genre),
 * ties to the fold with fewer units, then the lower index.
 */
public final class GroupedFolds {

    /** A unit to place, its genre and its group (its own id when it is its own group). */
    public record Unit(String id, String genre, String group) {
        /** A unit that is its own group. */
        public Unit(String id, String genre) {
            this(id, genre, id);
        }
    }

    private GroupedFolds() {}

    /** Fold (0 … k-1) of every unit. */
    public static Map<String, Integer> assign(List<Unit> units, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + k);
        }
        if (singletonGroups(units)) {
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
        return byGroup(units, k, seed);
    }

    /**
     * The units held out for testing. Track grouping: in each genre, round(fraction × its units) of them
     * (at least one when the genre has two or more, so every genre is tested; none of a genre with a single
     * unit, which must stay in training). Larger groups: the first of round(1 / fraction) stratified group
     * folds ({@link #assign}), so the held-out share is about {@code fraction} and no group is split.
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
        long testSeed = seed * 31 + 17;
        if (singletonGroups(units)) {
            for (List<String> ids : shuffledByGenre(units, testSeed).values()) {
                int n = (int) Math.round(fraction * ids.size());
                if (ids.size() >= 2) {
                    n = Math.max(1, Math.min(n, ids.size() - 1));
                } else {
                    n = 0;
                }
                test.addAll(ids.subList(0, n));
            }
        } else {
            int parts = (int) Math.max(2, Math.round(1 / fraction));
            Map<String, Integer> fold = byGroup(units, parts, testSeed);
            fold.forEach((id, f) -> {
                if (f == 0) {
                    test.add(id);
                }
            });
        }
        Collections.sort(test);
        return test;
    }

    /** The genres (sorted) whose units fall in fewer than {@code k} groups: some folds will not see them. */
    public static List<String> genresWithFewerGroups(List<Unit> units, int k) {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        for (Unit u : units) {
            groups.computeIfAbsent(u.genre(), g -> new TreeSet<>()).add(u.group());
        }
        List<String> sparse = new ArrayList<>();
        groups.forEach((genre, g) -> {
            if (g.size() < k) {
                sparse.add(genre + " (" + g.size() + ")");
            }
        });
        return sparse;
    }

    private static boolean singletonGroups(List<Unit> units) {
        Map<String, String> unitOfGroup = new HashMap<>();
        for (Unit u : units) {
            String other = unitOfGroup.putIfAbsent(u.group(), u.id());
            if (other != null && !other.equals(u.id())) {
                return false;
            }
        }
        return true;
    }

    /** scikit-learn's StratifiedGroupKFold placement (see the class comment). */
    private static Map<String, Integer> byGroup(List<Unit> units, int k, long seed) {
        List<String> genres = new ArrayList<>(new TreeSet<>(units.stream().map(Unit::genre).toList()));
        Map<String, Integer> genreIndex = new HashMap<>();
        for (int g = 0; g < genres.size(); g++) {
            genreIndex.put(genres.get(g), g);
        }
        Map<String, int[]> countsOf = new TreeMap<>();
        Map<String, List<String>> unitsOf = new HashMap<>();
        int[] total = new int[genres.size()];
        for (Unit u : units) {
            countsOf.computeIfAbsent(u.group(), x -> new int[genres.size()])[genreIndex.get(u.genre())]++;
            unitsOf.computeIfAbsent(u.group(), x -> new ArrayList<>()).add(u.id());
            total[genreIndex.get(u.genre())]++;
        }
        if (countsOf.size() < k) {
            throw new TrainingDataException("cannot make " + k + " folds of " + countsOf.size()
                    + " groups: each fold needs at least one group");
        }
        List<String> order = new ArrayList<>(countsOf.keySet());
        Collections.shuffle(order, new Random(seed));
        order.sort(Comparator.comparingInt((String g) -> -unitsOf.get(g).size())); // stable: ties keep the shuffle
        double[][] perFold = new double[k][genres.size()];
        int[] foldUnits = new int[k];
        Map<String, Integer> folds = new HashMap<>();
        for (String group : order) {
            int[] counts = countsOf.get(group);
            int best = -1;
            double bestSpread = Double.POSITIVE_INFINITY;
            for (int f = 0; f < k; f++) {
                double spread = spreadWith(perFold, f, counts, total);
                boolean better = spread < bestSpread - 1e-12
                        || (Math.abs(spread - bestSpread) <= 1e-12 && foldUnits[f] < foldUnits[best]);
                if (better) {
                    best = f;
                    bestSpread = Math.min(spread, bestSpread);
                }
            }
            for (int g = 0; g < counts.length; g++) {
                perFold[best][g] += counts[g];
            }
            foldUnits[best] += unitsOf.get(group).size();
            for (String id : unitsOf.get(group)) {
                folds.put(id, best);
            }
        }
        return folds;
    }

    /**
     * Mean over genres of the standard deviation over folds of each fold's share of the genre, were
     * {@code counts} added to fold {@code candidate} (scikit-learn's {@code fold_eval}).
     */
    private static double spreadWith(double[][] perFold, int candidate, int[] counts, int[] total) {
        int k = perFold.length;
        double sum = 0;
        for (int g = 0; g < total.length; g++) {
            double mean = 0;
            for (int f = 0; f < k; f++) {
                mean += (perFold[f][g] + (f == candidate ? counts[g] : 0)) / total[g];
            }
            mean /= k;
            double var = 0;
            for (int f = 0; f < k; f++) {
                double d = (perFold[f][g] + (f == candidate ? counts[g] : 0)) / total[g] - mean;
                var += d * d;
            }
            sum += Math.sqrt(var / k);
        }
        return sum / total.length;
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
