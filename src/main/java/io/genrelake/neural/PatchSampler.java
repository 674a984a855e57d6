package io.genrelake.neural;

import java.util.Random;

/**
 * Cuts a window's stored frames into the network's patches: standardised per band (the training rows' mean and
 * standard deviation), frames averaged in groups of {@link Architecture#timePool()}; random crops and SpecAugment's
 * time and frequency masks (Park et al. 2019) for training, a regular hop for scoring. Writes into caller-owned
 * arrays; holds one window's decoded frames.
 */
public final class PatchSampler {

    private final Architecture architecture;
    private final float[] mean;
    private final float[] std;
    private float[] frames = new float[0];
    private int frameCount;

    /** @param mean, std per band (of {@link NeuralInput#bands()}) */
    public PatchSampler(Architecture architecture, float[] mean, float[] std) {
        this.architecture = architecture;
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Decodes a window's column value; returns its frame count. */
    public int load(byte[] data) {
        NeuralInput input = architecture.input();
        frameCount = input.frames(data.length);
        int n = frameCount * input.bands();
        if (frames.length < n) {
            frames = new float[n];
        }
        input.decode(data, 0, frameCount, frames, 0);
        return frameCount;
    }

    /** Patches a loaded window gives at a hop of {@code hopFrames}: at least one (a short window is padded). */
    public int patchCount(int hopFrames) {
        return Math.max(1, 1 + (frameCount - Architecture.PATCH_FRAMES) / hopFrames);
    }

    /** The patch starting at {@code frame0} of the loaded window into {@code out} at {@code offset}. */
    public void patch(int frame0, float[] out, int offset) {
        int bands = architecture.input().bands();
        int pool = architecture.timePool();
        int steps = architecture.steps();
        for (int s = 0; s < steps; s++) {
            int o = offset + s * bands;
            for (int b = 0; b < bands; b++) {
                out[o + b] = 0;
            }
            for (int k = 0; k < pool; k++) {
                // frames past a short window's end repeat its last frame
                int t = Math.min(frame0 + s * pool + k, frameCount - 1);
                int from = t * bands;
                for (int b = 0; b < bands; b++) {
                    out[o + b] += frames[from + b];
                }
            }
            for (int b = 0; b < bands; b++) {
                out[o + b] = (out[o + b] / pool - mean[b]) / std[b];
            }
        }
    }

    /** The i-th patch at a hop of {@code hopFrames}. */
    public void patchAt(int i, int hopFrames, float[] out, int offset) {
        patch(i * hopFrames, out, offset);
    }

    /** A random crop of the loaded window, masked with probability {@code maskProbability} in time and in frequency. */
    public void randomPatch(Random random, double maskProbability, float[] out, int offset) {
        int room = Math.max(0, frameCount - Architecture.PATCH_FRAMES);
        patch(room == 0 ? 0 : random.nextInt(room + 1), out, offset);
        int bands = architecture.input().bands();
        int steps = architecture.steps();
        if (random.nextDouble() < maskProbability) { // up to an eighth of the steps, set to the mean (0)
            int width = 1 + random.nextInt(Math.max(1, steps / 8));
            int start = random.nextInt(steps - width + 1);
            for (int s = start; s < start + width; s++) {
                java.util.Arrays.fill(out, offset + s * bands, offset + (s + 1) * bands, 0f);
            }
        }
        if (random.nextDouble() < maskProbability) { // up to an eighth of the bands
            int width = 1 + random.nextInt(Math.max(1, bands / 8));
            int start = random.nextInt(bands - width + 1);
            for (int s = 0; s < steps; s++) {
                java.util.Arrays.fill(out, offset + s * bands + start, offset + s * bands + start + width, 0f);
            }
        }
    }
}
