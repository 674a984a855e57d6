package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A local file as a {@link SeekableInput}. A FileChannel rather than a RandomAccessFile so that a
 * missing or unreadable file fails with the same NoSuchFileException / AccessDeniedException as
 * Files.newInputStream, which callers turn into user-facing reasons.
 */
public final class FileInput implements SeekableInput {

    private final FileChannel channel;

    private FileInput(FileChannel channel) {
        this.channel = channel;
    }

    public static FileInput open(Path path) throws IOException {
        return new FileInput(FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public long position() throws IOException {
        return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
        channel.position(position);
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
