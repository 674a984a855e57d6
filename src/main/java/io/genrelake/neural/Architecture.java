package io.genrelake.neural;

import java.util.Locale;

/**
 * The two networks, each bound to its input. Small on purpose: they train on two shared CPU cores within
 * minutes per fold (docs/benchmarks.md), and the 400-track corpus we evaluate on would not feed a larger one.
 *
 * <ul>
 *   <li>{@link #CNN}: log-mel patches (128 bands × 128 frames, 2.97 s), averaged 2×2 to 64 × 64 → four 3×3
 *   convolutions (8, 16, 32, 32 channels, ReLU; 2×2 max-pooling after the first three) → mean over time and
 *   frequency → dense → softmax. About 3.3 M multiply-adds per patch (13 M without the first averaging, which
 *   two shared cores could not train within the time a 5-fold evaluation has here).</li>
 *   <li>{@link #LSTM}: MFCC sequences (20 coefficients, the same 128 frames averaged in fours: 32 steps of 93 ms)
 *   → one LSTM layer of 48 units → mean of its outputs over time → dense → softmax.</li>
 * </ul>
 */
public enum Architecture {
    CNN(NeuralInput.LOGMEL, 1),
    LSTM(NeuralInput.MFCC, 4);

    /** Frames per patch: 128 hops of 512 samples at 22050 Hz = 2.97 s. */
    public static final int PATCH_FRAMES = 128;
    /** Channels of the CNN's convolutions. */
    static final int[] CNN_CHANNELS = {8, 16, 32, 32};
    /** Units of the LSTM layer. */
    static final int LSTM_UNITS = 48;

    private final NeuralInput input;
    private final int timePool;

    Architecture(NeuralInput input, int timePool) {
        this.input = input;
        this.timePool = timePool;
    }

    public NeuralInput input() {
        return input;
    }

    /** Consecutive frames averaged into one step before the network (1: none). */
    public int timePool() {
        return timePool;
    }

    /** Steps the network sees per patch. */
    public int steps() {
        return PATCH_FRAMES / timePool;
    }

    /** Floats per patch as fed to the network. */
    public int patchSize() {
        return steps() * input.bands();
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Architecture of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
