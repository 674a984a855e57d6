package io.genrelake.bench;

import io.genrelake.audio.AudioStream;
import io.genrelake.audio.ffmpeg.ContainerTags;
import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.audio.ffmpeg.FfmpegIsolation;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What running FFmpeg in a process of its own ({@link FfmpegIsolation}) costs per file: wall milliseconds to read a
 * file's container tags ({@link ContainerTags#read}) and to decode it to mono with FFmpeg ({@link FfmpegDecoder}),
 * FFmpeg in this JVM and in its process in alternating rounds (so both meet the same machine load), one thread, the
 * files from the local disk (page cache warm after the first round). Wall time, because the process's CPU is not
 * this thread's; the process is started before the first measured round.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) io.genrelake.bench.FfmpegIsolationCost ROUNDS FOLDER}.
 */
public final class FfmpegIsolationCost {

    private FfmpegIsolationCost() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
            files = walk.filter(p -> p.toString().endsWith(".mp3") || p.toString().endsWith(".flac")).sorted().toList();
        }
        String[] modes = {"none", "process"};
        List<double[]> tags = new ArrayList<>(List.of(new double[rounds], new double[rounds]));
        List<double[]> decode = new ArrayList<>(List.of(new double[rounds], new double[rounds]));
        float[] block = new float[1 << 16];
        for (int round = -1; round < rounds; round++) { // round -1 warms both up (natives, JIT, the process)
            for (int m = 0; m < modes.length; m++) {
                System.setProperty(FfmpegIsolation.PROPERTY, modes[m]);
                long tagNanos = 0;
                long decodeNanos = 0;
                for (Path file : files) {
                    long start = System.nanoTime();
                    try (SeekableInputStream in = SeekableInputStream.open(file)) {
                        ContainerTags.read(in);
                    }
                    long tagged = System.nanoTime();
                    try (AudioStream stream = new FfmpegDecoder().open(SeekableInputStream.open(file))) {
                        while (stream.readMono(block, 0, block.length) >= 0) {
                            // to the end
                        }
                    }
                    tagNanos += tagged - start;
                    decodeNanos += System.nanoTime() - tagged;
                }
                if (round >= 0) {
                    tags.get(m)[round] = tagNanos / 1e6 / files.size();
                    decode.get(m)[round] = decodeNanos / 1e6 / files.size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d files, %d rounds, median (best) wall ms per file%n", files.size(), rounds);
        System.out.println("| FFmpeg runs | tags | decode to mono |");
        System.out.println("|---|---:|---:|");
        for (int m = 0; m < modes.length; m++) {
            System.out.printf(Locale.ROOT, "| %s | %.2f (%.2f) | %.1f (%.1f) |%n",
                    m == 0 ? "in this JVM (none)" : "in its process (process)", median(tags.get(m)),
                    min(tags.get(m)), median(decode.get(m)), min(decode.get(m)));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
