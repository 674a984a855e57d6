package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.features.FeatureSet;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory does not grow with track length: a 60-minute WAV (generated here, 159 MB on disk, 318 MB as
 * floats) goes through {@code genrelake features} in a JVM capped at 256 MB of heap.
 */
class LongTrackMemoryTest {

    private static final int SR = 22050;
    private static final int MINUTES = 60;

    @Test
    void sixtyMinuteTrackCompletesIn256Megabytes(@TempDir Path dir) throws Exception {
        Path wav = dir.resolve("long").resolve("hour.wav");
        Files.createDirectories(wav.getParent());
        long n = (long) MINUTES * 60 * SR;
        writeSyntheticWav(wav, n);

        Path csv = dir.resolve("hour.csv");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(GenreLake.class.getName());
        cmd.addAll(List.of("features", wav.toString(), "--output", csv.toString(), "--parallelism", "1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "finished within 10 minutes");
        String log = Files.readString(dir.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);

        List<KaggleRow> rows = KaggleCsv.read(csv);
        assertEquals(1, rows.size(), log);
        KaggleRow row = rows.get(0);
        assertEquals(n, row.length());
        for (int i = 0; i < FeatureSet.SIZE; i++) {
            assertTrue(Double.isFinite(row.values()[i]), FeatureSet.NAMES.get(i) + " = " + row.values()[i]);
        }
        // the signal's 126-BPM pulse is found over the whole hour
        assertEquals(126, row.get("tempo"), 4, "tempo");
    }

    /** A deterministic hour of chords and a 126-BPM noise pulse, written block by block (never held). */
    private static void writeSyntheticWav(Path file, long n) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            long dataBytes = 2 * n;
            h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
            h.put("WAVE".getBytes(StandardCharsets.US_ASCII));
            h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                    .putInt(SR).putInt(2 * SR).putShort((short) 2).putShort((short) 16);
            h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
            out.write(h.array());
            double[] notes = {220.0, 261.63, 329.63, 392.0, 293.66, 349.23};
            java.util.Random rnd = new java.util.Random(3);
            byte[] block = new byte[2 * 8192];
            ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < n; ) {
                b.clear();
                int k = (int) Math.min(8192, n - i);
                for (int j = 0; j < k; j++, i++) {
                    double t = (double) i / SR;
                    int bar = (int) (t / 2);
                    double v = 0;
                    for (int c = 0; c < 3; c++) {
                        v += 0.12 * Math.sin(2 * Math.PI * notes[(bar + 2 * c) % notes.length] * t);
                    }
                    if (t * 2.1 % 1.0 < 0.02) {
                        v += 0.5 * (rnd.nextDouble() - 0.5);
                    }
                    b.putShort((short) Math.round(Math.max(-1, Math.min(1, v)) * 32767));
                }
                out.write(block, 0, 2 * k);
            }
        }
    }
}
