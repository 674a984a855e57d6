package io.genrelake.features;

/**
 * How a clip is cut into consecutive fixed-length segments; a final partial segment is dropped.
 *
 * <p>{@link Cut#KAGGLE} reproduces the public {@code features_3_sec.csv}: segment k is
 * {@code [k*L, k*L + L - 1)}, one sample short of the slot (see shared/golden/README.md).
 * {@link Cut#EXACT} uses exact slots {@code [k*L, (k+1)*L)}.
 */
public record SegmentPlan(int segmentSamples, Cut cut) {

    /** Where each segment ends inside its slot. */
    public enum Cut { KAGGLE, EXACT }

    public SegmentPlan {
        if (segmentSamples < 2) {
            throw new IllegalArgumentException("segment length must be at least 2 samples, got " + segmentSamples);
        }
    }

    /** Segments of {@code seconds} at {@code sampleRate}, rounded to whole samples. */
    public static SegmentPlan ofSeconds(double seconds, int sampleRate, Cut cut) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("segment seconds must be > 0, got " + seconds);
        }
        return new SegmentPlan((int) Math.round(seconds * sampleRate), cut);
    }

    /** Number of whole segments in a clip of {@code n} samples. */
    public int count(long n) {
        return (int) (n / segmentSamples);
    }

    /** First sample of segment k. */
    public long start(int k) {
        return (long) k * segmentSamples;
    }

    /** Samples in each segment. */
    public int length() {
        return cut == Cut.KAGGLE ? segmentSamples - 1 : segmentSamples;
    }
}
