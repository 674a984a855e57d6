package io.genrelake.ml;

import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;

/** Finds the neural models in a saved model, so classify knows to extract their inputs. */
public final class NeuralStages {

    private NeuralStages() {}

    /** Whether {@code model} (through nested pipelines and ensemble members) holds a {@link NeuralModel}. */
    public static boolean present(PipelineModel model) {
        for (Transformer stage : model.stages()) {
            if (contains(stage)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Object stage) {
        if (stage instanceof NeuralModel) {
            return true;
        }
        if (stage instanceof PipelineModel nested) {
            return present(nested);
        }
        if (stage instanceof ProbabilityEnsembleModel ensemble) {
            return ensemble.members().stream().anyMatch(NeuralStages::contains);
        }
        return false;
    }
}
