package io.genrelake.ml;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameters of k-nearest-neighbours voting, shared by {@link KnnClassifier} (which is configured with
 * them) and {@link KnnModel} (which votes with them). A stage creates them once its uid is set ({@link Set})
 * and exposes them through the default accessors here.
 */
public interface KnnParams extends Params {

    /** The stage's parameter objects. */
    Set knnParams();

    default IntParam k() {
        return knnParams().k;
    }

    default Param<String> weighting() {
        return knnParams().weighting;
    }

    /** The parameter objects of one stage, with their defaults set on it. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final IntParam k;
        final Param<String> weighting;

        Set(Params owner) {
            k = new IntParam(owner, "k", "number of neighbours (>= 1)", ParamValidators.gtEq(1));
            weighting = new Param<>(owner, "weighting", "vote of each neighbour: uniform (1) or distance "
                    + "(1/distance)", ParamValidators.inArray(new String[] {"uniform", "distance"}));
            owner.setDefault(k, 5);
            owner.setDefault(weighting, "uniform");
        }
    }
}
