package io.genrelake.ml;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Base of this package's classifier estimators: a features vector column and a label column of class
 * indices in, a {@link VectorClassificationModel} out. Subclasses say how to train.
 */
public abstract class VectorClassifier<E extends VectorClassifier<E, M>, M extends Model<M>> extends Estimator<M>
        implements ClassifierColumns<E> {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final VectorClassifierParams columns;

    protected VectorClassifier(String uid) {
        this.uid = uid;
        this.columns = new VectorClassifierParams(this);
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
    public abstract E copy(org.apache.spark.ml.param.ParamMap extra);

    /**
     * The number of classes: from the label column's metadata when a StringIndexer made it (so a class
     * absent from this training set still counts), else one more than the largest label.
     */
    protected int numClasses(Dataset<?> dataset) {
        StructField field = dataset.schema().apply(getLabelCol());
        Attribute attribute = Attribute.fromStructField(field);
        if (attribute instanceof NominalAttribute nominal && nominal.getNumValues().isDefined()) {
            return (Integer) nominal.getNumValues().get();
        }
        Row max = dataset.agg(org.apache.spark.sql.functions.max(getLabelCol())).first();
        if (max.isNullAt(0)) {
            throw new IllegalArgumentException(uid + ": no training rows");
        }
        return (int) Math.round(((Number) max.get(0)).doubleValue()) + 1;
    }

    /** Training rows collected to the driver: feature vectors and class indices. */
    protected record LocalRows(double[][] features, int[] labels) {}

    /** Collects the features and labels to the driver, for learners that train in memory (kNN, gbm). */
    protected LocalRows collectRows(Dataset<?> dataset) {
        List<Row> rows = dataset.select(col(getFeaturesCol()), col(getLabelCol()).cast("double")).collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(uid + ": no training rows");
        }
        double[][] features = new double[rows.size()][];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            features[i] = ((Vector) rows.get(i).get(0)).toArray();
            labels[i] = (int) rows.get(i).getDouble(1);
        }
        return new LocalRows(features, labels);
    }

    /** Checks the input columns and adds the three output columns, as MLlib's classifiers do. */
    @Override
    public StructType transformSchema(StructType schema) {
        return VectorClassificationModel.outputSchema(schema, uid, getFeaturesCol(), $(rawPredictionCol()),
                $(probabilityCol()), $(predictionCol()));
    }

    /** Requires a numeric label column; used by subclasses before training. */
    protected void requireLabel(StructType schema) {
        if (!Arrays.asList(schema.fieldNames()).contains(getLabelCol())) {
            throw new IllegalArgumentException(uid + ": label column '" + getLabelCol() + "' not found");
        }
        DataType type = schema.apply(getLabelCol()).dataType();
        if (!(type instanceof org.apache.spark.sql.types.NumericType)) {
            throw new IllegalArgumentException(uid + ": label column '" + getLabelCol()
                    + "' must be numeric (class indices), is " + type.simpleString());
        }
    }

    static StructField vectorField(String name) {
        return DataTypes.createStructField(name, SQLDataTypes.VectorType(), false);
    }
}
