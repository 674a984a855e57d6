package io.genrelake.neural;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One {@link Architecture} as a TensorFlow graph (graph mode, NHWC), either trainable (variables, Adam,
 * softmax cross-entropy on one-hot — or mixup's soft — targets) or frozen for inference (the weights as
 * constants: no variables to initialise, nothing to assign). Weights travel as named float arrays, in the
 * order the graph creates them, so a frozen copy gives exactly the trained network's probabilities.
 *
 * <p>Not thread-safe; close it (it holds native memory).
 */
public final class Network implements AutoCloseable {

    private final Architecture architecture;
    private final int classes;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> input;
    private final Placeholder<TFloat32> targets;
    private final Operand<TFloat32> probabilities;
    private final Operand<TFloat32> loss;
    private final Op train;
    /** Parameters by name, in creation order, with their shapes. */
    private final Map<String, Operand<TFloat32>> parameters = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    /** A source of a named parameter of a shape: a variable to train, or a stored constant. */
    private interface Parameters {
        Operand<TFloat32> get(Ops tf, String name, long[] shape, int fanIn, int fanOut);
    }

    private Network(Architecture architecture, int classes, Parameters source, float learningRate, int threads) {
        this.architecture = architecture;
        this.classes = classes;
        Ops tf = Ops.create(graph);
        int bands = architecture.input().bands();
        int steps = architecture.steps();
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, steps, bands)));
        targets = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, classes)));
        Parameters recording = (t, name, shape, fanIn, fanOut) -> {
            Operand<TFloat32> p = source.get(t, name, shape, fanIn, fanOut);
            parameters.put(name, p);
            shapes.put(name, shape);
            return p;
        };
        Operand<TFloat32> logits = architecture == Architecture.CNN ? cnn(tf, recording) : lstm(tf, recording);
        probabilities = tf.nn.softmax(logits);
        if (learningRate > 0) {
            loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, targets).loss(), tf.constant(0));
            train = new Adam(graph, learningRate).minimize(loss);
        } else {
            loss = null;
            train = null;
        }
        ConfigProto.Builder config = ConfigProto.newBuilder();
        if (threads > 0) {
            config.setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(1);
        }
        session = new Session(graph, config.build());
        if (train != null) {
            session.initialize();
        }
    }

    /** A trainable network with Glorot-uniform weights drawn from {@code seed}. */
    public static Network forTraining(Architecture architecture, int classes, long seed, float learningRate,
            int threads) {
        Random random = new Random(seed);
        return new Network(architecture, classes, (tf, name, shape, fanIn, fanOut) -> {
            float[] values = new float[(int) Shape.of(shape).size()];
            if (!name.startsWith("b")) { // biases start at zero (the LSTM's forget gate adds its +1 in the graph)
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
                }
            }
            return tf.variable(tf.constant(Shape.of(shape), DataBuffers.of(values, true, false)));
        }, learningRate, threads);
    }

    /** A frozen network of stored weights ({@link #weights()} of a trained one). */
    public static Network forInference(Architecture architecture, int classes, Map<String, float[]> weights,
            int threads) {
        return new Network(architecture, classes, (tf, name, shape, fanIn, fanOut) -> {
            float[] values = weights.get(name);
            if (values == null || values.length != Shape.of(shape).size()) {
                throw new IllegalArgumentException("stored weights lack " + name + " of shape "
                        + java.util.Arrays.toString(shape));
            }
            return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
        }, 0, threads);
    }

    private Operand<TFloat32> cnn(Ops tf, Parameters p) {
        int bands = architecture.input().bands();
        Operand<TFloat32> x = tf.reshape(input, tf.constant(new int[] {-1, architecture.steps(), bands, 1}));
        // 2×2 average first: a 64 × 64 image, a quarter of the multiply-adds of every later layer
        x = tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "VALID");
        int in = 1;
        int[] channels = Architecture.CNN_CHANNELS;
        for (int layer = 0; layer < channels.length; layer++) {
            int out = channels[layer];
            Operand<TFloat32> w = p.get(tf, "w_conv" + layer, new long[] {3, 3, in, out}, 9 * in, 9 * out);
            Operand<TFloat32> b = p.get(tf, "b_conv" + layer, new long[] {out}, in, out);
            x = tf.nn.relu(tf.nn.biasAdd(tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME"), b));
            if (layer < channels.length - 1) {
                x = tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "VALID");
            }
            in = out;
        }
        Operand<TFloat32> pooled = tf.math.mean(x, tf.constant(new int[] {1, 2}));
        return dense(tf, p, pooled, in);
    }

    private Operand<TFloat32> lstm(Ops tf, Parameters p) {
        int features = architecture.input().bands();
        int units = Architecture.LSTM_UNITS;
        int steps = architecture.steps();
        Operand<TFloat32> w = p.get(tf, "w_lstm", new long[] {features + units, 4L * units}, features + units, 4 * units);
        Operand<TFloat32> b = p.get(tf, "b_lstm", new long[] {4L * units}, features + units, 4 * units);
        Unstack<TFloat32> frames = tf.unstack(input, (long) steps, Unstack.axis(1L));
        // zero state of the batch's size: the first frame times a zero matrix
        Operand<TFloat32> h = tf.linalg.matMul(frames.output().get(0), tf.zeros(tf.constant(new int[] {features, units}),
                TFloat32.class));
        Operand<TFloat32> c = h;
        Operand<TFloat32> one = tf.constant(1f);
        List<Operand<TFloat32>> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Operand<TFloat32> z = tf.nn.biasAdd(tf.linalg.matMul(
                    tf.concat(List.of(frames.output().get(t), h), tf.constant(1)), w), b);
            List<org.tensorflow.Output<TFloat32>> gates = tf.split(tf.constant(1), z, 4L).output();
            Operand<TFloat32> i = tf.math.sigmoid(gates.get(0));
            Operand<TFloat32> f = tf.math.sigmoid(tf.math.add(gates.get(1), one));
            Operand<TFloat32> g = tf.math.tanh(gates.get(2));
            Operand<TFloat32> o = tf.math.sigmoid(gates.get(3));
            c = tf.math.add(tf.math.mul(f, c), tf.math.mul(i, g));
            h = tf.math.mul(o, tf.math.tanh(c));
            outputs.add(h);
        }
        Operand<TFloat32> mean = tf.math.mean(tf.stack(outputs), tf.constant(0));
        return dense(tf, p, mean, units);
    }

    private Operand<TFloat32> dense(Ops tf, Parameters p, Operand<TFloat32> x, int in) {
        Operand<TFloat32> w = p.get(tf, "w_out", new long[] {in, classes}, in, classes);
        Operand<TFloat32> b = p.get(tf, "b_out", new long[] {classes}, in, classes);
        return tf.nn.biasAdd(tf.linalg.matMul(x, w), b);
    }

    public Architecture architecture() {
        return architecture;
    }

    public int classes() {
        return classes;
    }

    /**
     * One Adam step on a batch: {@code x} holds {@code batch} patches of {@link Architecture#patchSize()} floats,
     * {@code y} their target distributions ({@code batch × classes}). Returns the batch's mean loss.
     */
    public float trainStep(float[] x, float[] y, int batch) {
        if (train == null) {
            throw new IllegalStateException("a frozen network does not train");
        }
        try (TFloat32 xs = tensor(x, batch, architecture.steps(), architecture.input().bands());
                TFloat32 ys = TFloat32.tensorOf(Shape.of(batch, classes), DataBuffers.of(y, true, false).narrow(
                        (long) batch * classes));
                Result r = session.runner().feed(input, xs).feed(targets, ys).addTarget(train).fetch(loss).run()) {
            return ((TFloat32) r.get(0)).getFloat();
        }
    }

    /** Class probabilities of {@code batch} patches into {@code out} ({@code batch × classes}). */
    public void probabilities(float[] x, int batch, float[] out) {
        try (TFloat32 xs = tensor(x, batch, architecture.steps(), architecture.input().bands());
                Result r = session.runner().feed(input, xs).fetch(probabilities).run()) {
            ((TFloat32) r.get(0)).copyTo(DataBuffers.of(out, false, false).narrow((long) batch * classes));
        }
    }

    private static TFloat32 tensor(float[] x, int batch, int steps, int bands) {
        long n = (long) batch * steps * bands;
        return TFloat32.tensorOf(Shape.of(batch, steps, bands), DataBuffers.of(x, true, false).narrow(n));
    }

    /** The current weights, by name, in creation order (a copy). */
    public LinkedHashMap<String, float[]> weights() {
        LinkedHashMap<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, Operand<TFloat32>> e : parameters.entrySet()) {
            float[] values = new float[(int) Shape.of(shapes.get(e.getKey())).size()];
            try (Result r = session.runner().fetch(e.getValue()).run()) {
                ((TFloat32) r.get(0)).copyTo(DataBuffers.of(values, false, false));
            }
            out.put(e.getKey(), values);
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
