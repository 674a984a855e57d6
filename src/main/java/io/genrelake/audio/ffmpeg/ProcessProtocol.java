package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The messages between an executor and its FFmpeg process ({@link FfmpegProcess}, {@link FfmpegProcessMain}): one
 * command at a time from the executor, answered by one reply; while it works on a command the process may ask for
 * input bytes, which the executor serves from the file's stream before it waits again. Big-endian, over the
 * process's stdin and stdout. Strings are a length and UTF-8 bytes (DataOutput's UTF stops at 64 KB).
 *
 * <p>Every command that reads input states where the executor's stream is ({@code where}: long position, long
 * length; -1 for unknown, or a one-way stream), and the process keeps the position itself while the command runs:
 * each question it would otherwise ask is a round trip, and round trips, not bytes, are what the conversation costs
 * when the executor's other threads keep the cores busy (docs/benchmarks.md, "What reading tags costs").
 */
final class ProcessProtocol {

    /** Written once by the process when it is ready, followed by {@link #VERSION}. */
    static final byte READY = 'H';
    static final int VERSION = 2;

    // Commands, executor → process.
    static final byte SNIFF = 'S';       // int length, bytes → BOOLEAN
    static final byte OPEN_AUDIO = 'O';  // boolean seekable, where → AUDIO_OPENED or FAILED
    static final byte READ_MONO = 'R';   // int maxFrames, where → SAMPLES or FAILED
    static final byte CLOSE_AUDIO = 'C'; // → DONE or FAILED
    static final byte READ_TAGS = 'T';   // where → TAGS or FAILED

    // Replies, process → executor.
    static final byte BOOLEAN = 'B';       // boolean
    static final byte AUDIO_OPENED = 'A';  // int rate, int channels, long frameCount, string codec
    static final byte SAMPLES = 'F';       // int n (-1: the end), n floats
    static final byte DONE = 'K';
    static final byte TAGS = 'M';          // int keys, per key: string key, int values, strings
    static final byte FAILED = 'E';        // byte kind, string message (BUG: string detail too)

    // Input requests, process → executor, answered at once.
    static final byte INPUT_READ = 'r';     // int max → int n (-1: end; FAILED_INPUT: failed), n bytes
    static final byte INPUT_POSITION = 'p'; // → long (or FAILED_INPUT as a long)
    static final byte INPUT_SEEK = 's';     // long → int 0 (or FAILED_INPUT)
    static final byte INPUT_LENGTH = 'l';   // → long (or FAILED_INPUT as a long)
    /** The executor's stream failed; the process throws an IOException and the executor rethrows the original. */
    static final int FAILED_INPUT = -2;

    // Kinds of FAILED.
    static final byte KIND_FORMAT = 1;
    static final byte KIND_UNSUPPORTED = 2;
    static final byte KIND_IO = 3;
    static final byte KIND_BUG = 4;

    private ProcessProtocol() {}

    /** Whether {@code message} is one of the process's input requests. */
    static boolean isInputRequest(byte message) {
        return message == INPUT_READ || message == INPUT_POSITION || message == INPUT_SEEK || message == INPUT_LENGTH;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("FFmpeg process: a string of " + length + " bytes in its reply");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Larger than any tag FFmpeg can hand out under its 64-MB allocation cap. */
    private static final int MAX_STRING_BYTES = 128 << 20;

    /** Writes why a command failed, as the kind of exception the in-process decoder would have thrown. */
    static void writeFailure(DataOutputStream out, Throwable e) throws IOException {
        out.writeByte(FAILED);
        if (e instanceof UnsupportedAudioException) {
            out.writeByte(KIND_UNSUPPORTED);
            writeString(out, e.getMessage());
        } else if (e instanceof AudioFormatException) {
            out.writeByte(KIND_FORMAT);
            writeString(out, e.getMessage());
        } else if (e instanceof IOException) {
            out.writeByte(KIND_IO);
            writeString(out, e.getMessage());
        } else {
            out.writeByte(KIND_BUG);
            writeString(out, String.valueOf(e));
            StackTraceElement[] trace = e.getStackTrace();
            writeString(out, trace.length > 0 ? trace[0].toString() : "");
        }
    }
}
