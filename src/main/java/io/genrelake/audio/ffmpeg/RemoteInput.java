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
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        out.writeByte(ProcessProtocol.INPUT_POSITION);
        out.flush();
        return checked(in.readLong(), "position");
    }

    @Override
    public void seek(long position) throws IOException {
        out.writeByte(ProcessProtocol.INPUT_SEEK);
        out.writeLong(position);
        out.flush();
        checked(in.readInt(), "seek");
    }

    @Override
    public long length() throws IOException {
        out.writeByte(ProcessProtocol.INPUT_LENGTH);
        out.flush();
        return checked(in.readLong(), "length");
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
