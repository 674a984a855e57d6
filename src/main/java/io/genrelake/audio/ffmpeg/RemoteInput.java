package io.genrelake.audio.ffmpeg;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Inside the FFmpeg process: the file's bytes, asked of the executor that holds its stream ({@link ProcessProtocol}'s
 * input requests), so a file on HDFS or S3 is never copied to a local path and seeks cost no more than in the
 * executor. Position and length are the executor's stream's own. Not thread-safe; closing it closes nothing (the
 * executor owns the stream).
 */
final class RemoteInput implements SeekableInput {

    private final DataInputStream in;
    private final DataOutputStream out;
    /** The executor's stream position as stated with the command and kept by reads here; -1: unknown, ask. */
    private long position = -1;
    /** Its length as stated, or as asked once during the command; -1: unknown, ask. */
    private long length = -1;

    RemoteInput(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        out.writeByte(ProcessProtocol.INPUT_READ);
        out.writeInt(len);
        out.flush();
        int n = in.readInt();
        if (n == ProcessProtocol.FAILED_INPUT) {
            throw new IOException("the file's stream failed in the executor");
        }
        if (n > len) {
            throw new IOException("the executor sent " + n + " bytes for a read of " + len);
        }
        if (n > 0) {
            in.readFully(b, off, n);
            if (position >= 0) {
                position += n;
            }
        }
        return n;
    }

    /** Where the executor's stream is as a command starts (-1: unknown); reads keep the position from there. */
    void stated(long position, long length) {
        this.position = position;
        this.length = length;
    }

    @Override
    public long position() throws IOException {
        if (position < 0) {
            out.writeByte(ProcessProtocol.INPUT_POSITION);
            out.flush();
            position = checked(in.readLong(), "position");
        }
        return position;
    }

    @Override
    public void seek(long target) throws IOException {
        position = -1; // where a seek lands is the executor's stream's to say (it may stop at the end)
        out.writeByte(ProcessProtocol.INPUT_SEEK);
        out.writeLong(target);
        out.flush();
        checked(in.readInt(), "seek");
    }

    @Override
    public long length() throws IOException {
        if (length < 0) {
            out.writeByte(ProcessProtocol.INPUT_LENGTH);
            out.flush();
            length = checked(in.readLong(), "length");
        }
        return length;
    }

    private static long checked(long answer, String what) throws IOException {
        if (answer == ProcessProtocol.FAILED_INPUT) {
            throw new IOException("the file's stream failed in the executor (" + what + ")");
        }
        return answer;
    }

    @Override
    public void close() {}

    /** The bytes as a one-way stream, for a file whose stream in the executor cannot seek. */
    InputStream oneWay() {
        return new InputStream() {
            private final byte[] single = new byte[1];

            @Override
            public int read() throws IOException {
                int n = RemoteInput.this.read(single, 0, 1);
                return n <= 0 ? -1 : single[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return RemoteInput.this.read(b, off, len);
            }
        };
    }
}
