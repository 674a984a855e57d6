package io.genrelake.ml;

import io.genrelake.features.FeatureSet;
import io.genrelake.neural.Architecture;
import io.genrelake.neural.NeuralSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.DecisionTreeClassifier;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.PCA;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds each model's pipeline: label indexer (fitted once on all genres, so every fold and the saved
 * model number the genres alike) → log of the variance features (optional) → VectorAssembler →
 * StandardScaler → PCA (optional) → classifier → IndexToString (the genre name of the prediction).
 *
 * <p>The pipeline comes in two parts. The {@link #preprocessing} stages learn nothing from the rows
 * (the indexer only names classes), so they run once, before cross-validation; the {@link #learnedStages}
 * (scaler, PCA, classifier) are what cross-validation refits on each fold's training rows, so no
 * statistic of a validation fold leaks into its model. {@link #savedModel} joins both into the one
 * PipelineModel that is saved and that classifies raw feature rows.
 */
public final class PipelineFactory {

    /** Column of the genre's class index. */
    public static final String LABEL_INDEX = "label_index";
    /** Column of the predicted genre's name. */
    public static final String PREDICTED_GENRE = "predicted_genre";

    private final StringIndexerModel labels;
    private final PipelineSettings settings;
    /** The feature columns the model reads, in order: a feature set's columns. */
    private final List<String> featureColumns;
    /** How the neural models train and score. */
    private final NeuralSettings neural;

    /** A factory of models of the 57 gtzan columns. */
    public PipelineFactory(StringIndexerModel labels, PipelineSettings settings) {
        this(labels, settings, FeatureSet.NAMES);
    }

    /** A factory of models of {@code featureColumns} (a feature set's columns, e.g. the training table's). */
    public PipelineFactory(StringIndexerModel labels, PipelineSettings settings, List<String> featureColumns) {
        this(labels, settings, featureColumns, NeuralSettings.DEFAULTS);
    }

    /** As above, the neural models trained and scored with {@code neural}. */
    public PipelineFactory(StringIndexerModel labels, PipelineSettings settings, List<String> featureColumns,
            NeuralSettings neural) {
        this.labels = labels;
        this.settings = settings;
        this.featureColumns = List.copyOf(featureColumns);
        this.neural = neural;
    }

    /** The feature columns the models read. */
    public List<String> featureColumns() {
        return featureColumns;
    }

    public PipelineSettings settings() {
        return settings;
    }

    public String[] genres() {
        return labels.labelsArray()[0];
    }

    /** Dimension of the classifier's input. */
    public int classifierInputSize() {
        return settings.classifierInputSize(featureColumns.size());
    }

    /** The classifier stage of a (non-ensemble) model, configured with this package's defaults. */
    public PipelineStage classifier(ModelKind kind) {
        long seed = settings.seed();
        int classes = genres().length;
        return switch (kind) {
            case LR -> columns(new LogisticRegression().setFamily("multinomial").setMaxIter(100).setTol(1e-4)
                    .setRegParam(0.004));
            case RF -> columns(new RandomForestClassifier().setNumTrees(100).setMaxDepth(14)
                    .setFeatureSubsetStrategy("sqrt").setSeed(seed));
            // Every boosting round of every class costs Spark jobs: 20 rounds of depth-4 trees at a large
            // step keep the 10-fold grid within minutes (see docs/benchmarks.md).
            case GBT -> ovr(new GBTClassifier().setMaxIter(20).setMaxDepth(4).setStepSize(0.3).setSeed(seed));
            // scikit-learn's peer: 300 rounds, learning rate 0.2, depth 3
            case GBM -> new SoftmaxGbtClassifier().setMaxIter(300).setStepSize(0.2).setMaxDepth(3)
                    .setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX);
            case SVC -> ovr(new LinearSVC().setMaxIter(25).setRegParam(0.01).setTol(1e-4));
            case MLP -> columns(new MultilayerPerceptronClassifier()
                    .setLayers(new int[] {classifierInputSize(), 256, classes}).setMaxIter(80).setSeed(seed));
            case DT -> columns(new DecisionTreeClassifier().setMaxDepth(10).setSeed(seed));
            case KNN -> new KnnClassifier().setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX);
            // calibrated on whole units: tracks (segments under the leaky protocol)
            case RBFSVM -> new RbfSvmClassifier().setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX)
                    .setSeed(seed).setGroupCol(SplitPlan.UNIT);
            // read their stored input, not the features; early stopping holds out whole artists
            case CNN -> neural(Architecture.CNN);
            case LSTM -> neural(Architecture.LSTM);
            case ENSEMBLE -> throw new IllegalArgumentException("the ensemble is built from fitted members: "
                    + "use ensemble(...)");
        };
    }

    private NeuralClassifier neural(Architecture architecture) {
        return new NeuralClassifier().setArchitecture(architecture).withSettings(neural)
                .setGroupCol(TrainingTable.ARTIST).setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX);
    }

    /** The soft-voting ensemble of configured member classifiers (from {@link #classifier} with chosen params). */
    public ProbabilityEnsemble ensemble(List<String> names, List<Estimator<?>> members) {
        ProbabilityEnsemble ensemble = new ProbabilityEnsemble().setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX);
        for (int i = 0; i < members.size(); i++) {
            ensemble.addMember(names.get(i), members.get(i));
        }
        return ensemble;
    }

    /** Column of the assembled (raw, or log-variance) feature vector. */
    public static final String ASSEMBLED = "assembled";
    /** Column of the standardised features. */
    public static final String SCALED = "scaled";

    /** Stages that learn nothing from rows: genre → class index, log of variances, assembling the vector. */
    public List<Transformer> preprocessing() {
        List<Transformer> stages = new ArrayList<>();
        stages.add(labels);
        List<String> inputs = new ArrayList<>(featureColumns);
        if (settings.logVariances()) {
            stages.add(logVariances(inputs));
        }
        stages.add(new VectorAssembler().setInputCols(inputs.toArray(new String[0])).setOutputCol(ASSEMBLED));
        return stages;
    }

    /** Rows through {@link #preprocessing}. */
    public Dataset<Row> preprocess(Dataset<Row> rows) {
        Dataset<Row> out = rows;
        for (Transformer t : preprocessing()) {
            out = t.transform(out);
        }
        return out;
    }

    /** The stages cross-validation fits per fold: StandardScaler → PCA (optional) → classifier. */
    public Pipeline learnedStages(PipelineStage classifier) {
        List<PipelineStage> stages = new ArrayList<>();
        stages.add(new StandardScaler().setInputCol(ASSEMBLED).setOutputCol(SCALED).setWithMean(true).setWithStd(true));
        if (settings.pcaComponents() > 0) {
            stages.add(new PCA().setInputCol(SCALED).setOutputCol("pca").setK(classifierInputSize()));
        }
        stages.add(classifier);
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0]));
    }

    /**
     * The model to save: preprocessing → the fitted learned stages → IndexToString. {@code rawRows}
     * gives the input schema only (a pipeline of transformers is assembled without a pass over rows).
     */
    public PipelineModel savedModel(PipelineModel learned, Dataset<Row> rawRows) {
        List<PipelineStage> stages = new ArrayList<>(preprocessing());
        stages.add(learned);
        stages.add(new IndexToString().setInputCol(TrackAggregator.PREDICTION).setOutputCol(PREDICTED_GENRE)
                .setLabels(genres()));
        return new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(rawRows);
    }

    /** The column the classifier reads. */
    public String featuresCol() {
        return settings.pcaComponents() > 0 ? "pca" : SCALED;
    }

    /** Replaces each {@code *_var} input by {@code log_*_var} = ln(max(v, 0) + 1e-10); a built-in stage, so it saves. */
    private static SQLTransformer logVariances(List<String> inputs) {
        StringBuilder sql = new StringBuilder("SELECT *");
        for (int i = 0; i < inputs.size(); i++) {
            String name = inputs.get(i);
            if (name.endsWith("_var")) {
                String logName = "log_" + name;
                sql.append(String.format(Locale.ROOT, ", LN(GREATEST(`%s`, 0D) + 1E-10D) AS `%s`", name, logName));
                inputs.set(i, logName);
            }
        }
        return new SQLTransformer().setStatement(sql.append(" FROM __THIS__").toString());
    }

    private <T extends org.apache.spark.ml.classification.ProbabilisticClassifier<?, ?, ?>> T columns(T c) {
        c.set(c.featuresCol(), featuresCol());
        c.set(c.labelCol(), LABEL_INDEX);
        return c;
    }

    private OneVsRest ovr(org.apache.spark.ml.classification.Classifier<?, ?, ?> binary) {
        // Twice the parallelism: a binary fit is mostly waiting on tiny Spark jobs, so more of them overlap.
        return new OneVsRest().setClassifier(binary).setFeaturesCol(featuresCol()).setLabelCol(LABEL_INDEX)
                .setParallelism(2 * settings.parallelism());
    }
}
