package io.genrelake.features;

/**
 * The version of the feature computation, stored with every row of a feature table so that rows computed
 * by different extractors are never mixed unknowingly (a model is only valid on the features it was
 * trained on).
 *
 * <p>For now the project version; bump it whenever {@link FeatureExtractor}'s numbers change, even by a
 * rounding, and not when they do not (a refactoring that keeps the golden tests bit-exact).
 */
public final class ExtractorVersion {

    /** The version written to the {@code extractor_version} column. */
    public static final String CURRENT = "0.1.0";

    private ExtractorVersion() {}
}
