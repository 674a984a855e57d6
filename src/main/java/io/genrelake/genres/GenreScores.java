package io.genrelake.genres;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A track's class probabilities, named: the winning genre, its probability (the confidence), the top
 * genres and the whole genre → probability map. Ties go to the genre that comes first in the model's
 * order, as MLlib's arg-max does, so {@code genre} always agrees with the model's own prediction.
 *
 * @param genres        the model's genres, in class-index order
 * @param probabilities one per genre, in the same order
 */
public record GenreScores(List<String> genres, double[] probabilities) {

    /** One entry of {@code top_genres}. */
    public record Ranked(String genre, double probability) {}

    public GenreScores {
        genres = List.copyOf(genres);
        probabilities = probabilities.clone();
        if (genres.size() != probabilities.length) {
            throw new IllegalArgumentException("the model has " + genres.size() + " genres but the prediction "
                    + probabilities.length + " probabilities");
        }
        if (genres.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one genre");
        }
    }

    /** The {@code n} most probable genres, most probable first; ties in model order. */
    public List<Ranked> top(int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < genres.size(); i++) {
            order.add(i);
        }
        // A stable sort keeps model order among equal probabilities.
        order.sort(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed());
        List<Ranked> top = new ArrayList<>();
        for (int i : order.subList(0, Math.min(n, order.size()))) {
            top.add(new Ranked(genres.get(i), probabilities[i]));
        }
        return top;
    }

    public String genre() {
        return top(1).get(0).genre();
    }

    public double confidence() {
        return top(1).get(0).probability();
    }

    /** Every genre's probability, in model order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < genres.size(); i++) {
            m.put(genres.get(i), probabilities[i]);
        }
        return m;
    }
}
