package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioFormatException;
import io.genrelake.audio.UnsupportedAudioException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * One FFmpeg process, as the executor thread that uses it sees it: a JVM of its own running
 * {@link FfmpegProcessMain}, so that a crash in FFmpeg's native code (which no Java {@code catch} can stop) ends that
 * process and gives the file a reason, instead of ending the executor with every task on it. Commands go one at a
 * time ({@link ProcessProtocol}); while the process works on one, it reads the file's bytes through this object,
 * from the stream the executor opened (on HDFS or S3 alike: nothing is copied to a local path).
 *
 * <p>A process that dies, or sends nothing for longer than the time limit (a hang in native code; the watchdog in
 * {@link FfmpegProcesses} stops it), is <em>broken</em>: the command fails with an {@link AudioFormatException}
 * saying so — the file's row gets the reason, as for any file FFmpeg cannot decode — and the process is not used
 * again. A failure of the executor's own stream is rethrown as it was thrown, exactly as in-process decoding does.
 * Used by one thread at a time; only {@link #stopIfOverdue} is called from the watchdog.
 */
final class FfmpegProcess {

    private final Process process;
    private final DataInputStream in;    // the process's stdout
    private final DataOutputStream out;  // the process's stdin
    private final byte[] chunk = new byte[AvioInput.BUFFER_BYTES];
    private final ByteBuffer sampleBytes = ByteBuffer.allocate(AvioInput.BUFFER_BYTES * Float.BYTES);

    private InputStream source;          // the stream the current command reads from
    private IOException sourceFailure;   // how that stream failed, rethrown as it was
    private IOException reported;        // the failure the process reported for the last command
    private long inputRequests;
    private volatile long waitingSince;  // System.nanoTime() while waiting for the process; 0 otherwise
    private volatile long stoppedAfterNanos; // set when the watchdog stopped a silent process
    private boolean broken;

    private FfmpegProcess(Process process) {
        this.process = process;
        this.in = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        this.out = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    }

    /**
     * Starts a process and waits until it has loaded FFmpeg's natives.
     *
     * @throws FfmpegUnavailableException when it cannot start (no {@code java} beside this JVM's, a class path that
     *     cannot be handed to a child) or ends before it is ready; its own message, if any, is in this JVM's stderr
     */
    static FfmpegProcess start(FfmpegProcesses watchdog) throws IOException {
        List<String> command;
        try {
            command = FfmpegProcessCommand.build();
        } catch (IOException e) {
            throw new FfmpegUnavailableException(e.getMessage(), e);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new FfmpegUnavailableException("cannot start the FFmpeg process (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
        FfmpegProcess started = new FfmpegProcess(process);
        watchdog.watch(started);
        try {
            started.waitingSince = System.nanoTime();
            byte ready = started.in.readByte();
            int version = started.in.readInt();
            if (ready != ProcessProtocol.READY || version != ProcessProtocol.VERSION) {
                throw new IOException("it answered " + ready + "/" + version + " instead of being ready");
            }
        } catch (IOException e) {
            started.broken = true;
            String ending = started.ending(); // before destroy, which would make every ending a kill
            started.destroy();
            throw new FfmpegUnavailableException("the FFmpeg process did not start: " + ending
                    + " (its own message, if any, is in this JVM's stderr)", e);
        } finally {
            started.waitingSince = 0;
        }
        return started;
    }

    /** Whether FFmpeg's probe recognises the bytes. */
    boolean sniff(byte[] header, int length) throws IOException {
        source = null;
        return exchange(ProcessProtocol.SNIFF, () -> {
            out.writeInt(length);
            out.write(header, 0, length);
        }, ProcessProtocol.BOOLEAN, in::readBoolean);
    }

    /** What an opened stream is. */
    record Opened(int sampleRate, int channels, long frameCount, String codec) {}

    /** Opens the audio of the file {@code from} reads (from its current position), which stays the source. */
    Opened openAudio(InputStream from) throws IOException {
        source = from;
        sourceFailure = null;
        return exchange(ProcessProtocol.OPEN_AUDIO, () -> {
            out.writeBoolean(from instanceof SeekableInputStream);
            writeWhere();
        }, ProcessProtocol.AUDIO_OPENED,
                () -> new Opened(in.readInt(), in.readInt(), in.readLong(), ProcessProtocol.readString(in)));
    }

    /** Up to {@code maxFrames} mono samples of the open audio; -1 at its end. */
    int readMono(float[] dst, int offset, int maxFrames) throws IOException {
        return exchange(ProcessProtocol.READ_MONO, () -> {
            out.writeInt(Math.min(maxFrames, AvioInput.BUFFER_BYTES));
            writeWhere();
        }, ProcessProtocol.SAMPLES, () -> {
                    int n = in.readInt();
                    if (n > maxFrames || n < -1) {
                        throw new IOException("the FFmpeg process sent " + n + " samples for a read of " + maxFrames);
                    }
                    if (n > 0) {
                        in.readFully(sampleBytes.array(), 0, n * Float.BYTES);
                        sampleBytes.clear();
                        sampleBytes.asFloatBuffer().get(dst, offset, n);
                    }
                    return n;
                });
    }

    /** Frees the process's decoder of the open audio; the executor closes its own stream. */
    void closeAudio() throws IOException {
        try {
            exchange(ProcessProtocol.CLOSE_AUDIO, () -> {}, ProcessProtocol.DONE, () -> null);
        } finally {
            source = null;
        }
    }

    /** The container's tags ({@link ContainerTags}) of the file {@code from} reads, from its current position. */
    Map<String, List<String>> readTags(SeekableInputStream from) throws IOException {
        source = from;
        sourceFailure = null;
        try {
            return exchange(ProcessProtocol.READ_TAGS, this::writeWhere, ProcessProtocol.TAGS, () -> {
                int keys = in.readInt();
                Map<String, List<String>> tags = new LinkedHashMap<>();
                for (int k = 0; k < keys; k++) {
                    String key = ProcessProtocol.readString(in);
                    int values = in.readInt();
                    List<String> list = new ArrayList<>(Math.min(values, 64));
                    for (int v = 0; v < values; v++) {
                        list.add(ProcessProtocol.readString(in));
                    }
                    tags.put(key, list);
                }
                return tags;
            });
        } finally {
            source = null;
        }
    }

    /**
     * The source's position and length, so the process need not ask ({@link ProcessProtocol}): -1 for a one-way
     * stream, or where asking fails here (the process then asks, and gets the failure).
     */
    private void writeWhere() throws IOException {
        long position = -1;
        long length = -1;
        if (source instanceof SeekableInputStream s) {
            try {
                position = s.input().position();
                length = s.input().length();
            } catch (IOException e) {
                position = -1;
                length = -1;
            }
        }
        out.writeLong(position);
        out.writeLong(length);
    }

    /** Input requests served (reads, positions, seeks, lengths) since the process started: each a round trip. */
    long inputRequests() {
        return inputRequests;
    }

    private interface Request {
        void write() throws IOException;
    }

    private interface Reply<T> {
        T read() throws IOException;
    }

    /**
     * One command: its code and {@code request}'s arguments out, the reply (which must be {@code expected}) read by
     * {@code reply}; a broken conversation becomes the reason {@link #failure} gives.
     */
    private <T> T exchange(byte command, Request request, byte expected, Reply<T> reply) throws IOException {
        try {
            out.writeByte(command);
            request.write();
            expect(send(), expected);
            return reply.read();
        } catch (IOException e) {
            throw failure(e);
        } finally {
            waitingSince = 0;
        }
    }

    /** Flushes the command and waits for its reply, serving the process's input requests meanwhile. */
    private byte send() throws IOException {
        out.flush();
        while (true) {
            waitingSince = System.nanoTime();
            byte message = in.readByte();
            waitingSince = 0; // our own stream's reads are not the process's time
            if (ProcessProtocol.isInputRequest(message)) {
                inputRequests++;
            }
            switch (message) {
                case ProcessProtocol.INPUT_READ -> serveRead(in.readInt());
                case ProcessProtocol.INPUT_POSITION -> out.writeLong(answer(() -> seekable().position()));
                case ProcessProtocol.INPUT_SEEK -> {
                    long position = in.readLong();
                    out.writeInt((int) answer(() -> {
                        seekable().seek(position);
                        return 0;
                    }));
                }
                case ProcessProtocol.INPUT_LENGTH -> out.writeLong(answer(() -> seekable().length()));
                default -> {
                    waitingSince = System.nanoTime(); // the reply's payload follows at once
                    if (message == ProcessProtocol.FAILED) {
                        throw remoteFailure();
                    }
                    return message;
                }
            }
            out.flush();
        }
    }

    private void serveRead(int max) throws IOException {
        int n;
        try {
            if (source == null) {
                throw new IOException("the FFmpeg process read input outside a command that has one");
            }
            n = source.read(chunk, 0, Math.max(0, Math.min(max, chunk.length)));
        } catch (IOException e) {
            sourceFailure = e;
            out.writeInt(ProcessProtocol.FAILED_INPUT);
            return;
        }
        out.writeInt(n);
        if (n > 0) {
            out.write(chunk, 0, n);
        }
    }

    private interface InputCall {
        long call() throws IOException;
    }

    private long answer(InputCall call) {
        try {
            return call.call();
        } catch (IOException e) {
            sourceFailure = e;
            return ProcessProtocol.FAILED_INPUT;
        }
    }

    private SeekableInput seekable() throws IOException {
        if (source instanceof SeekableInputStream s) {
            return s.input();
        }
        throw new IOException("the FFmpeg process asked a one-way stream to seek");
    }

    /** The exception the process reported, as the in-process decoder would have thrown it. */
    private IOException remoteFailure() throws IOException {
        byte kind = in.readByte();
        String message = ProcessProtocol.readString(in);
        reported = switch (kind) {
            case ProcessProtocol.KIND_UNSUPPORTED -> new UnsupportedAudioException(message);
            case ProcessProtocol.KIND_FORMAT -> new AudioFormatException(message);
            case ProcessProtocol.KIND_IO -> sourceFailure != null ? sourceFailure : new IOException(message);
            case ProcessProtocol.KIND_BUG -> throw new RemoteDecoderException(message, ProcessProtocol.readString(in));
            default -> throw new IOException("the FFmpeg process sent failure kind " + kind);
        };
        return reported;
    }

    private void expect(byte reply, byte wanted) throws IOException {
        if (reply != wanted) {
            throw new IOException("the FFmpeg process sent '" + (char) reply + "' where '" + (char) wanted
                    + "' was due");
        }
    }

    /**
     * {@code e} as the caller should see it: the file's own failures (reported by the process, or its stream's) as
     * they are; a broken conversation as the reason the process gave none — it died, or hung and was stopped.
     */
    private IOException failure(IOException e) {
        if (e == reported || e == sourceFailure) {
            reported = null;
            return e;
        }
        broken = true;
        destroy();
        AudioFormatException reason;
        if (stoppedAfterNanos > 0) {
            reason = new AudioFormatException(String.format(Locale.ROOT,
                    "FFmpeg stopped answering on this file for more than %d s; its process was stopped",
                    TimeUnit.NANOSECONDS.toSeconds(stoppedAfterNanos)));
        } else {
            reason = new AudioFormatException("FFmpeg crashed on this file: " + ending());
            reason.initCause(e);
        }
        // the file's row carries the reason; the log says which process, for its crash report in java.io.tmpdir
        LoggerFactory.getLogger(FfmpegProcess.class).warn("FFmpeg process {}: {}", process.pid(), reason.getMessage());
        return reason;
    }

    /** How the process ended: "its process ended with exit code 134 (signal 6)". */
    private String ending() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                return "its process stopped answering";
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "its process stopped answering";
        }
        int code = process.exitValue();
        return "its process ended with exit code " + code + (code > 128 ? " (signal " + (code - 128) + ")" : "");
    }

    /** Called by the watchdog: stops a process that has been silent for longer than {@code limitNanos}. */
    void stopIfOverdue(long now, long limitNanos) {
        long since = waitingSince;
        if (since != 0 && now - since > limitNanos) {
            stoppedAfterNanos = limitNanos;
            process.destroyForcibly();
        }
    }

    /** True when the process can take another file. */
    boolean usable() {
        return !broken && process.isAlive();
    }

    /** The process's id, for the log. */
    long pid() {
        return process.pid();
    }

    /** Ends the process: its stdin closes (it exits by itself) and, should it not, it is killed. */
    void destroy() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already gone
        }
        process.destroyForcibly();
    }

    /** True once the process has ended. */
    boolean ended() {
        return !process.isAlive();
    }
}
