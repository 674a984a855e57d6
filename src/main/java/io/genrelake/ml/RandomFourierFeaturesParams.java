package io.genrelake.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameters of the random Fourier feature map, shared by {@link RandomFourierFeatures} (which draws
 * the map from them) and {@link RandomFourierFeaturesModel} (which keeps them so a saved model records how
 * it was drawn), with the column setters written once. A stage creates them once its uid is set
 * ({@link Set}) and exposes them through the default accessors here.
 *
 * @param <S> the stage's own type, which the setters return
 */
public interface RandomFourierFeaturesParams<S extends Params> extends Params {

    /** The stage's parameter objects. */
    Set randomFeatureParams();

    default Param<String> inputCol() {
        return randomFeatureParams().inputCol;
    }

    default Param<String> outputCol() {
        return randomFeatureParams().outputCol;
    }

    default IntParam numFeatures() {
        return randomFeatureParams().numFeatures;
    }

    default DoubleParam gamma() {
        return randomFeatureParams().gamma;
    }

    default LongParam seed() {
        return randomFeatureParams().seed;
    }

    @SuppressWarnings("unchecked")
    default S setInputCol(String value) {
        set(inputCol(), value);
        return (S) this;
    }

    @SuppressWarnings("unchecked")
    default S setOutputCol(String value) {
        set(outputCol(), value);
        return (S) this;
    }

    /** The parameter objects of one stage, with their defaults set on it. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final Param<String> inputCol;
        final Param<String> outputCol;
        final IntParam numFeatures;
        final DoubleParam gamma;
        final LongParam seed;

        /** {@code defaultNumFeatures}: the estimator's default D, or a model's drawn D. */
        Set(Params owner, int defaultNumFeatures) {
            inputCol = new Param<>(owner, "inputCol", "input vector column");
            outputCol = new Param<>(owner, "outputCol", "output column of the random features");
            numFeatures = new IntParam(owner, "numFeatures", "number of random features D (>= 1)",
                    ParamValidators.gtEq(1));
            gamma = new DoubleParam(owner, "gamma", "RBF kernel width γ in exp(-γ|x-y|²); 0 means 1/(input "
                    + "dimension), scikit-learn's gamma='scale' for standardised inputs", ParamValidators.gtEq(0));
            seed = new LongParam(owner, "seed", "random seed of W and b");
            owner.setDefault(inputCol, "features");
            owner.setDefault(outputCol, "rff");
            owner.setDefault(numFeatures, defaultNumFeatures);
            owner.setDefault(gamma, 0.0);
            owner.setDefault(seed, 42L);
        }
    }
}
