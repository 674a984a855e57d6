package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import io.genrelake.neural.Architecture;
import io.genrelake.neural.NativeCache;
import io.genrelake.neural.NeuralTrainer;
import io.genrelake.neural.TrainingWindow;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A neural network ({@link Architecture}: a CNN on log-mel patches, an LSTM on MFCC sequences) as an MLlib
 * estimator, so cross-validation, the ensemble and the saved PipelineModel treat it like the feature models. It
 * reads its input from a binary column of the feature table ({@code extract --neural-inputs}), not the feature
 * vector (its {@code featuresCol} is only checked, so it can sit where any classifier sits).
 *
 * <p>The driver trains (TensorFlow in this JVM), streaming the training rows with {@code toLocalIterator} once per
 * pass ({@link NeuralTrainer}); scoring runs on the executors ({@link NeuralModel}). On a cluster with a GPU the
 * driver is the process to give it: swap the {@code linux-x86_64} natives for TensorFlow's {@code linux-x86_64-gpu}
 * classifier and training runs there unchanged, while the executors score on CPU (docs/architecture.md).
 */
public final class NeuralClassifier extends VectorClassifier<NeuralClassifier, NeuralModel>
        implements DefaultParamsWritable, NeuralParams {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(NeuralClassifier.class);

    private final NeuralParams.Set params;

    public NeuralClassifier() {
        this(Identifiable.randomUID("neural"));
    }

    public NeuralClassifier(String uid) {
        super(uid);
        params = new NeuralParams.Set(this);
    }

    @Override
    public NeuralParams.Set neuralParams() {
        return params;
    }

    /** Sets the architecture and the input column it reads. */
    public NeuralClassifier setArchitecture(Architecture value) {
        set(architecture(), value.cliName());
        set(inputCol(), value.input().column());
        return this;
    }

    public NeuralClassifier setGroupCol(String value) {
        set(groupCol(), value);
        return this;
    }

    public NeuralClassifier withSettings(io.genrelake.neural.NeuralSettings value) {
        setSettings(value);
        return this;
    }

    @Override
    public NeuralModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        requireLabel(dataset.schema());
        int classes = numClasses(dataset);
        Architecture arch = getArchitecture();
        boolean grouped = Arrays.asList(dataset.columns()).contains($(groupCol()));
        Column group = grouped ? org.apache.spark.sql.functions.coalesce(col($(groupCol())).cast("string"),
                col(SplitPlan.UNIT).cast("string")) : unitOrIndex(dataset);
        Dataset<Row> rows = dataset.select(col($(inputCol())), col(getLabelCol()).cast("double"), group.as("group"))
                .filter(col($(inputCol())).isNotNull());
        NativeCache.configure();
        NeuralTrainer.Outcome outcome = NeuralTrainer.train(arch, classes, settings(), () -> {
            Iterator<Row> it = rows.toLocalIterator();
            return new Iterator<TrainingWindow>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public TrainingWindow next() {
                    Row r = it.next();
                    return new TrainingWindow((byte[]) r.get(0), (int) r.getDouble(1), r.getString(2));
                }
            };
        }, LOG::info);
        LOG.info(String.format(Locale.ROOT, "%s: %d training and %d validation windows, best epoch %d of %d "
                + "(validation accuracy %.4f), %.1f s", arch.cliName(), outcome.trainingWindows(),
                outcome.validationWindows(), outcome.bestEpoch(), outcome.epochs(), outcome.validationAccuracy(),
                outcome.seconds()));
        NeuralModel model = new NeuralModel(uid(), classes, outcome.weights(), outcome.mean(), outcome.std(),
                outcome.bestEpoch());
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    private static Column unitOrIndex(Dataset<?> dataset) {
        return Arrays.asList(dataset.columns()).contains(SplitPlan.UNIT) ? col(SplitPlan.UNIT).cast("string")
                : org.apache.spark.sql.functions.monotonically_increasing_id().cast("string");
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireInput(schema, $(inputCol()), uid());
        return super.transformSchema(schema);
    }

    static void requireInput(StructType schema, String column, String uid) {
        if (!Arrays.asList(schema.fieldNames()).contains(column)) {
            throw new IllegalArgumentException(uid + ": the neural models read the '" + column + "' column, which "
                    + "these rows lack: extract with --neural-inputs");
        }
        if (!(schema.apply(column).dataType() instanceof BinaryType)) {
            throw new IllegalArgumentException(uid + ": column '" + column + "' must be binary");
        }
    }

    @Override
    public NeuralClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<NeuralClassifier> read() {
        return new DefaultParamsReadable<NeuralClassifier>() {}.read();
    }

    public static NeuralClassifier load(String path) {
        return read().load(path);
    }
}
