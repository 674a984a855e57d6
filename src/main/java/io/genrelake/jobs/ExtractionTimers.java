package io.genrelake.jobs;

import io.genrelake.catalogue.TrackExtractor;
import java.io.Serial;
import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The accumulators the extraction tasks add their {@link TrackExtractor}'s timers to, read on the driver as
 * {@link TaskTimes}. One set per extraction.
 */
final class ExtractionTimers implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final LongAccumulator decodeNanos;
    private final LongAccumulator featureNanos;
    private final LongAccumulator tagNanos;
    private final LongAccumulator ffmpegStarts;
    private final LongAccumulator ffmpegStartNanos;
    private final LongAccumulator fallbacks;

    /** A new set, registered with {@code sc} under names the Spark UI shows. */
    ExtractionTimers(SparkContext sc) {
        decodeNanos = sc.longAccumulator("genrelake decode+resample ns");
        featureNanos = sc.longAccumulator("genrelake feature ns");
        tagNanos = sc.longAccumulator("genrelake tag ns");
        ffmpegStarts = sc.longAccumulator("genrelake FFmpeg starts");
        ffmpegStartNanos = sc.longAccumulator("genrelake FFmpeg start ns");
        fallbacks = sc.longAccumulator("genrelake decoder fallbacks");
    }

    /** Adds what one task's extractor measured (on the executor). */
    void add(TrackExtractor extractor) {
        decodeNanos.add(extractor.decodeNanos());
        featureNanos.add(extractor.featureNanos());
        tagNanos.add(extractor.tagNanos());
        ffmpegStarts.add(extractor.ffmpegStarts());
        ffmpegStartNanos.add(extractor.ffmpegStartNanos());
        fallbacks.add(extractor.fallbacks());
    }

    /** The sums so far (on the driver, once the tasks are done). */
    TaskTimes times() {
        return new TaskTimes(decodeNanos.value() / 1e9, featureNanos.value() / 1e9, tagNanos.value() / 1e9,
                ffmpegStarts.value(), ffmpegStartNanos.value() / 1e9, fallbacks.value());
    }
}
