package io.genrelake.cli;

import io.genrelake.audio.AudioDecoders;
import io.genrelake.audio.AudioLoader;
import io.genrelake.audio.DecoderBugException;
import io.genrelake.audio.LoadedAudio;
import io.genrelake.audio.MonoAudioSource;
import io.genrelake.features.FeatureExtractor;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.SegmentPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one audio file into its Kaggle feature rows: one for the whole clip, or one per whole segment.
 *
 * <p>Files up to {@link #LONG_FILE_SAMPLES} are decoded into memory; longer ones (a DJ mix, an
 * album in one file) are streamed so that memory does not grow with the file.
 *
 * <p>A decoder bug ({@link DecoderBugException}) sends the file, from its start, to the decoders after the failing
 * one (FFmpeg after the pure-Java MP3 decoder), as the extract job does ({@code catalogue.TrackExtractor}).
 */
final class FileFeaturizer {


    /**
     * Files with more output samples than this (10 minutes) are streamed instead of loaded. A file whose
     * header does not give its length is loaded: the decoder grows its buffer as it reads.
     */
    static final long LONG_FILE_SAMPLES = 10L * 60 * FeatureExtractor.SAMPLE_RATE;

    private final SegmentPlan segments; // null: one row per whole clip
    private final LabelSource labels;
    private final long longFileSamples;
    private final AudioDecoders decoders;

    FileFeaturizer(SegmentPlan segments, LabelSource labels) {
        this(segments, labels, LONG_FILE_SAMPLES, AudioDecoders.standard());
    }

    /** With another streaming threshold or registry, so tests can take the streaming path with short files. */
    FileFeaturizer(SegmentPlan segments, LabelSource labels, long longFileSamples, AudioDecoders decoders) {
        this.segments = segments;
        this.labels = labels;
        this.longFileSamples = longFileSamples;
        this.decoders = decoders;
    }

    /** Rows of {@code file} in segment order; the extractor must belong to the calling thread. */
    List<KaggleRow> rows(FeatureExtractor extractor, Path file) throws IOException, UnusableAudioException {
        return decoders.withFallback(file, with -> rows(extractor, file, with));
    }

    private List<KaggleRow> rows(FeatureExtractor extractor, Path file, AudioDecoders with)
            throws IOException, UnusableAudioException {
        String name = file.getFileName().toString();
        String label = labels.labelOf(file);
        if (isLong(file, with)) {
            return segments == null
                    ? List.of(KaggleRow.of(name, extractor.extract(new AudioFileSignal(file, with)), label))
                    : streamedSegmentRows(extractor, file, name, label, with);
        }
        LoadedAudio audio = AudioLoader.load(file, with);
        float[] y = audio.samples();
        if (y.length < FeatureExtractor.MIN_SAMPLES) {
            throw tooShort(y.length);
        }
        if (segments == null) {
            return List.of(KaggleRow.of(name, extractor.extract(y), label));
        }
        int count = segments.count(y.length);
        if (count == 0) {
            throw noWholeSegment(y.length);
        }
        List<KaggleRow> rows = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int from = Math.toIntExact(segments.start(k));
            rows.add(KaggleRow.of(segmentName(name, k), extractor.extract(y, from, from + segments.length()), label));
        }
        return rows;
    }

    /** The Kaggle 3-s table's naming: {@code blues.00000.wav} segment 3 is {@code blues.00000.3.wav}. */
    static String segmentName(String fileName, int k) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? fileName + "." + k : fileName.substring(0, dot) + "." + k + fileName.substring(dot);
    }

    private boolean isLong(Path file, AudioDecoders with) throws IOException {
        try (MonoAudioSource source = AudioLoader.open(file, with)) {
            return source.expectedLength() > longFileSamples;
        }
    }

    /** Segments of a long file, read one slot at a time: the file is never held whole. */
    private List<KaggleRow> streamedSegmentRows(FeatureExtractor extractor, Path file, String name, String label,
            AudioDecoders with) throws IOException, UnusableAudioException {
        List<KaggleRow> rows = new ArrayList<>();
        float[] slot = new float[segments.segmentSamples()];
        long total = 0;
        try (MonoAudioSource source = AudioLoader.open(file, with)) {
            while (true) {
                int got = source.readFully(slot);
                total += got;
                if (got < slot.length) {
                    break; // a final partial slot is dropped, as SegmentPlan.count does
                }
                rows.add(KaggleRow.of(segmentName(name, rows.size()),
                        extractor.extract(slot, 0, segments.length()), label));
            }
        }
        if (rows.isEmpty()) {
            throw total < FeatureExtractor.MIN_SAMPLES ? tooShort(total) : noWholeSegment(total);
        }
        return rows;
    }

    private static UnusableAudioException tooShort(long samples) {
        return new UnusableAudioException("too short: " + samples + " samples, need at least "
                + FeatureExtractor.MIN_SAMPLES + " (one analysis frame)");
    }

    private UnusableAudioException noWholeSegment(long samples) {
        return new UnusableAudioException("no whole segment: " + samples + " samples, a segment needs "
                + segments.segmentSamples());
    }
}
