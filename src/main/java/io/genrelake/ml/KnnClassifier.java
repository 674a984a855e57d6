package io.genrelake.ml;

import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

/**
 * k-nearest-neighbours classification (scikit-learn's KNeighborsClassifier, Euclidean distance), which
 * MLlib lacks. Fitting keeps the training vectors; a row's class scores are the votes of its k nearest
 * training rows, each 1 ({@code uniform}) or 1/distance ({@code distance}); its probabilities are the
 * votes normalised. Meant for feature tables that fit in memory (a few hundred thousand rows).
 */
public final class KnnClassifier extends VectorClassifier<KnnClassifier, KnnModel> implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final IntParam k;
    private final Param<String> weighting;

    public KnnClassifier() {
        this(Identifiable.randomUID("knn"));
    }

    public KnnClassifier(String uid) {
        super(uid);
        k = new IntParam(this, "k", "number of neighbours (>= 1)", ParamValidators.gtEq(1));
        weighting = new Param<>(this, "weighting", "vote of each neighbour: uniform (1) or distance (1/distance)",
                ParamValidators.inArray(new String[] {"uniform", "distance"}));
        setDefault(k, 5);
        setDefault(weighting, "uniform");
    }

    public IntParam k() {
        return k;
    }

    public Param<String> weighting() {
        return weighting;
    }

    public KnnClassifier setK(int value) {
        set(k, value);
        return this;
    }

    public KnnClassifier setWeighting(String value) {
        set(weighting, value);
        return this;
    }

    @Override
    public KnnModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        requireLabel(dataset.schema());
        int numClasses = numClasses(dataset);
        LocalRows rows = collectRows(dataset);
        KnnModel model = new KnnModel(uid(), rows.features(), rows.labels(), numClasses);
        copyValues(model, ParamMap.empty());
        return model.setParent(this);
    }

    @Override
    public KnnClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<KnnClassifier> read() {
        return new DefaultParamsReadable<KnnClassifier>() {}.read();
    }

    public static KnnClassifier load(String path) {
        return read().load(path);
    }
}
