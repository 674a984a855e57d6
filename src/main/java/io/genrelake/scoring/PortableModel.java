package io.genrelake.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.ml.ProbabilityCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers of a trained linear model, in a JSON file a plain-Java scorer reads without Spark
 * ({@code portable-model.json} beside the PipelineModel, written by {@code genrelake train} for the model kinds
 * {@link #SUPPORTED} names). The same chain as the saved pipeline ({@code ml.PipelineFactory}): the feature set's
 * columns → ln(max(v, 0) + 1e-10) of each {@code *_var} column (when {@code log_variances}) → standardisation
 * (MLlib's StandardScalerModel: (x − mean) / std, 0 where std is 0) → PCA (optional: x · principal components) →
 * multinomial logistic regression (softmax of coefficients · x + intercepts) → the mean of a track's windows →
 * the calibration map → {@code uncertain} below the threshold.
 *
 * @param kind          the classifier, one of {@link #SUPPORTED}
 * @param featureSet    the feature set the model reads
 * @param featureColumns the columns in input order (the feature set's)
 * @param logVariances  whether the {@code *_var} columns are logged before scaling
 * @param mean          the scaler's means (zeros when it does not centre)
 * @param scale         the scaler's multipliers, 1 / std (0 where std is 0; ones when it does not scale)
 * @param pca           principal components, one row per input column (k columns); null without PCA
 * @param coefficients  per class, the classifier's weights on its input
 * @param intercepts    per class, the intercept
 * @param genres        the genres in class-index order
 * @param calibration   the track-level calibration map (identity when the model has none)
 * @param threshold     below this calibrated confidence a track is {@code uncertain}; null for none
 */
public record PortableModel(String kind, FeatureSetKind featureSet, List<String> featureColumns, boolean logVariances,
        double[] mean, double[] scale, double[][] pca, double[][] coefficients, double[] intercepts, List<String> genres,
        ProbabilityCalibration calibration, Double threshold) {

    /** The file's name in a model folder. */
    public static final String FILE_NAME = "portable-model.json";
    /** The classifiers the portable form holds: multinomial logistic regression. */
    public static final List<String> SUPPORTED = List.of("lr");
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public PortableModel {
        featureColumns = List.copyOf(featureColumns);
        genres = List.copyOf(genres);
        int inputs = pca == null ? featureColumns.size() : pca[0].length;
        if (mean.length != featureColumns.size() || scale.length != featureColumns.size()) {
            throw new IllegalArgumentException("scaler of " + mean.length + " columns for " + featureColumns.size());
        }
        if (coefficients.length != genres.size() || intercepts.length != genres.size()
                || coefficients[0].length != inputs) {
            throw new IllegalArgumentException("classifier of " + coefficients.length + " × " + coefficients[0].length
                    + " for " + genres.size() + " genres and " + inputs + " inputs");
        }
    }

    /** Reads {@code <model>/portable-model.json}; a folder without one gets a reason that says what to do. */
    public static PortableModel read(Path modelFolder) throws IOException {
        Path file = modelFolder.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(modelFolder + " has no " + FILE_NAME + ": genrelake train writes it for "
                    + SUPPORTED + " models only (train with --models lr), or score with genrelake classify", e);
        }
        if (root.path("format").asInt() != FORMAT) {
            throw new IOException(file + ": format " + root.path("format") + ", this genrelake reads " + FORMAT);
        }
        JsonNode cal = root.path("calibration");
        JsonNode threshold = root.path("threshold");
        return new PortableModel(root.path("kind").asText(), FeatureSetKind.of(root.path("feature_set").asText()),
                strings(root.path("feature_columns")), root.path("log_variances").asBoolean(),
                vector(root.path("mean")), vector(root.path("scale")),
                root.path("pca").isArray() ? matrix(root.path("pca")) : null,
                matrix(root.path("coefficients")), vector(root.path("intercepts")), strings(root.path("genres")),
                new ProbabilityCalibration(cal.path("method").asText(ProbabilityCalibration.NONE),
                        cal.path("temperature").asDouble(1), vector(cal.path("confidences")),
                        vector(cal.path("calibrated"))),
                threshold.isNumber() ? threshold.asDouble() : null);
    }

    /** Writes the model as {@code <folder>/portable-model.json}. */
    public void write(Path modelFolder) {
        try {
            Files.writeString(modelFolder.resolve(FILE_NAME), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + modelFolder.resolve(FILE_NAME), e);
        }
    }

    /** The file's text (numbers as Jackson prints doubles: shortest round-trip form, so reading gives the same bits). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", kind);
        root.put("feature_set", featureSet.label());
        root.set("feature_columns", JSON.valueToTree(featureColumns));
        root.put("log_variances", logVariances);
        root.set("mean", JSON.valueToTree(mean));
        root.set("scale", JSON.valueToTree(scale));
        if (pca != null) {
            root.set("pca", JSON.valueToTree(pca));
        }
        root.set("coefficients", JSON.valueToTree(coefficients));
        root.set("intercepts", JSON.valueToTree(intercepts));
        root.set("genres", JSON.valueToTree(genres));
        ObjectNode cal = root.putObject("calibration");
        cal.put("method", calibration.method());
        cal.put("temperature", calibration.temperature());
        cal.set("confidences", JSON.valueToTree(calibration.confidences()));
        cal.set("calibrated", JSON.valueToTree(calibration.calibrated()));
        if (threshold != null) {
            root.put("threshold", threshold);
        }
        return root.toPrettyString() + "\n";
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static double[] vector(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(array.get(i));
        }
        return out;
    }
}
