package io.genrelake.ml;

import io.genrelake.neural.Architecture;
import io.genrelake.neural.NeuralSettings;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The parameters of a neural model ({@link NeuralClassifier}, {@link NeuralModel}): the architecture, the column of
 * its stored input, the group column early stopping holds out by, and {@link NeuralSettings}' fields, whose
 * defaults are {@link NeuralSettings#DEFAULTS}.
 */
public interface NeuralParams extends Params {

    /** The stage's parameter objects. */
    Set neuralParams();

    default Param<String> architecture() {
        return neuralParams().architecture;
    }

    default Param<String> inputCol() {
        return neuralParams().inputCol;
    }

    default Param<String> groupCol() {
        return neuralParams().groupCol;
    }

    // MLlib finds a stage's params through its public no-argument methods returning a Param: one each.

    default IntParam batchSize() {
        return neuralParams().batchSize;
    }

    default DoubleParam learningRate() {
        return neuralParams().learningRate;
    }

    default IntParam maxEpochs() {
        return neuralParams().maxEpochs;
    }

    default IntParam patience() {
        return neuralParams().patience;
    }

    default IntParam patchesPerWindow() {
        return neuralParams().patchesPerWindow;
    }

    default DoubleParam validationFraction() {
        return neuralParams().validationFraction;
    }

    default DoubleParam maskProbability() {
        return neuralParams().maskProbability;
    }

    default DoubleParam mixupAlpha() {
        return neuralParams().mixupAlpha;
    }

    default IntParam hopFrames() {
        return neuralParams().hopFrames;
    }

    default BooleanParam vote() {
        return neuralParams().vote;
    }

    default LongParam seed() {
        return neuralParams().seed;
    }

    default IntParam threads() {
        return neuralParams().threads;
    }

    /** The settings the params give. */
    default NeuralSettings settings() {
        Set p = neuralParams();
        return new NeuralSettings((Integer) $(p.batchSize), (float) (double) (Double) $(p.learningRate),
                (Integer) $(p.maxEpochs), (Integer) $(p.patience), (Integer) $(p.patchesPerWindow),
                (Double) $(p.validationFraction), (Double) $(p.maskProbability), (Double) $(p.mixupAlpha),
                (Integer) $(p.hopFrames), (Boolean) $(p.vote), (Long) $(p.seed), (Integer) $(p.threads));
    }

    default Architecture getArchitecture() {
        return Architecture.of($(architecture()));
    }

    /** Sets every settings param from {@code s}. */
    default void setSettings(NeuralSettings s) {
        Set p = neuralParams();
        set(p.batchSize, s.batchSize());
        set(p.learningRate, (double) s.learningRate());
        set(p.maxEpochs, s.maxEpochs());
        set(p.patience, s.patience());
        set(p.patchesPerWindow, s.patchesPerWindow());
        set(p.validationFraction, s.validationFraction());
        set(p.maskProbability, s.maskProbability());
        set(p.mixupAlpha, s.mixupAlpha());
        set(p.hopFrames, s.hopFrames());
        set(p.vote, s.vote());
        set(p.seed, s.seed());
        set(p.threads, s.threads());
    }

    /** The parameter objects of one stage, with their defaults set on it. */
    final class Set implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        final Param<String> architecture;
        final Param<String> inputCol;
        final Param<String> groupCol;
        final IntParam batchSize;
        final DoubleParam learningRate;
        final IntParam maxEpochs;
        final IntParam patience;
        final IntParam patchesPerWindow;
        final DoubleParam validationFraction;
        final DoubleParam maskProbability;
        final DoubleParam mixupAlpha;
        final IntParam hopFrames;
        final BooleanParam vote;
        final LongParam seed;
        final IntParam threads;

        Set(Params owner) {
            architecture = new Param<>(owner, "architecture", "cnn (log-mel patches) or lstm (MFCC sequences)",
                    ParamValidators.inArray(new String[] {"cnn", "lstm"}));
            inputCol = new Param<>(owner, "inputCol", "binary column of the stored input (logmel, mfcc_seq)");
            groupCol = new Param<>(owner, "groupCol", "column whose values early stopping's validation part "
                    + "holds out whole (artist); rows without one are their track");
            batchSize = new IntParam(owner, "batchSize", "patches per Adam step", ParamValidators.gtEq(2));
            learningRate = new DoubleParam(owner, "learningRate", "Adam's step size", ParamValidators.gt(0));
            maxEpochs = new IntParam(owner, "maxEpochs", "passes over the training windows at most",
                    ParamValidators.gtEq(1));
            patience = new IntParam(owner, "patience", "epochs without a better validation score before stopping",
                    ParamValidators.gtEq(1));
            patchesPerWindow = new IntParam(owner, "patchesPerWindow", "random crops per training window and epoch",
                    ParamValidators.gtEq(1));
            validationFraction = new DoubleParam(owner, "validationFraction", "share of the groups held out for "
                    + "early stopping", ParamValidators.inRange(0, 1, true, false));
            maskProbability = new DoubleParam(owner, "maskProbability", "chance of a time and of a frequency mask",
                    ParamValidators.inRange(0, 1));
            mixupAlpha = new DoubleParam(owner, "mixupAlpha", "mixup's Beta(alpha, alpha); 0: none",
                    ParamValidators.gtEq(0));
            hopFrames = new IntParam(owner, "hopFrames", "hop between scored patches, in frames of 512 samples",
                    ParamValidators.gtEq(1));
            vote = new BooleanParam(owner, "vote", "a window's probabilities as its patches' vote shares");
            seed = new LongParam(owner, "seed", "random seed");
            threads = new IntParam(owner, "threads", "TensorFlow intra-op threads; 0: TensorFlow's choice",
                    ParamValidators.gtEq(0));
            NeuralSettings d = NeuralSettings.DEFAULTS;
            owner.setDefault(architecture, "cnn");
            owner.setDefault(inputCol, Architecture.CNN.input().column());
            owner.setDefault(groupCol, TrainingTable.ARTIST);
            owner.setDefault(batchSize, d.batchSize());
            owner.setDefault(learningRate, (double) d.learningRate());
            owner.setDefault(maxEpochs, d.maxEpochs());
            owner.setDefault(patience, d.patience());
            owner.setDefault(patchesPerWindow, d.patchesPerWindow());
            owner.setDefault(validationFraction, d.validationFraction());
            owner.setDefault(maskProbability, d.maskProbability());
            owner.setDefault(mixupAlpha, d.mixupAlpha());
            owner.setDefault(hopFrames, d.hopFrames());
            owner.setDefault(vote, d.vote());
            owner.setDefault(seed, d.seed());
            owner.setDefault(threads, d.threads());
        }
    }
}
