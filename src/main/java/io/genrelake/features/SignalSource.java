package io.genrelake.features;

import io.genrelake.dsp.SampleReader;
import java.io.IOException;

/**
 * A 22050-Hz mono signal that can be read from the start more than once: the streaming extractor
 * reads it twice (tuning and dB reference first, then everything else) instead of holding it.
 */
@FunctionalInterface
public interface SignalSource {

    /** One pass over the samples. */
    interface Reader extends SampleReader, AutoCloseable {
        @Override
        void close() throws IOException;
    }

    /** Opens a new pass from the first sample. */
    Reader open() throws IOException;

    /** A source over an array (for tests and short clips). */
    static SignalSource of(float[] y, int from, int to) {
        return () -> new Reader() {
            int pos = from;

            @Override
            public int read(float[] dst, int off, int len) {
                if (pos >= to) {
                    return -1;
                }
                int k = Math.min(len, to - pos);
                System.arraycopy(y, pos, dst, off, k);
                pos += k;
                return k;
            }

            @Override
            public void close() {}
        };
    }
}
