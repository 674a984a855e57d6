package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A decoder with a planted bug, for the fallback tests: it takes the wrapped decoder's name and files, and throws
 * an unexpected exception (not one of the documented failure reasons) while opening, or after handing out a given
 * number of reads — as a bug deep inside the pure-Java MP3 decoder would. Test code only: production has no switch
 * that makes a decoder fail.
 */
public final class FailingDecoder implements AudioDecoder {

    private final AudioDecoder inner;
    private final int failAfterReads; // -1: fail while opening

    private FailingDecoder(AudioDecoder inner, int failAfterReads) {
        this.inner = inner;
        this.failAfterReads = failAfterReads;
    }

    public static FailingDecoder whileOpening(AudioDecoder inner) {
        return new FailingDecoder(inner, -1);
    }

    /** Fails on read number {@code reads + 1}, after {@code reads} reads have handed out samples. */
    public static FailingDecoder afterReads(AudioDecoder inner, int reads) {
        return new FailingDecoder(inner, reads);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean sniff(byte[] header, int length) {
        return inner.sniff(header, length);
    }

    @Override
    public AudioStream open(InputStream in) throws IOException {
        AudioStream stream = inner.open(in);
        if (stream == null) {
            return null;
        }
        if (failAfterReads < 0) {
            stream.close();
            throw new IllegalStateException("planted bug while opening");
        }
        return new AudioStream() {
            private int reads;

            @Override
            public int sampleRate() {
                return stream.sampleRate();
            }

            @Override
            public int channels() {
                return stream.channels();
            }

            @Override
            public String codec() {
                return stream.codec();
            }

            @Override
            public long frameCount() {
                return stream.frameCount();
            }

            @Override
            public boolean halveRate() {
                return stream.halveRate();
            }

            @Override
            public int readMono(float[] dst, int offset, int maxFrames) throws IOException {
                if (reads++ == failAfterReads) {
                    throw new ArrayIndexOutOfBoundsException("planted bug: Index 576 out of bounds for length 576");
                }
                return stream.readMono(dst, offset, maxFrames);
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }
}
