package io.genrelake.neural;

import java.io.Serializable;
import java.util.Map;

/**
 * A trained network as executors use it: serialisable (architecture, weights, band statistics, settings), it builds
 * its frozen TensorFlow graph on first use in each task and scores a window as the mean of its patches'
 * probabilities (or their votes' shares), all patches of a window in one batch. Close it at the end of the task.
 */
public final class NeuralScorer implements Serializable, AutoCloseable {
    private static final long serialVersionUID = 1L;

    private final Architecture architecture;
    private final int classes;
    private final Map<String, float[]> weights;
    private final float[] mean;
    private final float[] std;
    private final NeuralSettings settings;
    private transient Network network;
    private transient PatchSampler sampler;
    private transient float[] x;
    private transient float[] p;

    public NeuralScorer(Architecture architecture, int classes, Map<String, float[]> weights, float[] mean,
            float[] std, NeuralSettings settings) {
        this.architecture = architecture;
        this.classes = classes;
        this.weights = new java.util.LinkedHashMap<>(weights);
        this.mean = mean.clone();
        this.std = std.clone();
        this.settings = settings;
    }

    /** The class probabilities of one window's stored input. */
    public double[] score(byte[] data) {
        if (network == null) {
            NativeCache.configure();
            network = Network.forInference(architecture, classes, weights, settings.threads());
            sampler = new PatchSampler(architecture, mean, std);
            x = new float[0];
            p = new float[0];
        }
        sampler.load(data);
        int patches = sampler.patchCount(settings.hopFrames());
        if (x.length < patches * architecture.patchSize()) {
            x = new float[patches * architecture.patchSize()];
            p = new float[patches * classes];
        }
        double[] out = new double[classes];
        windowProbabilities(network, sampler, patches, settings, x, p, out);
        return out;
    }

    /** A loaded window's probabilities: its patches at the settings' hop, in one batch, mean or vote. */
    static void windowProbabilities(Network net, PatchSampler sampler, int patches, NeuralSettings s, float[] x,
            float[] p, double[] out) {
        int classes = out.length;
        int size = net.architecture().patchSize();
        for (int i = 0; i < patches; i++) {
            sampler.patchAt(i, s.hopFrames(), x, i * size);
        }
        net.probabilities(x, patches, p);
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < patches; i++) {
            if (s.vote()) {
                int argmax = 0;
                for (int c = 1; c < classes; c++) {
                    argmax = p[i * classes + c] > p[i * classes + argmax] ? c : argmax;
                }
                out[argmax] += 1.0 / patches;
            } else {
                for (int c = 0; c < classes; c++) {
                    out[c] += p[i * classes + c] / (double) patches;
                }
            }
        }
    }

    @Override
    public void close() {
        if (network != null) {
            network.close();
            network = null;
        }
    }
}
