package io.genrelake.testing;

import io.genrelake.audio.ffmpeg.SeekableInput;

/** Random access over a byte array: what an FSDataInputStream adapter looks like. */
public final class BytesInput implements SeekableInput {
    private final byte[] bytes;
    private int position;
    private int seeks;

    public BytesInput(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = Math.min(len, bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public void seek(long p) {
        seeks++;
        position = (int) Math.min(p, Integer.MAX_VALUE);
    }

    @Override
    public long length() {
        return bytes.length;
    }

    @Override
    public void close() {}

    /** How many times a reader moved the position. */
    public int seeks() {
        return seeks;
    }
}
