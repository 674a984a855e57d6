package io.genrelake.neural;

import java.util.Locale;

/**
 * The two time–frequency representations the neural models read, each stored per window in a binary column of
 * the feature table (extract {@code --neural-inputs}), frame-major: frame t's values at {@code t·bands ..}.
 *
 * <ul>
 *   <li>{@link #LOGMEL}: 128 mel bands in dB relative to the window's loudest bin ({@code power_to_db(S,
 *   ref=np.max, top_db=80)}), one unsigned byte each: 0 = −80 dB, 255 = 0 dB (0.31-dB steps, below what a CNN
 *   on log-mel resolves), 128 bytes per frame, 165 kB per 30-s window.</li>
 *   <li>{@link #MFCC}: 20 MFCCs as librosa's {@code feature.mfcc} gives them (the extractor's own), a signed
 *   16-bit integer each in 1/16 units (±2048 range), 40 bytes per frame.</li>
 * </ul>
 * Stored rather than recomputed per epoch: decoding and an STFT cost ~0.3 s per 30-s MP3 window here, which
 * every epoch and every fold would repeat; the column adds ~210 kB per window to the table (docs/benchmarks.md).
 */
public enum NeuralInput {
    LOGMEL("logmel", 128, 1),
    MFCC("mfcc_seq", 20, 2);

    /** dB covered by the byte scale of {@link #LOGMEL}. */
    public static final float LOGMEL_RANGE_DB = 80f;
    /** Units per MFCC value in {@link #MFCC}'s 16-bit integers. */
    public static final float MFCC_SCALE = 16f;

    private final String column;
    private final int bands;
    private final int bytesPerValue;

    NeuralInput(String column, int bands, int bytesPerValue) {
        this.column = column;
        this.bands = bands;
        this.bytesPerValue = bytesPerValue;
    }

    /** The feature table's column. */
    public String column() {
        return column;
    }

    /** Values per frame. */
    public int bands() {
        return bands;
    }

    /** Frames stored in a column value of {@code length} bytes. */
    public int frames(int length) {
        return length / (bands * bytesPerValue);
    }

    /**
     * Decodes {@code frames} frames from {@code frame0} into {@code out} at {@code offset}, frame-major,
     * as dB (log-mel) or MFCC units.
     */
    public void decode(byte[] data, int frame0, int frames, float[] out, int offset) {
        int n = frames * bands;
        int from = frame0 * bands;
        if (this == LOGMEL) {
            float step = LOGMEL_RANGE_DB / 255f;
            for (int i = 0; i < n; i++) {
                out[offset + i] = (data[from + i] & 0xff) * step - LOGMEL_RANGE_DB;
            }
        } else {
            for (int i = 0; i < n; i++) {
                int b = 2 * (from + i);
                out[offset + i] = (short) ((data[b] << 8) | (data[b + 1] & 0xff)) / MFCC_SCALE;
            }
        }
    }

    /** The input of a name ({@code logmel}, {@code mfcc}); an unknown one lists the known ones. */
    public static NeuralInput of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (NeuralInput input : values()) {
            if (input.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return input;
            }
        }
        throw new IllegalArgumentException("unknown neural input '" + name + "'; known: logmel, mfcc");
    }
}
