package io.genrelake.features;

/**
 * The version of the feature computation, stored with every row of a feature table so that rows computed
 * by different extractors are never mixed unknowingly (a model is only valid on the features it was
 * trained on).
 *
 * <p>Bump it whenever {@link FeatureExtractor}'s numbers change, even by a rounding, or its output gains
 * columns, and not when neither happens (a refactoring that keeps the golden tests bit-exact).
 *
 * <p>0.2.0: the extractor gained the rich feature set (241 more columns, {@link RichFeatureSet}) and tables
 * gained the {@code feature_set} column; the 57 gtzan values are bit-identical to 0.1.0's, which had been the
 * project version since the first release and was never bumped through the fidelity work since.
 *
 * <p>0.3.0: the Java MP3 decoder finds the LAME tag of CRC-protected files where LAME writes it (their gapless
 * trim, so their samples, changed after 0.2.0 was set). From 0.3.0 on, {@code ExtractorVersionTest} pins each
 * version to a hash of its numbers: a change that moves them cannot pass without a bump.
 */
public final class ExtractorVersion {

    /** The version written to the {@code extractor_version} column. */
    public static final String CURRENT = "0.3.0";

    private ExtractorVersion() {}
}
