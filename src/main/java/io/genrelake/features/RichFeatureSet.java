package io.genrelake.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rich feature set: the 57 GTZAN columns ({@link FeatureSet}) followed by 241 more from the same STFT, in the
 * column order of shared/golden/rich/rich_rows.csv, defined once. Means and population standard deviations over
 * the frames, except {@code texture_mfcc*_std} (the spread of 129-frame MFCC block means) and {@code onset_rate}.
 */
public final class RichFeatureSet {

    /** Bands of the rich set's mel spectrogram in dB. */
    public static final int N_MEL = 64;
    /** Rows of spectral_contrast: 6 octave bands and the rest above. */
    public static final int N_CONTRAST = 7;
    public static final int N_CHROMA = 12;
    public static final int N_TONNETZ = 6;
    /** Frames per texture block (≈ 3 s at hop 512). */
    public static final int TEXTURE_FRAMES = 129;

    /** The 241 columns after the 57, in order. */
    public static final List<String> EXTRA;
    /** All 298 feature names in table order: {@link FeatureSet#NAMES}, then {@link #EXTRA}. */
    public static final List<String> NAMES;
    /** 298. */
    public static final int SIZE;

    // Index of each group's first value inside EXTRA; a mean/std pair per row except texture and onset_rate.
    public static final int MEL_START = 0;
    public static final int DELTA_START = MEL_START + 2 * N_MEL;
    public static final int CONTRAST_START = DELTA_START + 2 * FeatureSet.N_MFCC;
    public static final int FLATNESS_START = CONTRAST_START + 2 * N_CONTRAST;
    public static final int CHROMA_START = FLATNESS_START + 2;
    public static final int TONNETZ_START = CHROMA_START + 2 * N_CHROMA;
    public static final int TEXTURE_START = TONNETZ_START + 2 * N_TONNETZ;
    public static final int ONSET_RATE = TEXTURE_START + FeatureSet.N_MFCC;

    static {
        List<String> extra = new ArrayList<>();
        pairs(extra, "mel", N_MEL);
        pairs(extra, "mfcc_delta", FeatureSet.N_MFCC);
        pairs(extra, "contrast", N_CONTRAST);
        extra.add("flatness_mean");
        extra.add("flatness_std");
        pairs(extra, "chroma", N_CHROMA);
        pairs(extra, "tonnetz", N_TONNETZ);
        for (int k = 1; k <= FeatureSet.N_MFCC; k++) {
            extra.add("texture_mfcc" + k + "_std");
        }
        extra.add("onset_rate");
        EXTRA = Collections.unmodifiableList(extra);
        List<String> all = new ArrayList<>(FeatureSet.NAMES);
        all.addAll(extra);
        NAMES = Collections.unmodifiableList(all);
        SIZE = all.size();
        if (EXTRA.size() != ONSET_RATE + 1) {
            throw new IllegalStateException("rich column indices out of step with the names");
        }
    }

    private static void pairs(List<String> names, String base, int count) {
        for (int k = 1; k <= count; k++) {
            names.add(base + k + "_mean");
            names.add(base + k + "_std");
        }
    }

    private RichFeatureSet() {}
}
