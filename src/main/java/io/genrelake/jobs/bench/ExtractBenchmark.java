package io.genrelake.jobs.bench;

import io.genrelake.jobs.ExtractJob;
import io.genrelake.jobs.ExtractOptions;
import io.genrelake.jobs.ExtractSummary;
import io.genrelake.jobs.NoInputException;
import io.genrelake.jobs.SparkLogLevels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import io.genrelake.tables.DeltaSession;
import org.apache.spark.sql.SparkSession;

/**
 * The extract benchmark: the extract job over a corpus of GTZAN-like 30-s clips (WAV copies of the
 * shared clips, and their 44.1-kHz stereo MP3 re-encodings when ffmpeg is installed), then over one
 * long track alone, watching the heap. Prints a Markdown report for docs/benchmarks.md.
 *
 * <p>Small warm-up runs come first, one per input format measured (each format's decoder has its own code for the
 * JIT to compile), so that JIT compilation and Spark's first-job costs do not count. Only formats measured are warmed
 * up, MP3 first: C2 compiles the MP3 decoder less well after it has compiled the feature kernels on WAV alone (~0.8 ms
 * more per clip), which an executor over an MP3 library never does.
 */
public final class ExtractBenchmark {

    /**
     * Clips of the warm-up run: enough for C2 to finish compiling the extractor before the measured run (with 4, the
     * first partitions of a local[2] run still took 30-50 % longer than the rest, the JIT competing with both task
     * threads).
     */
    static final int WARM_UP_CLIPS = 32;

    /**
     * What to run.
     *
     * @param clips       clips in each corpus
     * @param master      Spark master (local[1], local[2], ...)
     * @param wav         run the WAV corpus
     * @param mp3         run the MP3 corpus (needs ffmpeg to make it)
     * @param longMinutes length of the long track for the memory run; 0 for none
     * @param shared      the shared folder (holds gtzan/audio)
     * @param work        where corpora (kept for the next run) and output tables go
     */
    public record Settings(int clips, String master, boolean wav, boolean mp3, int longMinutes, Path shared,
            Path work) {}

    private final PrintWriter out;

    public ExtractBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Runs the benchmark; false when it had to be skipped (no shared clips). */
    public boolean run(Settings s) throws IOException, NoInputException {
        Path audio = s.shared().resolve("gtzan/audio");
        List<Path> sources = BenchCorpus.sourceClips(audio);
        if (sources.isEmpty()) {
            out.println("bench-extract: skipped: no shared GTZAN clips at " + audio
                    + " (the shared folder sits beside the project on development machines only; see --shared)");
            return false;
        }
        Optional<FfmpegTool> ffmpeg = FfmpegTool.find();
        if (ffmpeg.isEmpty() && (s.mp3() || s.longMinutes() > 0)) {
            out.println("bench-extract: ffmpeg not found on the PATH (Debian: apt-get install -y ffmpeg): "
                    + "the MP3 corpus and the long MP3 are skipped");
        }
        Files.createDirectories(s.work());
        SparkLogLevels.forCommandLine();
        SparkSession spark = DeltaSession.configure(SparkSession.builder(), s.master()).appName("genrelake bench-extract")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            out.printf(Locale.ROOT, "bench-extract: %d clips, master %s, %d cores, heap max %d MB, work dir %s%n",
                    s.clips(), s.master(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, s.work());
            out.flush();
            // MP3 first (see the class comment); WAV decoding is too little work to care about the order.
            List<Path> encoded = s.mp3() && ffmpeg.isPresent()
                    ? BenchCorpus.encodeMp3(ffmpeg.get(), sources, s.work().resolve("mp3-sources")) : List.of();
            if (!encoded.isEmpty()) {
                Path warmMp3 = BenchCorpus.build(encoded, WARM_UP_CLIPS, s.work().resolve("warmup-mp3-" + WARM_UP_CLIPS));
                extract(spark, warmMp3, s.work().resolve("out-warmup-mp3"));
            }
            if (s.wav()) {
                Path warm = BenchCorpus.build(sources, WARM_UP_CLIPS, s.work().resolve("warmup-" + WARM_UP_CLIPS));
                extract(spark, warm, s.work().resolve("out-warmup"));
            }

            out.println();
            out.println("| input | master | clips | ok | wall s | clips/min | decode+resample share | tag reading share |");
            out.println("|---|---|---|---|---|---|---|---|");
            if (s.wav()) {
                Path corpus = BenchCorpus.build(sources, s.clips(), s.work().resolve("wav-" + s.clips()));
                row("WAV 22.05 kHz mono", s, extract(spark, corpus, s.work().resolve("out-wav")));
            }
            if (!encoded.isEmpty()) {
                Path corpus = BenchCorpus.build(encoded, s.clips(), s.work().resolve("mp3-" + s.clips()));
                row("MP3 44.1 kHz stereo", s, extract(spark, corpus, s.work().resolve("out-mp3")));
            }
            if (s.longMinutes() > 0) {
                out.println();
                out.println("| long track | minutes | windows | peak heap used (sampled) | heap pools' peaks | "
                        + "heap max | GCs (ms) |");
                out.println("|---|---|---|---|---|---|---|");
                int seconds = 60 * s.longMinutes();
                Path wav = LongTrack.wav(sources, seconds, s.work().resolve("long-" + s.longMinutes() + "min.wav"));
                memoryRow("WAV 22.05 kHz mono", s, spark, wav);
                if (ffmpeg.isPresent()) {
                    Path mp3 = s.work().resolve("long-" + s.longMinutes() + "min.mp3");
                    if (!Files.exists(mp3)) {
                        ffmpeg.get().longMp3(sources, seconds, mp3);
                    }
                    memoryRow("MP3 44.1 kHz stereo", s, spark, mp3);
                }
            }
            out.println();
            out.println("(local mode: the driver shares the executor's JVM, so heap figures are upper bounds "
                    + "for the executor)");
            return true;
        } finally {
            spark.stop();
            out.flush();
        }
    }

    private static ExtractSummary extract(SparkSession spark, Path input, Path output)
            throws IOException, NoInputException {
        return ExtractJob.run(spark, new ExtractOptions().inputs(List.of(input.toString())).output(output.toString()));
    }

    private void row(String input, Settings s, ExtractSummary r) {
        out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.0f | %.1f%% | %.2f%% |%n", input, s.master(),
                r.filesListed(), r.filesOk(), r.wallSeconds(), r.clipsPerMinute(), 100 * r.decodeShare(),
                100 * r.tagShare());
        notDecoded(r);
        out.flush();
    }

    private void memoryRow(String input, Settings s, SparkSession spark, Path file)
            throws IOException, NoInputException {
        ExtractSummary r;
        HeapWatch.Reading heap;
        try (HeapWatch watch = HeapWatch.start()) {
            r = extract(spark, file, s.work().resolve("out-long"));
            heap = watch.read();
        }
        out.printf(Locale.ROOT, "| %s | %d | %d | %d MB | %d MB | %d MB | %d (%d) |%n", input, s.longMinutes(),
                r.windowsOk(), heap.sampledPeakBytes() >> 20, heap.poolPeaksBytes() >> 20, heap.maxBytes() >> 20,
                heap.collections(), heap.gcMillis());
        notDecoded(r);
        out.flush();
    }

    private void notDecoded(ExtractSummary r) {
        if (r.filesError() > 0) {
            out.println("|   ↳ " + r.filesError() + " files not decoded: " + describe(r.errorsByReason()) + " | | | | | | |");
        }
    }

    private static String describe(Map<String, Long> errors) {
        StringBuilder s = new StringBuilder();
        errors.forEach((kind, n) -> s.append(s.isEmpty() ? "" : ", ").append(kind).append(" ×").append(n));
        return s.toString();
    }
}
