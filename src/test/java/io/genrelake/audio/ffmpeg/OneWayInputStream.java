package io.genrelake.audio.ffmpeg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What a Hadoop/S3 stream looks like to the decoder when nobody wraps it: forward only (no
 * mark/reset, skip reads through), and it counts the bytes handed out.
 */
class OneWayInputStream extends BufferedInputStream {

    private long consumed;

    OneWayInputStream(InputStream in) {
        super(in, 1 << 16);
    }

    long consumed() {
        return consumed;
    }

    @Override
    public synchronized int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            consumed++;
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            consumed += n;
        }
        return n;
    }

    @Override
    public synchronized long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // refused: see markSupported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("one-way stream: reset not supported");
    }
}
