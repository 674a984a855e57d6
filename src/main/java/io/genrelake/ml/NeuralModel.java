package io.genrelake.ml;

import io.genrelake.neural.NeuralScorer;
import io.genrelake.neural.NeuralSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A trained {@link NeuralClassifier}: the network's weights and the input's per-band statistics. Scores in
 * {@code mapPartitions}: one frozen TensorFlow graph per task, each window's patches in one batch, the window's
 * probabilities their mean (or vote shares). Saved as MLlib metadata plus {@code data/} (one Parquet row per weight
 * array, in the graph's order, with the statistics), so a model saved in one JVM scores identically in another.
 */
public final class NeuralModel extends Model<NeuralModel>
        implements MLWritable, ClassifierColumns<NeuralModel>, NeuralParams {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final VectorClassifierParams columns;
    private final NeuralParams.Set params;
    private final int numClasses;
    private final Map<String, float[]> weights;
    private final float[] mean;
    private final float[] std;
    private final int bestEpoch;

    NeuralModel(String uid, int numClasses, Map<String, float[]> weights, float[] mean, float[] std, int bestEpoch) {
        this.uid = uid;
        this.columns = new VectorClassifierParams(this);
        this.params = new NeuralParams.Set(this);
        this.numClasses = numClasses;
        this.weights = new LinkedHashMap<>(weights);
        this.mean = mean;
        this.std = std;
        this.bestEpoch = bestEpoch;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public VectorClassifierParams columnParams() {
        return columns;
    }

    @Override
    public NeuralParams.Set neuralParams() {
        return params;
    }

    public int numClasses() {
        return numClasses;
    }

    /** The epoch whose weights these are (early stopping's choice). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** A scorer of this model's windows, for use outside Spark (benchmarks, one file). */
    public NeuralScorer scorer() {
        return new NeuralScorer(getArchitecture(), numClasses, weights, mean, std, settings());
    }

    /** As {@link #scorer()}, TensorFlow limited to {@code threads} intra-op threads. */
    public NeuralScorer scorer(int threads) {
        NeuralSettings s = settings();
        return new NeuralScorer(getArchitecture(), numClasses, weights, mean, std, new NeuralSettings(s.batchSize(),
                s.learningRate(), s.maxEpochs(), s.patience(), s.patchesPerWindow(), s.validationFraction(),
                s.maskProbability(), s.mixupAlpha(), s.hopFrames(), s.vote(), s.seed(), threads));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema(), true);
        Dataset<Row> in = dataset.toDF();
        int inputIndex = in.schema().fieldIndex($(inputCol()));
        NeuralScorer scorer = scorer();
        JavaRDD<Row> out = in.javaRDD().mapPartitions(rows -> new Scored(rows, scorer, inputIndex));
        return in.sparkSession().createDataFrame(out, schema);
    }

    /** A partition's rows with their scores appended; closes the scorer's graph after the last row. */
    private static final class Scored implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final NeuralScorer scorer;
        private final int inputIndex;
        private boolean closed;

        Scored(Iterator<Row> rows, NeuralScorer scorer, int inputIndex) {
            this.rows = rows;
            this.scorer = scorer;
            this.inputIndex = inputIndex;
        }

        @Override
        public boolean hasNext() {
            boolean more = rows.hasNext();
            if (!more && !closed) {
                closed = true;
                scorer.close();
            }
            return more;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row r = rows.next();
            if (r.isNullAt(inputIndex)) {
                throw new IllegalArgumentException("a row without its neural input (extract with --neural-inputs)");
            }
            double[] p = scorer.score((byte[]) r.get(inputIndex));
            int argmax = 0;
            for (int c = 1; c < p.length; c++) {
                argmax = p[c] > p[argmax] ? c : argmax;
            }
            Object[] values = new Object[r.length() + 3];
            for (int i = 0; i < r.length(); i++) {
                values[i] = r.get(i);
            }
            values[r.length()] = new DenseVector(p.clone());
            values[r.length() + 1] = new DenseVector(p);
            values[r.length() + 2] = (double) argmax;
            return RowFactory.create(values);
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        NeuralClassifier.requireInput(schema, $(inputCol()), uid);
        return VectorClassificationModel.outputSchema(schema, uid, getFeaturesCol(), $(rawPredictionCol()),
                $(probabilityCol()), $(predictionCol()));
    }

    @Override
    public NeuralModel copy(ParamMap extra) {
        return copyValues(new NeuralModel(uid, numClasses, weights, mean, std, bestEpoch), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<NeuralModel> read() {
        return new Reader();
    }

    public static NeuralModel load(String path) {
        return read().load(path);
    }

    private static final StructType DATA_SCHEMA = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType, false)
            .add("values", DataTypes.createArrayType(DataTypes.FloatType, false), false)
            .add("num_classes", DataTypes.IntegerType, false)
            .add("best_epoch", DataTypes.IntegerType, false);

    private static final class Writer extends MLWriter {
        private final NeuralModel model;

        Writer(NeuralModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            List<Row> rows = new ArrayList<>();
            int i = 0;
            Map<String, float[]> all = new LinkedHashMap<>();
            all.put("_mean", model.mean);
            all.put("_std", model.std);
            all.putAll(model.weights);
            for (Map.Entry<String, float[]> e : all.entrySet()) {
                Float[] boxed = new Float[e.getValue().length];
                for (int k = 0; k < boxed.length; k++) {
                    boxed[k] = e.getValue()[k];
                }
                rows.add(RowFactory.create(i++, e.getKey(), boxed, model.numClasses, model.bestEpoch));
            }
            StageStore.saveData(sparkSession().createDataFrame(rows, DATA_SCHEMA), path, "data");
        }
    }

    private static final class Reader extends MLReader<NeuralModel> {
        @Override
        public NeuralModel load(String path) {
            String uid = StageStore.uid(path, sparkSession(), NeuralModel.class.getName());
            List<Row> rows = StageStore.loadData(sparkSession(), path, "data").orderBy("index")
                    .select("name", "values", "num_classes", "best_epoch").collectAsList();
            Map<String, float[]> weights = new LinkedHashMap<>();
            float[] mean = null;
            float[] std = null;
            for (Row r : rows) {
                List<Float> list = r.getList(1);
                float[] values = new float[list.size()];
                for (int k = 0; k < values.length; k++) {
                    values[k] = list.get(k);
                }
                switch (r.getString(0)) {
                    case "_mean" -> mean = values;
                    case "_std" -> std = values;
                    default -> weights.put(r.getString(0), values);
                }
            }
            if (rows.isEmpty() || mean == null || std == null) {
                throw new IllegalArgumentException(path + ": not a saved neural model (no weights)");
            }
            return StageStore.loadParams(new NeuralModel(uid, rows.get(0).getInt(2), weights, mean, std,
                    rows.get(0).getInt(3)), path, sparkSession(), NeuralModel.class.getName());
        }
    }
}
