package io.genrelake.jobs;

import io.genrelake.audio.WavWriter;
import io.genrelake.demo.SampleLibrary;
import io.genrelake.ml.Aggregation;
import io.genrelake.ml.ModelKind;
import io.genrelake.ml.PipelineSettings;
import io.genrelake.ml.Protocol;
import io.genrelake.ml.TrainOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * The nightly/classify figures, measured: (1) a nightly run over an unchanged catalogue of many files decodes
 * nothing and how long it takes, beside the first night and an incremental one ({@value #NEW_FILES} new files);
 * (2) how much the classification adds to the extraction of a corpus of 30-s clips (classify --input). Prints
 * Markdown for docs/benchmarks.md.
 *
 * <p>The catalogue is made of short generated WAV files (0.25 s, one window each) so that the first run,
 * which must decode them all, stays affordable; the measured run decodes none of them anyway. The model
 * is a logistic regression trained here on the sample library. Everything runs in the session the nightly and
 * classify jobs open ({@link JobSession}), so the figures are those of {@code genrelake nightly} with the same
 * master.
 */
public final class NightlyBenchmark {

    /** What to run. */
    public record Settings(int files, int clips, String master, Path work) {}

    /** Files added before the third, incremental night. */
    static final int NEW_FILES = 100;

    private static final int SR = 22050;

    private final PrintWriter out;

    public NightlyBenchmark(PrintWriter out) {
        this.out = out;
    }

    public void run(Settings s) throws IOException, NoInputException, NightlyJob.NightlyRefusal {
        Path work = s.work().toAbsolutePath().normalize();
        // the session `genrelake nightly` and `classify` get (Spark's shuffle defaults), not train's
        try (JobSession session = JobSession.open("genrelake bench-nightly", new ExtractOptions().master(s.master()))) {
            SparkSession spark = session.spark();
            String model = trainModel(spark, work);
            Path catalogue = work.resolve("catalogue");
            writeCatalogue(catalogue, s.files());
            Path added = catalogue.resolve("zz-new");
            deleteTree(added);

            String state = work.resolve("state").toString();
            String output = work.resolve("nightly-out").toString();
            deleteTree(Path.of(state));
            deleteTree(Path.of(output));
            NightlyOptions options = new NightlyOptions().inputs(List.of(catalogue.toString())).model(model)
                    .output(output).state(state).windowSeconds(3).minLastWindowSeconds(1);
            NightlySummary first = NightlyJob.run(spark, options.runDate("2026-01-01"));
            NightlySummary unchanged = NightlyJob.run(spark, options.runDate("2026-01-02"));
            writeFiles(added, s.files(), NEW_FILES, 3);
            NightlySummary incremental = NightlyJob.run(spark, options.runDate("2026-01-03"));
            deleteTree(added);

            Path clips = work.resolve("clips");
            writeClips(clips, s.clips());
            String classified = work.resolve("classify-out").toString();
            deleteTree(Path.of(classified));
            ClassifySummary c = ClassifyJob.run(spark, new ClassifyOptions().inputs(List.of(clips.toString()))
                    .model(model).output(classified).runDate("2026-01-01"));

            out.printf(Locale.ROOT, "## Nightly and classify (`bin/genrelake bench-nightly --files %d --clips %d "
                    + "--master '%s'`)%n%n", s.files(), s.clips(), s.master());
            out.println("| run | files listed | files decoded | wall seconds |");
            out.println("|---|---:|---:|---:|");
            out.printf(Locale.ROOT, "| first nightly (everything new) | %d | %d | %.1f |%n", first.filesListed(),
                    first.filesDecoded(), first.wallSeconds());
            out.printf(Locale.ROOT, "| **nightly over the unchanged catalogue** | %d | **%d** | **%.1f** |%n",
                    unchanged.filesListed(), unchanged.filesDecoded(), unchanged.wallSeconds());
            out.printf(Locale.ROOT, "| incremental nightly (%d new files) | %d | %d | %.1f |%n", NEW_FILES,
                    incremental.filesListed(), incremental.filesDecoded(), incremental.wallSeconds());
            out.println();
            out.println("| classify --input, 30-s clips | clips | extraction s | classification s | classification / extraction |");
            out.println("|---|---:|---:|---:|---:|");
            out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | **%.1f %%** |%n", s.master(), c.tracksClassified(),
                    c.extractSeconds(), c.classifySeconds(), 100 * c.classifySeconds() / c.extractSeconds());
            out.flush();
        }
    }

    /** A logistic regression on the sample library's 3-s windows (the demo's settings, one model). */
    private String trainModel(SparkSession spark, Path work) throws IOException, NoInputException {
        Path sample = work.resolve("sample");
        if (!Files.isDirectory(sample)) {
            SampleLibrary.write(sample);
        }
        String features = work.resolve("sample-features").toString();
        ExtractJob.run(spark, new ExtractOptions().inputs(List.of(sample.toString())).output(features)
                .windowSeconds(3).minLastWindowSeconds(1.0));
        Path modelDir = work.resolve("model");
        deleteTree(modelDir); // the benchmark's own model of an earlier run: train refuses to overwrite a model
        String model = modelDir.toString();
        TrainOptions training = new TrainOptions(features, model, ModelKind.listOf("lr"), 3,
                new PipelineSettings(0, true, 42, 2), Protocol.TRACKS, 0, Aggregation.MEAN, 2, true);
        if (TrainJob.run(spark, training, new PrintWriter(java.io.Writer.nullWriter()), out) != 0) {
            throw new IllegalStateException("training the benchmark's model failed");
        }
        return model;
    }

    /** {@code n} files of 0.25 s in 100 folders; kept between runs (same bytes and times, so "unchanged"). */
    static void writeCatalogue(Path root, int n) throws IOException {
        Random random = new Random(1);
        for (int i = 0; i < n; i++) {
            Path file = root.resolve(String.format(Locale.ROOT, "f%02d/t%06d.wav", i % 100, i));
            if (!Files.exists(file)) {
                writeTone(file, random);
            }
        }
    }

    /** {@code n} new files numbered from {@code first}, all in {@code folder} (the incremental night's). */
    static void writeFiles(Path folder, int first, int n, long seed) throws IOException {
        Random random = new Random(seed);
        for (int i = first; i < first + n; i++) {
            writeTone(folder.resolve(String.format(Locale.ROOT, "t%06d.wav", i)), random);
        }
    }

    /** One 0.25-s tone with a little noise. */
    private static void writeTone(Path file, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        float[] y = new float[SR / 4];
        double hz = 100 + random.nextInt(2000);
        for (int k = 0; k < y.length; k++) {
            y[k] = (float) (0.3 * Math.sin(2 * Math.PI * hz * k / SR) + 0.01 * random.nextGaussian());
        }
        WavWriter.writePcm16(file, y, SR);
    }

    /** {@code n} 30-s clips: a few tones with a beat, different per clip. */
    static void writeClips(Path root, int n) throws IOException {
        Random random = new Random(2);
        for (int i = 0; i < n; i++) {
            Path file = root.resolve(String.format(Locale.ROOT, "clip%04d.wav", i));
            if (Files.exists(file)) {
                continue;
            }
            Files.createDirectories(root);
            float[] y = new float[30 * SR];
            double f1 = 110 + random.nextInt(400);
            double f2 = f1 * 1.5;
            double bpm = 80 + random.nextInt(80);
            for (int k = 0; k < y.length; k++) {
                double t = (double) k / SR;
                double beat = Math.exp(-((t * bpm / 60) % 1) * 8);
                y[k] = (float) (0.2 * Math.sin(2 * Math.PI * f1 * t) + 0.1 * Math.sin(2 * Math.PI * f2 * t)
                        + 0.3 * beat * random.nextGaussian() * 0.3);
            }
            WavWriter.writePcm16(file, y, SR);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
