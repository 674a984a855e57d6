package io.genrelake.jobs.bench;

import io.genrelake.audio.AudioLoader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A long track for the memory measurement: the shared clips one after the other, round and round, as a
 * 22050-Hz mono 16-bit WAV, written block by block (the benchmark's own heap stays small while it writes).
 */
final class LongTrack {

    private static final int SR = 22050;

    private LongTrack() {}

    static Path wav(List<Path> clips, int seconds, Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        List<float[]> sources = new ArrayList<>();
        for (Path clip : clips) {
            sources.add(AudioLoader.load(clip).samples());
        }
        long n = (long) seconds * SR;
        long dataBytes = 2 * n;
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
            h.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                    .putInt(SR).putInt(2 * SR).putShort((short) 2).putShort((short) 16);
            h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            out.write(h.array());
            byte[] block = new byte[2];
            long written = 0;
            for (int s = 0; written < n; s = (s + 1) % sources.size()) {
                float[] y = sources.get(s);
                for (int i = 0; i < y.length && written < n; i++, written++) {
                    short v = (short) Math.max(-32768, Math.min(32767, Math.rint(y[i] * 32768.0)));
                    block[0] = (byte) v;
                    block[1] = (byte) (v >> 8);
                    out.write(block);
                }
            }
        }
        Files.move(partial, file);
        return file;
    }
}
