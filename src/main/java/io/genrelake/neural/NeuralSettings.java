package io.genrelake.neural;

import java.io.Serializable;

/**
 * How a network is trained and how it scores: the defaults are stated here once ({@link #DEFAULTS}).
 *
 * @param batchSize          patches per Adam step
 * @param learningRate       Adam's step size
 * @param maxEpochs          passes over the training windows at most
 * @param patience           epochs without a better validation score before training stops
 * @param patchesPerWindow   random crops taken from each training window per epoch
 * @param validationFraction share of the training groups (artists, else tracks) held out for early stopping
 * @param maskProbability    chance of one time mask and, independently, one frequency mask per training patch
 * @param mixupAlpha         mixup's Beta(α, α) (Zhang et al. 2018); 0 turns mixup off
 * @param hopFrames          hop between the patches a window is scored on (64 frames = 1.49 s)
 * @param vote               a window's probabilities as the share of its patches' votes instead of their mean
 * @param seed               weights, crops, masks, mixup and the validation draw
 * @param threads            TensorFlow's intra-op threads per network; 0 for TensorFlow's own choice (all cores)
 */
public record NeuralSettings(int batchSize, float learningRate, int maxEpochs, int patience, int patchesPerWindow,
        double validationFraction, double maskProbability, double mixupAlpha, int hopFrames, boolean vote, long seed,
        int threads) implements Serializable {

    public static final NeuralSettings DEFAULTS = new NeuralSettings(32, 1e-3f, 30, 5, 8, 0.15, 0.5, 0.2, 64,
            false, 42, 0);

    /** These settings with no validation part: every window trains. */
    public NeuralSettings withoutValidation() {
        return new NeuralSettings(batchSize, learningRate, maxEpochs, patience, patchesPerWindow, 0, maskProbability,
                mixupAlpha, hopFrames, vote, seed, threads);
    }

    public NeuralSettings {
        if (batchSize < 2 || maxEpochs < 1 || patience < 1 || patchesPerWindow < 1 || hopFrames < 1) {
            throw new IllegalArgumentException("neural settings out of range: " + this);
        }
        if (!(validationFraction >= 0 && validationFraction < 1) || !(learningRate > 0)) {
            throw new IllegalArgumentException("neural settings out of range: " + this);
        }
    }
}
