package io.genrelake.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link SoftmaxGbtClassifier}: its {@link BoostedTrees}. {@code rawPrediction} holds the class scores,
 * {@code probability} their softmax. Saved as metadata plus one Parquet row per tree and the class priors.
 */
public final class SoftmaxGbtModel extends VectorClassificationModel<SoftmaxGbtModel> implements MLWritable {
    private static final long serialVersionUID = 1L;

    private final BoostedTrees trees;

    SoftmaxGbtModel(String uid, BoostedTrees trees) {
        super(uid);
        this.trees = trees;
    }

    public BoostedTrees trees() {
        return trees;
    }

    @Override
    public int numClasses() {
        return trees.numClasses();
    }

    @Override
    public double[] predictRaw(Vector features) {
        return trees.scores(features.toArray());
    }

    @Override
    protected double[] rawToProbability(double[] raw) {
        return softmax(raw);
    }

    @Override
    public SoftmaxGbtModel copy(ParamMap extra) {
        return copyValues(new SoftmaxGbtModel(uid(), trees), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<SoftmaxGbtModel> read() {
        return new Reader();
    }

    public static SoftmaxGbtModel load(String path) {
        return read().load(path);
    }

    private static final StructType TREE_SCHEMA = new StructType()
            .add("round", DataTypes.IntegerType, false)
            .add("class", DataTypes.IntegerType, false)
            .add("feature", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("threshold", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("left", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("right", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("value", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private static final StructType PRIOR_SCHEMA = new StructType()
            .add("class", DataTypes.IntegerType, false)
            .add("prior", DataTypes.DoubleType, false)
            .add("step_size", DataTypes.DoubleType, false);

    private static final class Writer extends MLWriter {
        private final SoftmaxGbtModel model;

        Writer(SoftmaxGbtModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            BoostedTrees b = model.trees;
            List<Row> trees = new ArrayList<>();
            for (int m = 0; m < b.rounds(); m++) {
                for (int k = 0; k < b.numClasses(); k++) {
                    RegressionTree t = b.trees()[m][k];
                    trees.add(RowFactory.create(m, k, boxed(t.feature()), boxed(t.threshold()), boxed(t.left()),
                            boxed(t.right()), boxed(t.value())));
                }
            }
            StageStore.saveData(sparkSession().createDataFrame(trees, TREE_SCHEMA), path, "trees");
            List<Row> prior = new ArrayList<>();
            for (int k = 0; k < b.numClasses(); k++) {
                prior.add(RowFactory.create(k, b.prior()[k], b.stepSize()));
            }
            StageStore.saveData(sparkSession().createDataFrame(prior, PRIOR_SCHEMA), path, "prior");
        }

        private static List<Integer> boxed(int[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }

        private static List<Double> boxed(double[] a) {
            return java.util.Arrays.stream(a).boxed().toList();
        }
    }

    private static final class Reader extends MLReader<SoftmaxGbtModel> {
        @Override
        public SoftmaxGbtModel load(String path) {
            String className = SoftmaxGbtModel.class.getName();
            String uid = StageStore.uid(path, sparkSession(), className);
            List<Row> prior = StageStore.loadData(sparkSession(), path, "prior").orderBy("class").collectAsList();
            int classes = prior.size();
            double[] priors = new double[classes];
            for (int k = 0; k < classes; k++) {
                priors[k] = prior.get(k).getDouble(prior.get(k).fieldIndex("prior"));
            }
            double stepSize = prior.get(0).getDouble(prior.get(0).fieldIndex("step_size"));
            List<Row> rows = StageStore.loadData(sparkSession(), path, "trees").orderBy("round", "class").collectAsList();
            RegressionTree[][] trees = new RegressionTree[rows.size() / classes][classes];
            for (Row r : rows) {
                trees[r.getInt(r.fieldIndex("round"))][r.getInt(r.fieldIndex("class"))] = new RegressionTree(
                        ints(r, "feature"), doubles(r, "threshold"), ints(r, "left"), ints(r, "right"), doubles(r, "value"));
            }
            return StageStore.loadParams(new SoftmaxGbtModel(uid, new BoostedTrees(priors, trees, stepSize)), path,
                    sparkSession(), className);
        }

        private static int[] ints(Row r, String field) {
            return r.<Integer>getList(r.fieldIndex(field)).stream().mapToInt(Integer::intValue).toArray();
        }

        private static double[] doubles(Row r, String field) {
            return r.<Double>getList(r.fieldIndex(field)).stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
