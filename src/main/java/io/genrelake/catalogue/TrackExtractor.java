package io.genrelake.catalogue;

import io.genrelake.neural.NeuralInputExtractor;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.DecoderBugException;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.audio.ffmpeg.FfmpegStarts;
import io.genrelake.audio.ffmpeg.FfmpegUnavailableException;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.tags.TagReader;
import io.genrelake.tags.TrackTags;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.functional.FutureIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one file of the catalogue into its windows' features: opens it on its Hadoop file system,
 * reads its tags from that stream ({@link TagReader}, which puts it back at its start), decodes it to 22050-Hz mono
 * as a stream, and extracts each window as soon as it has been read, so
 * a task holds one window of samples whatever the file's length. Never throws for a bad file: every
 * failure becomes the result's {@linkplain ErrorReason reason} (only JVM errors such as running out of
 * memory escape).
 *
 * <p>Not thread-safe: one per task; it reuses its feature extractor and sample buffer across files.
 */
public final class TrackExtractor {

    private static final int SAMPLE_RATE = FeatureExtractor.SAMPLE_RATE;
    private static final Logger LOG = LoggerFactory.getLogger(TrackExtractor.class);

    private final Configuration conf;
    private final AudioDecoders decoders;
    private final WindowPlan plan;
    private final FeatureExtractor extractor;
    private final float[] samples;
    /** The neural models' inputs' extractor, or null when the table does not store them. */
    private final NeuralInputExtractor neural;
    private long decodeNanos;
    private long featureNanos;
    private long tagNanos;
    private long fallbacks;
    private long ffmpegStarts;
    private long ffmpegStartNanos;

    /** An extractor of the gtzan feature set. */
    public TrackExtractor(Configuration conf, AudioDecoders decoders, WindowPlan plan) {
        this(conf, decoders, plan, FeatureSetKind.DEFAULT);
    }

    /** An extractor of {@code featureSet}'s columns. */
    public TrackExtractor(Configuration conf, AudioDecoders decoders, WindowPlan plan, FeatureSetKind featureSet) {
        this(conf, decoders, plan, featureSet, false);
    }

    /** An extractor of {@code featureSet}'s columns and, with {@code neuralInputs}, the neural models' inputs. */
    public TrackExtractor(Configuration conf, AudioDecoders decoders, WindowPlan plan, FeatureSetKind featureSet,
            boolean neuralInputs) {
        this.neural = neuralInputs ? new NeuralInputExtractor() : null;
        this.extractor = new FeatureExtractor(featureSet);
        this.conf = conf;
        this.decoders = decoders;
        this.plan = plan;
        this.samples = new float[plan.windowSamples()];
    }

    /**
     * The file's windows, or why it has none. When a decoder fails unexpectedly ({@link DecoderBugException}: a bug,
     * not a bad file), the file is read again from its start and decoded by the decoders after that one (FFmpeg
     * after the pure-Java MP3 decoder), and what the failed attempt produced is dropped: the row says which decoder
     * made it. Only when none follows, or none of them recognises the file, is it an {@code internal error}.
     */
    public TrackResult extract(CatalogueFile file) {
        long startsBefore = FfmpegStarts.count();
        long startNanosBefore = FfmpegStarts.nanos();
        try {
            return extractWithFallbacks(file);
        } finally {
            ffmpegStarts += FfmpegStarts.count() - startsBefore;
            ffmpegStartNanos += FfmpegStarts.nanos() - startNanosBefore;
        }
    }

    private TrackResult extractWithFallbacks(CatalogueFile file) {
        AudioDecoders with = decoders;
        Attempt attempt = attempt(file, with, true);
        TrackTags tags = attempt.tags();
        Attempt firstFailure = null;
        while (attempt.bug() != null) {
            DecoderBugException bug = attempt.bug();
            AudioDecoders rest = with.after(bug.decoder());
            if (rest == null) {
                return internalError(file, attempt).withTags(tags);
            }
            LOG.warn("{}: the {} decoder failed ({}); decoding the file again from its start with {}", file.path(),
                    bug.decoder(), bug.describe(), rest.names());
            fallbacks++;
            firstFailure = firstFailure == null ? attempt : firstFailure;
            with = rest;
            attempt = attempt(file, with, false);
        }
        TrackResult result = attempt.result();
        if (firstFailure != null && !result.ok() && ErrorReason.UNSUPPORTED.equals(ErrorReason.kindOf(result.error()))) {
            return internalError(file, firstFailure).withTags(tags); // no later decoder knows the format: the bug is the reason
        }
        return result.withTags(tags);
    }

    /** The row of a file a decoder bug left without a decoder; the log keeps the stack trace for the report. */
    private static TrackResult internalError(CatalogueFile file, Attempt failed) {
        LOG.warn("internal error on {}", file.path(), failed.bug().getCause());
        return TrackResult.failed(file, failed.audio(), ErrorReason.of(failed.bug().getCause()));
    }

    /**
     * One decoding of the file with {@code with}: its result, or the decoder bug that stopped it; with
     * {@code readTags}, the file's tags first, from the same stream (which {@link TagReader} puts back at its start).
     */
    private Attempt attempt(CatalogueFile file, AudioDecoders with, boolean readTags) {
        AudioInfo audio = null;
        TrackTags tags = TrackTags.NONE;
        try (SeekableInputStream in = open(file)) {
            if (readTags) {
                long start = System.nanoTime();
                long starting = FfmpegStarts.nanos();
                tags = TagReader.read(in);
                tagNanos += withoutFfmpegStarts(start, starting);
            }
            long opening = System.nanoTime();
            long starting = FfmpegStarts.nanos();
            try (MonoAudioSource source = new MonoAudioSource(with.open(in, file.path()), SAMPLE_RATE)) {
                decodeNanos += withoutFfmpegStarts(opening, starting);
                audio = new AudioInfo(source.codec(), source.sampleRateIn(), source.channelsIn(), source.decoder());
                return new Attempt(cut(file, audio, source), audio, null, tags);
            }
        } catch (IOException e) {
            unlessFfmpegUnavailable(e);
            return new Attempt(TrackResult.failed(file, audio, ErrorReason.of(e)), audio, null, tags);
        } catch (DecoderBugException e) {
            return new Attempt(null, audio, e, tags);
        } catch (RuntimeException e) {
            unlessFfmpegUnavailable(e);
            // A bug, not a bad file: the row says so, the log keeps the stack trace for the report.
            LOG.warn("internal error on {}", file.path(), e);
            return new Attempt(TrackResult.failed(file, audio, ErrorReason.of(e)), audio, null, tags);
        }
    }

    /**
     * Nanoseconds since {@code start}, less the FFmpeg start-ups of this thread since {@code startNanosBefore}
     * ({@link FfmpegStarts#nanos}): counted apart ({@link #ffmpegStartNanos}), not as the step that happened to need
     * the process first.
     */
    private static long withoutFfmpegStarts(long start, long startNanosBefore) {
        return System.nanoTime() - start - (FfmpegStarts.nanos() - startNanosBefore);
    }

    /** Fails the task when the FFmpeg process cannot start: the installation's fault, which no file's row should carry. */
    private static void unlessFfmpegUnavailable(Exception e) {
        if (FfmpegUnavailableException.causes(e)) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A decoding's outcome: a result, or (result null) the decoder bug that stopped it; the tags read first. */
    private record Attempt(TrackResult result, AudioInfo audio, DecoderBugException bug, TrackTags tags) {}

    /** Files decoded again by a later decoder after a decoder bug ({@link #extract}), over all files so far. */
    public long fallbacks() {
        return fallbacks;
    }

    /**
     * Nanoseconds spent opening, reading, decoding, mixing and resampling, over all files so far (FFmpeg process
     * start-ups not included).
     */
    public long decodeNanos() {
        return decodeNanos;
    }

    /** Nanoseconds spent reading tags, over all files so far (FFmpeg start-ups not included). */
    public long tagNanos() {
        return tagNanos;
    }

    /**
     * FFmpeg's start-ups while extracting, over all files so far: a process per thread that needs FFmpeg, or the
     * natives' load into this JVM ({@link FfmpegStarts}).
     */
    public long ffmpegStarts() {
        return ffmpegStarts;
    }

    /** Nanoseconds spent starting FFmpeg, over all files so far. */
    public long ffmpegStartNanos() {
        return ffmpegStartNanos;
    }

    /** Nanoseconds spent computing features, over all files so far. */
    public long featureNanos() {
        return featureNanos;
    }

    /** Reads one window at a time and extracts it; the final partial window as the plan says. */
    private TrackResult cut(CatalogueFile file, AudioInfo audio, MonoAudioSource source) throws IOException {
        List<TrackResult.WindowFeatures> windows = new ArrayList<>();
        long total = 0;
        int index = 0;
        while (true) {
            int got = readWindow(source);
            total += got;
            boolean whole = got == samples.length;
            if (whole || (got > 0 && plan.keepsPartial(index, got))) {
                double[] values;
                NeuralInputExtractor.Inputs inputs = null;
                long start = System.nanoTime();
                try {
                    values = extractor.extract(samples, 0, got).values();
                    if (neural != null) {
                        inputs = neural.extract(samples, 0, got);
                    }
                } catch (IllegalArgumentException e) { // NaN or infinite samples
                    return TrackResult.failed(file, audio, ErrorReason.invalidSamples(e.getMessage()));
                } finally {
                    featureNanos += System.nanoTime() - start;
                }
                windows.add(new TrackResult.WindowFeatures(plan.window(index, got), values, inputs));
                index++;
            }
            if (!whole) {
                break;
            }
        }
        if (windows.isEmpty()) {
            return TrackResult.failed(file, audio, total == 0 ? ErrorReason.zeroDuration()
                    : ErrorReason.tooShort(total, FeatureExtractor.MIN_SAMPLES, SAMPLE_RATE));
        }
        return TrackResult.ok(file, audio, (double) total / SAMPLE_RATE, windows);
    }

    /** Fills the buffer from the source; fewer samples only at the end of the track. */
    private int readWindow(MonoAudioSource source) throws IOException {
        long start = System.nanoTime();
        try {
            int n = 0;
            while (n < samples.length) {
                int got = source.read(samples, n, samples.length - n);
                if (got < 0) {
                    break;
                }
                n += got;
            }
            return n;
        } finally {
            decodeNanos += System.nanoTime() - start;
        }
    }

    /**
     * Opens the file for reading from start to end (object stores then fetch it in large requests, and
     * the listed length spares them a metadata request), seekable for the containers that need it.
     */
    private SeekableInputStream open(CatalogueFile file) throws IOException {
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(conf);
        FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(path)
                .opt("fs.option.openfile.read.policy", "whole-file")
                .opt("fs.option.openfile.length", Long.toString(file.size()))
                .build());
        return new SeekableInputStream(new HadoopSeekableInput(in, file.size()));
    }
}
