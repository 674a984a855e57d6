package io.genrelake.neural;

/**
 * Where TensorFlow's natives are unpacked: JavaCPP extracts them (~650 MB) into {@code ~/.javacpp/cache} on
 * first use, which an executor without a writable home cannot do. {@code GENRELAKE_NATIVE_CACHE} (environment)
 * or {@code -Dgenrelake.native.cache=DIR} moves it, by setting JavaCPP's {@code org.bytedeco.javacpp.cachedir}
 * before the first native class loads; a value JavaCPP was already given wins.
 */
public final class NativeCache {

    public static final String PROPERTY = "genrelake.native.cache";
    public static final String ENVIRONMENT = "GENRELAKE_NATIVE_CACHE";
    private static final String JAVACPP = "org.bytedeco.javacpp.cachedir";

    private NativeCache() {}

    /** Applies the configured location, if any; returns the one JavaCPP will use (null: its default). */
    public static synchronized String configure() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = System.getenv(ENVIRONMENT);
        }
        if (dir != null && !dir.isBlank() && System.getProperty(JAVACPP) == null) {
            System.setProperty(JAVACPP, dir);
        }
        return System.getProperty(JAVACPP);
    }
}
