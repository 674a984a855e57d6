package io.genrelake.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version recorded in the jar's manifest, or "dev" when running from a class folder. */
final class ManifestVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GenreLake.class.getPackage().getImplementationVersion();
        return new String[] {"genrelake " + (version == null || version.isBlank() ? "dev" : version)};
    }
}
