package io.genrelake.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trainer's split of windows into training and validation parts by group. */
class NeuralTrainerTest {

    private static final NeuralSettings QUICK = new NeuralSettings(4, 0.01f, 1, 1, 1, 0.25, 0.5, 0.2, 64, false, 1, 1);

    /** Windows of random log-mel bytes, two frames more than a patch, in {@code groups}, labels alternating. */
    private static List<TrainingWindow> windows(List<String> groups, int perGroup) {
        Architecture a = Architecture.CNN;
        Random random = new Random(3);
        List<TrainingWindow> windows = new ArrayList<>();
        int label = 0;
        for (String group : groups) {
            for (int i = 0; i < perGroup; i++) {
                byte[] data = new byte[(a.steps() + 2) * a.input().bands()];
                random.nextBytes(data);
                windows.add(new TrainingWindow(data, label, group));
                label = 1 - label;
            }
        }
        return windows;
    }

    /** The first {@code n} group names whose windows fall in the validation part ({@code validating}) or not. */
    private static List<String> groups(int n, boolean validating) {
        List<String> groups = new ArrayList<>();
        for (int i = 0; groups.size() < n; i++) {
            String g = "track" + i;
            if (NeuralTrainer.validation(new TrainingWindow(new byte[0], 0, g), QUICK) == validating) {
                groups.add(g);
            }
        }
        return groups;
    }

    @Test
    void groupsThatAllFallInTheValidationPartTrainWithoutOne() {
        // a fold of three tracks whose hashes all say "validation" (1 in 64 at a quarter): it trained on nothing
        List<TrainingWindow> windows = windows(groups(3, true), 2);
        List<String> progress = new ArrayList<>();
        NeuralTrainer.Outcome outcome = NeuralTrainer.train(Architecture.CNN, 2, QUICK, windows::iterator,
                progress::add);
        assertEquals(6, outcome.trainingWindows());
        assertEquals(0, outcome.validationWindows());
        assertNotNull(outcome.weights());
        assertTrue(progress.get(0).contains("took all 6 windows; training on them without validation"),
                progress.toString());
    }

    @Test
    void otherwiseTheValidationPartIsKeptOut() {
        List<String> groups = new ArrayList<>(groups(2, true));
        groups.addAll(groups(2, false));
        NeuralTrainer.Outcome outcome = NeuralTrainer.train(Architecture.CNN, 2, QUICK,
                windows(groups, 2)::iterator, line -> { });
        assertEquals(4, outcome.trainingWindows());
        assertEquals(4, outcome.validationWindows());
    }
}
