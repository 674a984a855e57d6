package io.genrelake.neural;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Trains one network on windows it reads as a stream, pass after pass ({@code windows} gives a fresh iterator per
 * pass: Spark's {@code toLocalIterator} over the cached training rows, so the driver holds one partition and a
 * small shuffle pool, never the table). A share of the groups (artists when the rows name them, else tracks) is
 * set aside for early stopping: the weights of the epoch with the best validation accuracy (then the lower loss)
 * are kept, and training stops after {@link NeuralSettings#patience()} epochs without a better one. Nothing of
 * the validation fold of a cross-validation reaches here: only its training rows are passed in.
 */
public final class NeuralTrainer {

    /** Patches pooled from several windows before they are shuffled into batches. */
    private static final int POOL_BATCHES = 8;

    /** What training produced. */
    public record Outcome(Map<String, float[]> weights, float[] mean, float[] std, int epochs, int bestEpoch,
            double validationAccuracy, int trainingWindows, int validationWindows, double seconds) {}

    private NeuralTrainer() {}

    public static Outcome train(Architecture architecture, int classes, NeuralSettings s,
            Supplier<Iterator<TrainingWindow>> windows, Consumer<String> progress) {
        long start = System.nanoTime();
        NeuralInput input = architecture.input();
        int bands = input.bands();
        // pass 0: per-band mean and standard deviation of the training part's frames
        Moments moments = moments(input, s, windows);
        if (moments.trainingWindows == 0 && moments.validationWindows > 0) {
            // a few groups (a small fold) can all hash into the validation part: train on them all, not on none
            progress.accept(String.format(java.util.Locale.ROOT, "%s: the validation part (%.2f of the groups) took "
                    + "all %d windows; training on them without validation", architecture.cliName(),
                    s.validationFraction(), moments.validationWindows));
            s = s.withoutValidation();
            moments = moments(input, s, windows);
        }
        if (moments.trainingWindows == 0) {
            throw new IllegalArgumentException("no training windows with a " + input.column() + " column");
        }
        int trainingWindows = moments.trainingWindows;
        int validationWindows = moments.validationWindows;
        float[] mean = new float[bands];
        float[] std = new float[bands];
        for (int b = 0; b < bands; b++) {
            mean[b] = (float) (moments.sum[b] / moments.frames);
            std[b] = (float) Math.max(1e-3, Math.sqrt(Math.max(0,
                    moments.sumSq[b] / moments.frames - mean[b] * (double) mean[b])));
        }

        Random random = new Random(s.seed());
        PatchSampler sampler = new PatchSampler(architecture, mean, std);
        int patchSize = architecture.patchSize();
        int poolSize = POOL_BATCHES * s.batchSize();
        float[] poolX = new float[poolSize * patchSize];
        int[] poolY = new int[poolSize];
        float[] x = new float[s.batchSize() * patchSize];
        float[] y = new float[s.batchSize() * classes];
        Map<String, float[]> best = null;
        double bestAccuracy = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epoch = 0;
        try (Network net = Network.forTraining(architecture, classes, s.seed(), s.learningRate(), s.threads())) {
            while (epoch < s.maxEpochs() && epoch - bestEpoch < s.patience()) {
                epoch++;
                int pooled = 0;
                double lossSum = 0;
                int steps = 0;
                for (Iterator<TrainingWindow> it = windows.get(); it.hasNext();) {
                    TrainingWindow w = it.next();
                    if (validation(w, s)) {
                        continue;
                    }
                    sampler.load(w.data());
                    for (int k = 0; k < s.patchesPerWindow(); k++) {
                        // the pool is a reservoir: once full, a new patch replaces a random one after a batch
                        if (pooled == poolSize) {
                            lossSum += step(net, random, s, poolX, poolY, pooled, x, y, classes);
                            steps++;
                            pooled -= s.batchSize();
                        }
                        sampler.randomPatch(random, s.maskProbability(), poolX, pooled * patchSize);
                        poolY[pooled++] = w.label();
                    }
                }
                while (pooled >= 2) {
                    int n = Math.min(pooled, s.batchSize());
                    lossSum += step(net, random, s, poolX, poolY, pooled, x, y, classes, n);
                    steps++;
                    pooled -= n;
                }
                Map<String, float[]> weights = net.weights();
                if (validationWindows == 0) {
                    best = weights;
                    bestEpoch = epoch;
                    progress.accept(String.format(java.util.Locale.ROOT, "%s epoch %d: training loss %.4f",
                            architecture.cliName(), epoch, lossSum / Math.max(1, steps)));
                    continue;
                }
                double[] validated = validate(net, architecture, s, windows, sampler, classes);
                progress.accept(String.format(java.util.Locale.ROOT,
                        "%s epoch %d: training loss %.4f, validation accuracy %.4f, loss %.4f (%d windows)",
                        architecture.cliName(), epoch, lossSum / Math.max(1, steps), validated[0], validated[1],
                        validationWindows));
                if (validated[0] > bestAccuracy || (validated[0] == bestAccuracy && validated[1] < bestLoss)) {
                    bestAccuracy = validated[0];
                    bestLoss = validated[1];
                    bestEpoch = epoch;
                    best = weights;
                }
            }
        }
        return new Outcome(best, mean, std, epoch, bestEpoch, bestAccuracy, trainingWindows, validationWindows,
                (System.nanoTime() - start) / 1e9);
    }

    private static double step(Network net, Random random, NeuralSettings s, float[] poolX, int[] poolY, int pooled,
            float[] x, float[] y, int classes) {
        return step(net, random, s, poolX, poolY, pooled, x, y, classes, s.batchSize());
    }

    /**
     * One step on {@code n} patches drawn at random from the pool's first {@code pooled}; the drawn ones are moved
     * to the pool's end, so the caller drops them by shrinking {@code pooled}. With mixup, each patch is mixed with
     * the next one of the batch.
     */
    private static double step(Network net, Random random, NeuralSettings s, float[] poolX, int[] poolY, int pooled,
            float[] x, float[] y, int classes, int n) {
        int patchSize = net.architecture().patchSize();
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(pooled - i);
            int last = pooled - 1 - i;
            System.arraycopy(poolX, pick * patchSize, x, i * patchSize, patchSize);
            int label = poolY[pick];
            // move the last undrawn patch into the hole
            System.arraycopy(poolX, last * patchSize, poolX, pick * patchSize, patchSize);
            poolY[pick] = poolY[last];
            java.util.Arrays.fill(y, i * classes, (i + 1) * classes, 0f);
            y[i * classes + label] = 1f;
        }
        if (s.mixupAlpha() > 0 && n > 1) {
            float[] first = java.util.Arrays.copyOf(x, patchSize);
            float[] firstY = java.util.Arrays.copyOf(y, classes);
            for (int i = 0; i < n; i++) {
                float lambda = (float) beta(random, s.mixupAlpha());
                int j = i + 1;
                for (int k = 0; k < patchSize; k++) {
                    float other = j < n ? x[j * patchSize + k] : first[k];
                    x[i * patchSize + k] = lambda * x[i * patchSize + k] + (1 - lambda) * other;
                }
                for (int c = 0; c < classes; c++) {
                    float other = j < n ? y[j * classes + c] : firstY[c];
                    y[i * classes + c] = lambda * y[i * classes + c] + (1 - lambda) * other;
                }
            }
        }
        return net.trainStep(x, y, n);
    }

    /** A draw of Beta(a, a) by Jöhnk's method (fine for a < 1, mixup's range). */
    static double beta(Random random, double a) {
        while (true) {
            double u = Math.pow(random.nextDouble(), 1 / a);
            double v = Math.pow(random.nextDouble(), 1 / a);
            if (u + v <= 1 && u + v > 0) {
                return u / (u + v);
            }
        }
    }

    /** Accuracy and mean log loss of the validation windows, each scored as {@link NeuralScorer} scores it. */
    private static double[] validate(Network net, Architecture architecture, NeuralSettings s,
            Supplier<Iterator<TrainingWindow>> windows, PatchSampler sampler, int classes) {
        int right = 0;
        int count = 0;
        double loss = 0;
        float[] x = new float[0];
        float[] p = new float[0];
        double[] window = new double[classes];
        for (Iterator<TrainingWindow> it = windows.get(); it.hasNext();) {
            TrainingWindow w = it.next();
            if (!validation(w, s)) {
                continue;
            }
            sampler.load(w.data());
            int patches = sampler.patchCount(s.hopFrames());
            if (x.length < patches * architecture.patchSize()) {
                x = new float[patches * architecture.patchSize()];
                p = new float[patches * classes];
            }
            NeuralScorer.windowProbabilities(net, sampler, patches, s, x, p, window);
            int argmax = 0;
            for (int c = 1; c < classes; c++) {
                argmax = window[c] > window[argmax] ? c : argmax;
            }
            right += argmax == w.label() ? 1 : 0;
            loss -= Math.log(Math.max(1e-7, window[w.label()]));
            count++;
        }
        return new double[] {(double) right / count, loss / count};
    }

    /** Sums of the training part's frames per band, and how many windows are in each part. */
    private static final class Moments {
        double[] sum;
        double[] sumSq;
        long frames;
        int trainingWindows;
        int validationWindows;
    }

    private static Moments moments(NeuralInput input, NeuralSettings s, Supplier<Iterator<TrainingWindow>> windows) {
        int bands = input.bands();
        Moments m = new Moments();
        m.sum = new double[bands];
        m.sumSq = new double[bands];
        float[] decoded = new float[0];
        for (Iterator<TrainingWindow> it = windows.get(); it.hasNext();) {
            TrainingWindow w = it.next();
            if (validation(w, s)) {
                m.validationWindows++;
                continue;
            }
            m.trainingWindows++;
            int n = input.frames(w.data().length);
            if (decoded.length < n * bands) {
                decoded = new float[n * bands];
            }
            input.decode(w.data(), 0, n, decoded, 0);
            for (int t = 0; t < n; t++) {
                for (int b = 0; b < bands; b++) {
                    double v = decoded[t * bands + b];
                    m.sum[b] += v;
                    m.sumSq[b] += v * v;
                }
            }
            m.frames += n;
        }
        return m;
    }

    /** Whether a window's group is in the validation part (a hash of group and seed, so stable across passes). */
    static boolean validation(TrainingWindow w, NeuralSettings s) {
        if (s.validationFraction() == 0) {
            return false;
        }
        long h = (w.group().hashCode() * 0x9E3779B97F4A7C15L) ^ s.seed();
        h ^= h >>> 31;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 29;
        return Math.floorMod(h, 10_000) < s.validationFraction() * 10_000;
    }
}
