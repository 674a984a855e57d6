package io.genrelake.report.fidelity;

import io.genrelake.features.SegmentPlan;

/**
 * A table of librosa's numbers in shared/ and how our extractor reproduces each of its rows: whole
 * clips, or segment k of a clip cut as the table was cut.
 */
public enum ReferenceSet {

    CLIPS("gtzan/features_30_sec.csv", null,
            "the 8 GTZAN clips in gtzan/audio vs the public Kaggle table (whole 30-s clips)"),
    SEGMENTS_KAGGLE("golden/segments_3s_kaggle.csv", SegmentPlan.Cut.KAGGLE,
            "3-s segments cut like Kaggle's features_3_sec ([k·66150, k·66150 + 66149)) vs librosa"),
    SEGMENTS_EXACT("golden/segments_3s.csv", SegmentPlan.Cut.EXACT,
            "exact 3-s segments ([k·66150, (k+1)·66150)) vs librosa"),
    KAGGLE_3S_ORIGINAL("golden/kaggle_features_3_sec_blues.00000.csv", SegmentPlan.Cut.KAGGLE,
            "the 10 original rows of blues.00000 in Kaggle's features_3_sec.csv (librosa itself differs by up to 1.7e-4 here)"),
    EDGE_CASES("golden/edge_cases/edge_cases.csv", null,
            "synthetic edge cases (silence, 0.1-s tone, noise, square wave, clicks, DC offset) vs librosa");

    /** Samples per 3-s segment slot at 22050 Hz. */
    static final int SEGMENT_SAMPLES = 66150;

    private final String table;
    private final SegmentPlan.Cut cut;
    private final String description;

    ReferenceSet(String table, SegmentPlan.Cut cut, String description) {
        this.table = table;
        this.cut = cut;
        this.description = description;
    }

    /** The reference table, relative to shared/. */
    public String table() {
        return table;
    }

    /** How rows are segments of a clip, or null for whole files. */
    public SegmentPlan.Cut cut() {
        return cut;
    }

    public String description() {
        return description;
    }
}
