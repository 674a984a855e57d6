package io.genrelake.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A fitted {@link KnnClassifier}: the training vectors and their class indices. */
public final class KnnModel extends VectorClassificationModel<KnnModel> implements MLWritable, KnnParams {
    private static final long serialVersionUID = 1L;

    private final KnnParams.Set params;
    private final double[][] points;
    private final int[] labels;
    private final int numClasses;

    KnnModel(String uid, double[][] points, int[] labels, int numClasses) {
        super(uid);
        this.points = points;
        this.labels = labels;
        this.numClasses = numClasses;
        params = new KnnParams.Set(this);
    }

    @Override
    public KnnParams.Set knnParams() {
        return params;
    }

    @Override
    public int numClasses() {
        return numClasses;
    }

    /** Number of stored training rows. */
    public int numPoints() {
        return points.length;
    }

    @Override
    public double[] predictRaw(Vector features) {
        double[] x = features.toArray();
        int kk = Math.min((Integer) $(k()), points.length);
        // The k smallest squared distances so far, kept sorted by insertion: k is small.
        double[] best = new double[kk];
        int[] bestIndex = new int[kk];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < points.length; i++) {
            double[] p = points[i];
            double d = 0;
            for (int j = 0; j < x.length && d < best[kk - 1]; j++) {
                double diff = x[j] - p[j];
                d += diff * diff;
            }
            if (d < best[kk - 1]) {
                int pos = kk - 1;
                while (pos > 0 && best[pos - 1] > d) {
                    best[pos] = best[pos - 1];
                    bestIndex[pos] = bestIndex[pos - 1];
                    pos--;
                }
                best[pos] = d;
                bestIndex[pos] = i;
            }
        }
        boolean byDistance = "distance".equals($(weighting()));
        double[] votes = new double[numClasses];
        for (int n = 0; n < kk; n++) {
            double distance = Math.sqrt(best[n]);
            // An exact match would weigh infinitely: cap it so the vote stays finite (it still dominates).
            votes[labels[bestIndex[n]]] += byDistance ? 1.0 / Math.max(distance, 1e-12) : 1.0;
        }
        return votes;
    }

    @Override
    protected double[] rawToProbability(double[] raw) {
        double sum = 0;
        for (double v : raw) {
            sum += v;
        }
        double[] p = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            p[i] = raw[i] / sum;
        }
        return p;
    }

    @Override
    public KnnModel copy(ParamMap extra) {
        KnnModel copy = new KnnModel(uid(), points, labels, numClasses);
        return copyValues(copy, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<KnnModel> read() {
        return new Reader();
    }

    public static KnnModel load(String path) {
        return read().load(path);
    }

    private static final StructType DATA_SCHEMA = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("features", org.apache.spark.ml.linalg.SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.IntegerType, false)
            .add("num_classes", DataTypes.IntegerType, false);

    private static final class Writer extends MLWriter {
        private final KnnModel model;

        Writer(KnnModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            List<Row> rows = new ArrayList<>(model.points.length);
            for (int i = 0; i < model.points.length; i++) {
                rows.add(RowFactory.create(i, Vectors.dense(model.points[i]), model.labels[i], model.numClasses));
            }
            StageStore.saveData(sparkSession().createDataFrame(rows, DATA_SCHEMA), path, "data");
        }
    }

    private static final class Reader extends MLReader<KnnModel> {
        @Override
        public KnnModel load(String path) {
            String uid = StageStore.uid(path, sparkSession(), KnnModel.class.getName());
            // Sorted by the saved index: ties between equally distant neighbours then resolve as before.
            Dataset<Row> data = StageStore.loadData(sparkSession(), path, "data").orderBy("index");
            List<Row> rows = data.select("features", "label", "num_classes").collectAsList();
            double[][] points = new double[rows.size()][];
            int[] labels = new int[rows.size()];
            int numClasses = rows.isEmpty() ? 0 : rows.get(0).getInt(2);
            for (int i = 0; i < rows.size(); i++) {
                points[i] = ((Vector) rows.get(i).get(0)).toArray();
                labels[i] = rows.get(i).getInt(1);
            }
            return StageStore.loadParams(new KnnModel(uid, points, labels, numClasses), path, sparkSession(),
                    KnnModel.class.getName());
        }
    }
}
