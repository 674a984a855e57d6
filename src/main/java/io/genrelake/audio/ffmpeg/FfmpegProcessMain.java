package io.genrelake.audio.ffmpeg;

import io.genrelake.audio.AudioStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * The FFmpeg process's main: runs the in-process decoder ({@link FfmpegAudioStream}), the tag reader
 * ({@link ContainerTags}) and the format probe on the commands of one executor thread ({@link FfmpegProcess}), one
 * command at a time, until its stdin ends (the executor closed it, or died). A crash or a hang in FFmpeg's native
 * code ends or stalls this process, not the executor. Nothing but the protocol goes to stdout: {@code System.out}
 * is pointed at stderr before anything else runs.
 */
public final class FfmpegProcessMain {

    private static final int MAX_FRAMES_PER_READ = 1 << 16;

    private final DataInputStream in;
    private final DataOutputStream out;
    private final RemoteInput input;
    private final float[] samples = new float[MAX_FRAMES_PER_READ];
    private final ByteBuffer sampleBytes = ByteBuffer.allocate(MAX_FRAMES_PER_READ * Float.BYTES); // big-endian
    private AudioStream audio;

    private FfmpegProcessMain(DataInputStream in, DataOutputStream out) {
        this.in = in;
        this.out = out;
        this.input = new RemoteInput(in, out);
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        FfmpegLibrary.available(); // load the natives before saying ready: the first file should not pay for it
        out.writeByte(ProcessProtocol.READY);
        out.writeInt(ProcessProtocol.VERSION);
        out.flush();
        new FfmpegProcessMain(in, out).serve();
        System.exit(0);
    }

    private void serve() throws IOException {
        while (true) {
            byte command;
            try {
                command = in.readByte();
            } catch (EOFException e) {
                return; // the executor closed our stdin: its thread is done with us, or it has gone
            }
            input.stated(-1, -1); // until a command says where the executor's stream is
            try {
                switch (command) {
                    case ProcessProtocol.SNIFF -> sniff();
                    case ProcessProtocol.OPEN_AUDIO -> openAudio();
                    case ProcessProtocol.READ_MONO -> readMono();
                    case ProcessProtocol.CLOSE_AUDIO -> closeAudio();
                    case ProcessProtocol.READ_TAGS -> readTags();
                    default -> throw new IOException("FFmpeg process: unknown command " + command);
                }
            } catch (IOException | RuntimeException e) {
                ProcessProtocol.writeFailure(out, e);
            }
            out.flush();
        }
    }

    private void sniff() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 16) {
            throw new IOException("FFmpeg process: a sniff of " + length + " bytes");
        }
        byte[] header = in.readNBytes(length);
        boolean recognised = FormatProbe.recognises(header, length);
        out.writeByte(ProcessProtocol.BOOLEAN);
        out.writeBoolean(recognised);
    }

    private void openAudio() throws IOException {
        boolean seekable = in.readBoolean();
        readWhere();
        closeQuietly();
        InputStream stream = seekable ? new SeekableInputStream(input) : input.oneWay();
        audio = FfmpegAudioStream.open(stream);
        out.writeByte(ProcessProtocol.AUDIO_OPENED);
        out.writeInt(audio.sampleRate());
        out.writeInt(audio.channels());
        out.writeLong(audio.frameCount());
        ProcessProtocol.writeString(out, audio.codec());
    }

    private void readMono() throws IOException {
        int max = Math.min(in.readInt(), MAX_FRAMES_PER_READ);
        readWhere();
        if (audio == null) {
            throw new IOException("FFmpeg process: no audio is open");
        }
        int n = audio.readMono(samples, 0, Math.max(max, 1));
        out.writeByte(ProcessProtocol.SAMPLES);
        out.writeInt(n);
        if (n > 0) {
            sampleBytes.clear();
            sampleBytes.asFloatBuffer().put(samples, 0, n);
            out.write(sampleBytes.array(), 0, n * Float.BYTES);
        }
    }

    private void closeAudio() throws IOException {
        AudioStream closing = audio;
        audio = null;
        if (closing != null) {
            closing.close(); // frees FFmpeg's objects; the stream it closes is the executor's, which closes its own
        }
        out.writeByte(ProcessProtocol.DONE);
    }

    /** The command's {@code where}: the executor's stream position and length (ProcessProtocol). */
    private void readWhere() throws IOException {
        long position = in.readLong();
        input.stated(position, in.readLong());
    }

    private void readTags() throws IOException {
        readWhere();
        Map<String, List<String>> tags = ContainerTags.readHere(new SeekableInputStream(input));
        out.writeByte(ProcessProtocol.TAGS);
        out.writeInt(tags.size());
        for (Map.Entry<String, List<String>> entry : tags.entrySet()) {
            ProcessProtocol.writeString(out, entry.getKey());
            out.writeInt(entry.getValue().size());
            for (String value : entry.getValue()) {
                ProcessProtocol.writeString(out, value);
            }
        }
    }

    private void closeQuietly() {
        if (audio != null) {
            try {
                audio.close();
            } catch (IOException | RuntimeException ignored) {
                // a stream the executor abandoned; the next file must not fail for it
            }
            audio = null;
        }
    }
}
