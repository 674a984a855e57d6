package io.genrelake.ml;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.scoring.PortableModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.PCAModel;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A saved pipeline ({@link PipelineFactory#savedModel}) as a {@link PortableModel}, when its classifier is one the
 * portable form holds (multinomial logistic regression) and its windows are averaged; otherwise the reason it is not.
 * Written by {@code genrelake train} beside the PipelineModel so one-file commands score without Spark.
 */
public final class PortableModelExport {

    private PortableModelExport() {}

    /** The outcome: a portable model, or why there is none. */
    public record Result(PortableModel model, String whyNot) {}

    /**
     * @param calibration the track-level map saved with the model (null: identity)
     * @param threshold   the card's calibration threshold (null: none)
     */
    public static Result of(PipelineModel saved, List<String> genres, FeatureSetKind featureSet, String aggregation,
            ProbabilityCalibration calibration, Double threshold) {
        if (!Aggregation.MEAN.cliName().equals(aggregation)) {
            return new Result(null, "the portable form averages windows; this model aggregates by " + aggregation);
        }
        List<Transformer> stages = new ArrayList<>();
        flatten(saved, stages);
        boolean logVariances = false;
        List<String> inputs = null;
        StandardScalerModel scaler = null;
        PCAModel pca = null;
        LogisticRegressionModel lr = null;
        for (Transformer t : stages) {
            if (t instanceof StringIndexerModel || t instanceof IndexToString) {
                continue; // names classes only
            } else if (t instanceof SQLTransformer) {
                logVariances = true; // PipelineFactory's one SQL stage: the log of the *_var columns
            } else if (t instanceof VectorAssembler assembler) {
                inputs = Arrays.asList(assembler.getInputCols());
            } else if (t instanceof StandardScalerModel s) {
                scaler = s;
            } else if (t instanceof PCAModel p) {
                pca = p;
            } else if (t instanceof LogisticRegressionModel l) {
                lr = l;
            } else {
                return new Result(null, "the portable form holds " + PortableModel.SUPPORTED + " models; this one has a "
                        + t.getClass().getSimpleName() + " stage");
            }
        }
        if (lr == null || scaler == null || inputs == null) {
            return new Result(null, "the portable form holds " + PortableModel.SUPPORTED
                    + " models (assembler, scaler, logistic regression); this pipeline lacks one of them");
        }
        // a multinomial model has one coefficient row per class, a binomial one a single row
        boolean multinomial = lr.coefficientMatrix().numRows() > 1;
        if (!multinomial && genres.size() != 2) {
            return new Result(null, "a binomial logistic regression of " + genres.size() + " classes");
        }
        List<String> columns = featureSet.columns();
        if (inputs.size() != columns.size()) {
            return new Result(null, "the assembler reads " + inputs.size() + " columns, the " + featureSet + " set has "
                    + columns.size());
        }
        int n = columns.size();
        double[] std = scaler.std().toArray();
        double[] mean = scaler.getWithMean() ? scaler.mean().toArray() : new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            scale[i] = !scaler.getWithStd() ? 1 : std[i] != 0 ? 1.0 / std[i] : 0;
        }
        double[][] components = pca == null ? null : rows(pca.pc());
        double[][] coefficients;
        double[] intercepts;
        if (multinomial) {
            coefficients = rows(lr.coefficientMatrix());
            intercepts = lr.interceptVector().toArray();
        } else {
            // binomial as a two-class softmax: margins (0, w·x + b) give MLlib's sigmoid probabilities
            double[] w = lr.coefficients().toArray();
            coefficients = new double[][] {new double[w.length], w};
            intercepts = new double[] {0, lr.intercept()};
        }
        return new Result(new PortableModel("lr", featureSet, columns, logVariances, mean, scale, components,
                coefficients, intercepts, genres,
                calibration == null ? ProbabilityCalibration.identity() : calibration, threshold), null);
    }

    /**
     * Writes {@code <uri>/portable-model.json} for the model saved at {@code uri} (its PipelineModel, calibration and
     * card), when its kind allows; returns why not otherwise (and writes nothing).
     */
    public static String write(SparkSession spark, String uri) {
        JsonNode card = ModelCard.parse(ModelStore.readCard(spark, uri));
        List<String> genres = new ArrayList<>();
        card.path("genres").forEach(g -> genres.add(g.asText()));
        ProbabilityCalibrationModel calibration = ModelStore.loadCalibration(spark, uri);
        JsonNode threshold = card.path(ModelCard.CALIBRATION).path(ModelCard.THRESHOLD);
        Result result = of(ModelStore.loadModel(uri), genres,
                FeatureSetKind.of(card.path("feature_set").asText(FeatureSetKind.DEFAULT.label())),
                card.path("aggregation").asText(Aggregation.MEAN.cliName()),
                calibration == null ? null : calibration.calibration(),
                threshold.isNumber() ? threshold.asDouble() : null);
        if (result.model() != null) {
            ModelStore.writeText(spark.sparkContext().hadoopConfiguration(), new Path(uri, PortableModel.FILE_NAME),
                    result.model().toJson());
        }
        return result.whyNot();
    }

    private static void flatten(PipelineModel model, List<Transformer> out) {
        for (Transformer t : model.stages()) {
            if (t instanceof PipelineModel inner) {
                flatten(inner, out);
            } else {
                out.add(t);
            }
        }
    }

    private static double[][] rows(Matrix m) {
        double[][] out = new double[m.numRows()][m.numCols()];
        for (int i = 0; i < m.numRows(); i++) {
            for (int j = 0; j < m.numCols(); j++) {
                out[i][j] = m.apply(i, j);
            }
        }
        return out;
    }
}
