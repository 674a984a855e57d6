package io.genrelake.catalogue;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.audio.ffmpeg.SeekableInputStream;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.FeatureSetKind;
import java.io.IOException;
import java.io.InputStream;
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
 * decodes it to 22050-Hz mono as a stream, and extracts each window as soon as it has been read, so
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
    private long decodeNanos;
    private long featureNanos;

    /** An extractor of the gtzan feature set. */
    public TrackExtractor(Configuration conf, AudioDecoders decoders, WindowPlan plan) {
        this(conf, decoders, plan, FeatureSetKind.DEFAULT);
    }

    /** An extractor of {@code featureSet}'s columns. */
    public TrackExtractor(Configuration conf, AudioDecoders decoders, WindowPlan plan, FeatureSetKind featureSet) {
        this.extractor = new FeatureExtractor(featureSet);
        this.conf = conf;
        this.decoders = decoders;
        this.plan = plan;
        this.samples = new float[plan.windowSamples()];
    }

    /** The file's windows, or why it has none. */
    public TrackResult extract(CatalogueFile file) {
        AudioInfo audio = null;
        try (InputStream in = open(file)) {
            try (MonoAudioSource source = new MonoAudioSource(decoders.open(in, file.path()), SAMPLE_RATE)) {
                audio = new AudioInfo(source.codec(), source.sampleRateIn(), source.channelsIn());
                return cut(file, audio, source);
            }
        } catch (IOException e) {
            return TrackResult.failed(file, audio, ErrorReason.of(e));
        } catch (RuntimeException e) {
            // A bug, not a bad file: the row says so, the log keeps the stack trace for the report.
            LOG.warn("internal error on {}", file.path(), e);
            return TrackResult.failed(file, audio, ErrorReason.of(e));
        }
    }

    /** Nanoseconds spent reading, decoding, mixing and resampling, over all files so far. */
    public long decodeNanos() {
        return decodeNanos;
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
                long start = System.nanoTime();
                try {
                    values = extractor.extract(samples, 0, got).values();
                } catch (IllegalArgumentException e) { // NaN or infinite samples
                    return TrackResult.failed(file, audio, ErrorReason.invalidSamples(e.getMessage()));
                } finally {
                    featureNanos += System.nanoTime() - start;
                }
                windows.add(new TrackResult.WindowFeatures(plan.window(index, got), values));
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
    private InputStream open(CatalogueFile file) throws IOException {
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(conf);
        FSDataInputStream in = FutureIO.awaitFuture(fs.openFile(path)
                .opt("fs.option.openfile.read.policy", "whole-file")
                .opt("fs.option.openfile.length", Long.toString(file.size()))
                .build());
        return new SeekableInputStream(new HadoopSeekableInput(in, file.size()));
    }
}
