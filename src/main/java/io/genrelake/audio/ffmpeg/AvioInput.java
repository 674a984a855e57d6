package io.genrelake.audio.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A custom AVIOContext that pulls bytes from a Java InputStream, so FFmpeg demuxes data that never
 * touches a local path. Seeks when the stream is a {@link SeekableInputStream}; otherwise refuses
 * (and remembers that it refused, so a later failure can say the file needs a seekable input).
 * Callback failures cannot cross the native frames, so they are kept here and rethrown by the
 * decoder. Does not close the stream.
 */
final class AvioInput implements AutoCloseable {

    /** FFmpeg reads in chunks of this size; also the size of the one Java copy buffer. */
    static final int BUFFER_BYTES = 1 << 16;

    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;

    private final InputStream stream;
    private final SeekableInput seekable; // null: one-way stream
    private final long base;              // where the data starts in the seekable input
    private final byte[] chunk = new byte[BUFFER_BYTES];
    private Pointer token;                // unique address: FFmpeg's opaque, our registry key
    private AVIOContext context;
    private long bytesRead;
    private boolean seekRefused;
    private Throwable failure;

    private AvioInput(InputStream stream, SeekableInput seekable, long base) {
        this.stream = stream;
        this.seekable = seekable;
        this.base = base;
    }

    /** Wraps {@code in}, seekable when it is a {@link SeekableInputStream}. */
    static AvioInput open(InputStream in) throws IOException {
        SeekableInput seekable = in instanceof SeekableInputStream s ? s.input() : null;
        AvioInput input = new AvioInput(in, seekable, seekable == null ? 0 : seekable.position());
        try {
            input.allocate();
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
        return input;
    }

    private void allocate() throws IOException {
        token = avutil.av_malloc(1);
        if (token == null || token.isNull()) {
            token = null;
            throw new IOException("FFmpeg: out of memory allocating the input");
        }
        AvioCallbacks.register(token.address(), this);
        Pointer buffer = avutil.av_malloc(BUFFER_BYTES);
        if (buffer == null || buffer.isNull()) {
            throw new IOException("FFmpeg: out of memory allocating a " + BUFFER_BYTES + "-byte input buffer");
        }
        context = avformat.avio_alloc_context(new BytePointer(buffer), BUFFER_BYTES, 0, token,
                AvioCallbacks.READ, null, AvioCallbacks.SEEK);
        if (context == null || context.isNull()) {
            avutil.av_free(buffer);
            context = null;
            throw new IOException("FFmpeg: out of memory allocating the input context");
        }
        if (seekable == null) {
            // The seek callback stays installed so that a refused seek is noticed, but FFmpeg must
            // know up front that the stream is one-way (it then avoids seeking where it can).
            context.seekable(0);
        }
    }

    AVIOContext context() {
        return context;
    }

    boolean seekable() {
        return seekable != null;
    }

    /** True when FFmpeg asked to move backwards in a one-way stream. */
    boolean seekRefused() {
        return seekRefused;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** What the stream threw inside a callback, or null. */
    Throwable failure() {
        return failure;
    }

    /** Called by FFmpeg: fills {@code buffer} with up to size bytes. */
    int read(BytePointer buffer, int size) {
        if (failure != null) {
            return AvErrors.EIO;
        }
        try {
            int want = Math.min(size, chunk.length);
            int n = seekable != null ? seekable.read(chunk, 0, want) : stream.read(chunk, 0, want);
            if (n < 0) {
                return AvErrors.EOF;
            }
            buffer.position(0).put(chunk, 0, n);
            bytesRead += n;
            return n;
        } catch (Throwable t) { // must not unwind through FFmpeg's frames
            failure = t;
            return AvErrors.EIO;
        }
    }

    /** Called by FFmpeg: SEEK_SET/CUR/END, or AVSEEK_SIZE to ask for the length. */
    long seek(long offset, int whence) {
        if (failure != null) {
            return AvErrors.EIO;
        }
        if ((whence & avformat.AVSEEK_SIZE) != 0) {
            try {
                long length = seekable == null ? -1 : seekable.length();
                return length < 0 ? AvErrors.ENOSYS : length - base;
            } catch (Throwable t) {
                failure = t;
                return AvErrors.EIO;
            }
        }
        if (seekable == null) {
            seekRefused = true;
            return AvErrors.ESPIPE;
        }
        try {
            long target = switch (whence & ~avformat.AVSEEK_FORCE) {
                case SEEK_SET -> offset;
                case SEEK_CUR -> seekable.position() - base + offset;
                case SEEK_END -> {
                    long length = seekable.length();
                    yield length < 0 ? -1 : length - base + offset;
                }
                default -> -1;
            };
            if (target < 0) {
                return AvErrors.EINVAL;
            }
            seekable.seek(base + target);
            return target;
        } catch (Throwable t) {
            failure = t;
            return AvErrors.EIO;
        }
    }

    /** Frees the AVIOContext and its buffer (FFmpeg may have replaced the one we allocated). */
    @Override
    public void close() {
        if (context != null) {
            avutil.av_free(context.buffer());
            context.buffer(null);
            avformat.avio_context_free(context);
            context = null;
        }
        if (token != null) {
            AvioCallbacks.unregister(token.address());
            avutil.av_free(token);
            token = null;
        }
    }
}
