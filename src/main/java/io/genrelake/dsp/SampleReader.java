package io.genrelake.dsp;

import java.io.IOException;

/** A forward-only reader of mono float samples. */
@FunctionalInterface
public interface SampleReader {
    /** Reads up to len samples into dst[off..]; returns how many, or -1 at the end. */
    int read(float[] dst, int off, int len) throws IOException;
}
