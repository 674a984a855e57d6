package io.genrelake.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The training parameters of the RBF-kernel SVM, shared by {@link RbfSvmClassifier} (which uses them) and
 * {@link RbfSvmModel} (which keeps them so a saved model records how it was trained). A stage creates
 * them once its uid is set ({@link Set}) and exposes them through the default accessors here.
 */
public interface RbfSvmParams extends Params {

    /** The stage's parameter objects. */
    Set rbfSvmParams();

    default IntParam numFeatures() {
        return rbfSvmParams().numFeatures;
    }

    default DoubleParam gamma() {
        return rbfSvmParams().gamma;
    }

    default DoubleParam regParam() {
        return rbfSvmParams().regParam;
    }

    default IntParam maxIter() {
        return rbfSvmParams().maxIter;
    }

    default DoubleParam tol() {
        return rbfSvmParams().tol;
    }

    default LongParam seed() {
        return rbfSvmParams().seed;
    }

    /** The parameter objects of one stage. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final IntParam numFeatures;
        final DoubleParam gamma;
        final DoubleParam regParam;
        final IntParam maxIter;
        final DoubleParam tol;
        final LongParam seed;

        Set(Params owner) {
            numFeatures = new IntParam(owner, "numFeatures", "number of random Fourier features (>= 1)",
                    ParamValidators.gtEq(1));
            gamma = new DoubleParam(owner, "gamma", "RBF kernel width γ in exp(-γ|x-y|²); 0 means 1/(number of "
                    + "features)", ParamValidators.gtEq(0));
            regParam = new DoubleParam(owner, "regParam", "L2 regularisation λ of the linear SVMs (>= 0)",
                    ParamValidators.gtEq(0));
            maxIter = new IntParam(owner, "maxIter", "maximum L-BFGS iterations (>= 1)", ParamValidators.gtEq(1));
            tol = new DoubleParam(owner, "tol", "stop when an L-BFGS step lowers the objective by less than this "
                    + "fraction", ParamValidators.gtEq(0));
            seed = new LongParam(owner, "seed", "random seed of the Fourier features");
        }
    }
}
