package io.genrelake.ml;

import org.apache.spark.ml.param.ParamMap;
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
public final class KnnClassifier extends VectorClassifier<KnnClassifier, KnnModel>
        implements DefaultParamsWritable, KnnParams {
    private static final long serialVersionUID = 1L;

    private final KnnParams.Set params;

    public KnnClassifier() {
        this(Identifiable.randomUID("knn"));
    }

    public KnnClassifier(String uid) {
        super(uid);
        params = new KnnParams.Set(this);
    }

    @Override
    public KnnParams.Set knnParams() {
        return params;
    }

    public KnnClassifier setK(int value) {
        set(k(), value);
        return this;
    }

    public KnnClassifier setWeighting(String value) {
        set(weighting(), value);
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
