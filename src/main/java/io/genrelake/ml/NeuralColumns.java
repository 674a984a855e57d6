package io.genrelake.ml;

import io.genrelake.neural.NeuralInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The columns the neural models need beside the features: their stored inputs and the artist. */
final class NeuralColumns {

    private NeuralColumns() {}

    /** Those of the neural inputs (and, with one, the artist) that {@code columns} has, in a fixed order. */
    static List<String> present(String[] columns) {
        List<String> have = Arrays.asList(columns);
        List<String> out = new ArrayList<>();
        for (NeuralInput input : NeuralInput.values()) {
            if (have.contains(input.column())) {
                out.add(input.column());
            }
        }
        if (!out.isEmpty() && have.contains(TrainingTable.ARTIST)) {
            out.add(TrainingTable.ARTIST);
        }
        return out;
    }
}
