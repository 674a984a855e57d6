package io.genrelake.jobs;

import io.genrelake.features.FeatureSetKind;
import picocli.CommandLine.ITypeConverter;

/** {@code --feature-set gtzan|rich}, the same on every command that takes it. */
public final class FeatureSetConverter implements ITypeConverter<FeatureSetKind> {

    @Override
    public FeatureSetKind convert(String value) {
        return FeatureSetKind.of(value);
    }
}
