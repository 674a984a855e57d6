package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link ProbabilityEnsemble}: the member models; {@code probability} (and
 * {@code rawPrediction}) is the mean of the members' probabilities, {@code prediction} its arg-max.
 * Saved as metadata plus {@code members/NN/}, each member in its own MLlib format.
 */
public final class ProbabilityEnsembleModel extends Model<ProbabilityEnsembleModel>
        implements MLWritable, ClassifierColumns<ProbabilityEnsembleModel> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final VectorClassifierParams columns;
    private final StringArrayParam memberNames;
    private final List<Model<?>> members;

    ProbabilityEnsembleModel(String uid, List<Model<?>> members) {
        this.uid = uid;
        this.members = List.copyOf(members);
        this.columns = new VectorClassifierParams(this);
        memberNames = new StringArrayParam(this, "memberNames", "names of the member models, in member order");
        setDefault(memberNames, new String[0]);
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public VectorClassifierParams columnParams() {
        return columns;
    }

    public StringArrayParam memberNames() {
        return memberNames;
    }

    public List<Model<?>> members() {
        return members;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        Dataset<Row> out = dataset.toDF();
        List<String> temporary = new ArrayList<>();
        List<String> probabilities = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            // Each member writes to columns of its own so members do not overwrite one another.
            Model<?> member = members.get(i).copy(ParamMap.empty());
            String prefix = String.format(Locale.ROOT, "%s_m%02d_", uid, i);
            ProbabilityEnsemble.setIfPresent(member, "featuresCol", $(featuresCol()));
            ProbabilityEnsemble.setIfPresent(member, "probabilityCol", prefix + "probability");
            ProbabilityEnsemble.setIfPresent(member, "rawPredictionCol", prefix + "raw");
            ProbabilityEnsemble.setIfPresent(member, "predictionCol", prefix + "prediction");
            out = member.transform(out);
            probabilities.add(prefix + "probability");
            for (String suffix : new String[] {"probability", "raw", "prediction"}) {
                if (java.util.Arrays.asList(out.columns()).contains(prefix + suffix)) {
                    temporary.add(prefix + suffix);
                }
            }
        }
        int n = members.size();
        var add = udf((UDF2<Vector, Vector, Vector>) (a, b) -> {
            double[] s = a.toArray().clone();
            double[] t = b.toArray();
            for (int j = 0; j < s.length; j++) {
                s[j] += t[j];
            }
            return new DenseVector(s);
        }, SQLDataTypes.VectorType());
        var mean = udf((UDF1<Vector, Vector>) s -> {
            double[] m = s.toArray().clone();
            for (int j = 0; j < m.length; j++) {
                m[j] /= n;
            }
            return new DenseVector(m);
        }, SQLDataTypes.VectorType());
        org.apache.spark.sql.Column sum = col(probabilities.get(0));
        for (int i = 1; i < n; i++) {
            sum = add.apply(sum, col(probabilities.get(i)));
        }
        String probabilityCol = $(probabilityCol());
        out = out.withColumn(probabilityCol, mean.apply(sum));
        out = out.withColumn($(rawPredictionCol()), col(probabilityCol));
        out = out.withColumn($(predictionCol()), udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
                DataTypes.DoubleType).apply(col(probabilityCol)));
        return out.drop(temporary.toArray(new String[0]));
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return VectorClassificationModel.outputSchema(schema, uid, $(featuresCol()), $(rawPredictionCol()),
                $(probabilityCol()), $(predictionCol()));
    }

    @Override
    public ProbabilityEnsembleModel copy(ParamMap extra) {
        return copyValues(new ProbabilityEnsembleModel(uid, members), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<ProbabilityEnsembleModel> read() {
        return new Reader();
    }

    public static ProbabilityEnsembleModel load(String path) {
        return read().load(path);
    }

    private static final class Writer extends MLWriter {
        private final ProbabilityEnsembleModel model;

        Writer(ProbabilityEnsembleModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            StageStore.saveMetadata(model, path, sparkSession());
            for (int i = 0; i < model.members.size(); i++) {
                if (!(model.members.get(i) instanceof MLWritable writable)) {
                    throw new UnsupportedOperationException("ensemble member " + model.members.get(i).uid()
                            + " cannot be saved (not MLWritable)");
                }
                String memberPath = new Path(new Path(path, "members"), String.format(Locale.ROOT, "%02d", i)).toString();
                try {
                    writable.write().session(sparkSession()).save(memberPath);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot save ensemble member to " + memberPath, e);
                }
            }
        }
    }

    private static final class Reader extends MLReader<ProbabilityEnsembleModel> {
        @Override
        public ProbabilityEnsembleModel load(String path) {
            String className = ProbabilityEnsembleModel.class.getName();
            String uid = StageStore.uid(path, sparkSession(), className);
            List<Model<?>> members = new ArrayList<>();
            for (String memberPath : StageStore.children(sparkSession(), path, "members")) {
                members.add(DefaultParamsReader$.MODULE$.<Model<?>>loadParamsInstance(memberPath, sparkSession()));
            }
            return StageStore.loadParams(new ProbabilityEnsembleModel(uid, members), path, sparkSession(), className);
        }
    }
}
