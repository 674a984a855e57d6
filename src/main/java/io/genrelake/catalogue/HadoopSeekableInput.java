package io.genrelake.catalogue;

import io.genrelake.audio.ffmpeg.SeekableInput;
import java.io.IOException;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A file opened on a Hadoop file system as random-access input for the decoders: MP4/M4A files whose
 * index follows the audio must seek back, on HDFS and S3 as on a local disk. Positions past the end
 * are kept here (Hadoop streams refuse to seek there) and read as the end of the file.
 */
final class HadoopSeekableInput implements SeekableInput {

    private final FSDataInputStream in;
    private final long length;
    private long pastEnd = -1; // the position asked for beyond the end, or -1

    HadoopSeekableInput(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return pastEnd >= 0 ? -1 : in.read(b, off, len);
    }

    @Override
    public long position() throws IOException {
        return pastEnd >= 0 ? pastEnd : in.getPos();
    }

    @Override
    public void seek(long position) throws IOException {
        if (position < 0) {
            throw new IOException("negative seek position " + position);
        }
        if (length >= 0 && position >= length) {
            pastEnd = position;
        } else {
            pastEnd = -1;
            in.seek(position);
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
