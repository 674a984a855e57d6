package io.genrelake.ml;

/**
 * Choices shared by every model's pipeline.
 *
 * @param pcaComponents  PCA components after scaling, or 0 for no PCA
 * @param logVariances   whether the 28 {@code *_var} features enter as log(variance): their raw values span
 *                       orders of magnitude (heavy right tails), which hurts distance- and margin-based models
 * @param seed           seed of every randomised stage
 * @param parallelism    models fitted at once (cross-validation grid points, one-vs-rest classes)
 */
public record PipelineSettings(int pcaComponents, boolean logVariances, long seed, int parallelism) {

    public PipelineSettings {
        if (pcaComponents < 0) {
            throw new IllegalArgumentException("PCA components must be >= 0 (0 = off), got " + pcaComponents);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }

    /** The dimension the classifier sees. */
    public int classifierInputSize(int featureCount) {
        return pcaComponents > 0 ? Math.min(pcaComponents, featureCount) : featureCount;
    }
}
