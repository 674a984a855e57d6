package io.genrelake.bench;

import io.genrelake.audio.AudioStream;
import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.audio.flac.FlacDecoder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What decoding a FLAC to mono costs, per file, with the pure-Java decoder ({@link FlacDecoder}) and with FFmpeg's
 * ({@link FfmpegDecoder}, in its process as in a run), in alternating rounds so both meet the same machine load; one
 * thread, wall time (the process's CPU is not this thread's), every {@code .flac} under a folder, read from the local
 * disk (page cache warm after the warm-up round). Decoding only: no resampling, no features.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) io.genrelake.bench.FlacDecodeCost ROUNDS FOLDER}.
 */
public final class FlacDecodeCost {

    private FlacDecodeCost() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
            files = walk.filter(p -> p.toString().endsWith(".flac")).sorted().toList();
        }
        String[] decoders = {"java-flac", "ffmpeg"};
        double[][] ms = new double[decoders.length][rounds];
        float[] block = new float[1 << 16];
        for (int round = -1; round < rounds; round++) { // round -1 warms both up (JIT, natives, the process)
            for (int d = 0; d < decoders.length; d++) {
                long start = System.nanoTime();
                for (Path file : files) {
                    AudioStream stream = d == 0
                            ? new FlacDecoder().open(new BufferedInputStream(Files.newInputStream(file), 1 << 16))
                            : new FfmpegDecoder().open(SeekableInputStream.open(file));
                    try (stream) {
                        while (stream.readMono(block, 0, block.length) >= 0) {
                            // to the end
                        }
                    }
                }
                if (round >= 0) {
                    ms[d][round] = (System.nanoTime() - start) / 1e6 / files.size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d files, %d rounds, median (best) wall ms per file, decode to mono%n",
                files.size(), rounds);
        System.out.println("| decoder | ms per file |");
        System.out.println("|---|---:|");
        for (int d = 0; d < decoders.length; d++) {
            double[] sorted = ms[d].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "| %s | %.1f (%.1f) |%n", decoders[d], sorted[rounds / 2], sorted[0]);
        }
    }
}
