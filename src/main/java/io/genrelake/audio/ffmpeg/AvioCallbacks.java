package io.genrelake.audio.ffmpeg;

import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The read and seek functions every custom AVIOContext points at. JavaCPP can hold only a handful
 * of live callback objects per callback type (@Allocator max = 10), far fewer than the streams an
 * executor opens, so there is one of each for the whole JVM and FFmpeg's {@code opaque} argument
 * says which {@link AvioInput} a call is for. The lookup table is the only state shared between
 * streams, and it is a concurrent map.
 */
final class AvioCallbacks {

    private static final ConcurrentHashMap<Long, AvioInput> OPEN = new ConcurrentHashMap<>();

    static final ReadCallback READ = new ReadCallback().retainReference();
    static final SeekCallback SEEK = new SeekCallback().retainReference();

    private AvioCallbacks() {}

    static void register(long opaque, AvioInput input) {
        OPEN.put(opaque, input);
    }

    static void unregister(long opaque) {
        OPEN.remove(opaque);
    }

    /** How many inputs are open, for leak checks in tests. */
    static int openCount() {
        return OPEN.size();
    }

    static final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            AvioInput input = OPEN.get(opaque.address());
            return input == null ? AvErrors.EIO : input.read(buffer, size);
        }
    }

    static final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            AvioInput input = OPEN.get(opaque.address());
            return input == null ? AvErrors.EIO : input.seek(offset, whence);
        }
    }
}
