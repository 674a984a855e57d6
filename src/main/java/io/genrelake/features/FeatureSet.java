package io.genrelake.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The GTZAN ("Kaggle") feature set: names and order of the 57 features, defined once.
 *
 * <p>The order is the column order of the public {@code features_30_sec.csv}: a mean/variance pair
 * per descriptor, with {@code tempo} alone between the HPSS pair and the MFCCs.
 */
public final class FeatureSet {

    /** Number of MFCC coefficients (librosa.feature.mfcc n_mfcc=20). */
    public static final int N_MFCC = 20;

    /** The 57 feature names in table order (no {@code filename}, {@code length} or {@code label}). */
    public static final List<String> NAMES;

    /** Number of features: 57. */
    public static final int SIZE;

    /** The full Kaggle CSV header: filename, length, the 57 features, label. */
    public static final List<String> KAGGLE_HEADER;

    // Indices of each value in a feature vector, in table order.
    public static final int CHROMA_MEAN = 0;
    public static final int CHROMA_VAR = 1;
    public static final int RMS_MEAN = 2;
    public static final int RMS_VAR = 3;
    public static final int CENTROID_MEAN = 4;
    public static final int CENTROID_VAR = 5;
    public static final int BANDWIDTH_MEAN = 6;
    public static final int BANDWIDTH_VAR = 7;
    public static final int ROLLOFF_MEAN = 8;
    public static final int ROLLOFF_VAR = 9;
    public static final int ZCR_MEAN = 10;
    public static final int ZCR_VAR = 11;
    public static final int HARMONY_MEAN = 12;
    public static final int HARMONY_VAR = 13;
    public static final int PERCEPTR_MEAN = 14;
    public static final int PERCEPTR_VAR = 15;
    public static final int TEMPO = 16;
    /** Index of mfcc1_mean; mfcc k (1-based) mean is at MFCC_START + 2(k-1), its variance one after. */
    public static final int MFCC_START = 17;

    static {
        List<String> names = new ArrayList<>();
        for (String base : new String[] {"chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth",
                "rolloff", "zero_crossing_rate", "harmony", "perceptr"}) {
            names.add(base + "_mean");
            names.add(base + "_var");
        }
        names.add("tempo");
        for (int k = 1; k <= N_MFCC; k++) {
            names.add("mfcc" + k + "_mean");
            names.add("mfcc" + k + "_var");
        }
        NAMES = Collections.unmodifiableList(names);
        SIZE = names.size();
        List<String> header = new ArrayList<>();
        header.add("filename");
        header.add("length");
        header.addAll(names);
        header.add("label");
        KAGGLE_HEADER = Collections.unmodifiableList(header);
    }

    private FeatureSet() {}

    /** Index of a feature by its column name, or -1. */
    public static int indexOf(String name) {
        return NAMES.indexOf(name);
    }
}
