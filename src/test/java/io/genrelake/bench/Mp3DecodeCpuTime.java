package io.genrelake.bench;

import io.genrelake.audio.AudioDecoder;
import io.genrelake.audio.AudioStream;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.audio.ffmpeg.FfmpegDecoder;
import io.genrelake.audio.mp3.Mp3Decoder;
import io.genrelake.dsp.VectorApiProbe;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CPU milliseconds per file to decode MP3s to mono (the pure-Java decoder and FFmpeg's), alone and with the
 * resampling to 22050 Hz the extractor needs (what the extract job spends before the features: {@link MonoAudioSource},
 * so for 44.1-kHz files the Java decoder's half-rate synthesis, FFmpeg's output through the resampler), on the files given
 * (e.g. bench-extract's 44.1-kHz stereo re-encodings of the shared clips, {@code <work>/mp3-sources/*}/*.mp3). The
 * files are read into memory first, so disk reads do not count; the thread's own CPU time, median and best of the
 * second half of the rounds.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp target/test-classes:target/classes:$(cat
 * target/test-classpath.txt) io.genrelake.bench.Mp3DecodeCpuTime ROUNDS FILE.mp3...}.
 */
public final class Mp3DecodeCpuTime {

    private Mp3DecodeCpuTime() {}

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<byte[]> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Files.readAllBytes(Path.of(args[i])));
        }
        AudioDecoder[] decoders = {new Mp3Decoder(), new FfmpegDecoder()};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][][] ms = new double[decoders.length][2][rounds];
        float[] block = new float[1 << 16];
        double sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int d = 0; d < decoders.length; d++) {
                for (int resample = 0; resample < 2; resample++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (byte[] file : files) {
                        sink += decode(decoders[d], file, resample == 1, block);
                    }
                    ms[d][resample][round] = (mx.getCurrentThreadCpuTime() - c0) / 1e6 / files.size();
                }
            }
        }
        System.out.printf(Locale.ROOT, "MP3 decoding to mono, %d files, %s %s, kernels: %s (CPU ms per file, median /"
                + " best of the last %d of %d rounds; checksum %.3f)%n", files.size(), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), VectorApiProbe.AVAILABLE ? "Vector API" : "plain Java",
                rounds - rounds / 2, rounds, sink);
        System.out.println("| decoder | decode | decode + resample to 22050 Hz |");
        System.out.println("|---|---:|---:|");
        for (int d = 0; d < decoders.length; d++) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", decoders[d].name(), summary(ms[d][0], rounds),
                    summary(ms[d][1], rounds));
        }
    }

    private static double decode(AudioDecoder decoder, byte[] file, boolean resample, float[] block) throws IOException {
        AudioStream stream = decoder.open(new BufferedInputStream(new ByteArrayInputStream(file)));
        double sink = 0;
        if (resample) {
            try (MonoAudioSource source = new MonoAudioSource(stream, MonoAudioSource.TARGET_RATE)) {
                for (int n; (n = source.read(block, 0, block.length)) > 0; ) {
                    sink += block[n - 1];
                }
            }
        } else {
            try (stream) {
                for (int n; (n = stream.readMono(block, 0, block.length)) > 0; ) {
                    sink += block[n - 1];
                }
            }
        }
        return sink;
    }

    private static String summary(double[] ms, int rounds) {
        double[] tail = Arrays.copyOfRange(ms, rounds / 2, rounds);
        Arrays.sort(tail);
        return String.format(Locale.ROOT, "%.1f / %.1f", tail[tail.length / 2], tail[0]);
    }
}
