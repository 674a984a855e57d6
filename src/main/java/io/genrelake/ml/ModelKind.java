package io.genrelake.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The classifiers {@code genrelake train} knows, by their command-line names. */
public enum ModelKind {
    LR("lr", "multinomial logistic regression (elastic net)"),
    RF("rf", "random forest"),
    GBT("gbt", "gradient-boosted trees, one-vs-rest"),
    GBM("gbm", "multinomial gradient-boosted trees (scikit-learn's GradientBoostingClassifier)"),
    SVC("svc", "linear SVM, one-vs-rest"),
    MLP("mlp", "multilayer perceptron"),
    DT("dt", "decision tree"),
    KNN("knn", "k-nearest neighbours"),
    RBFSVM("rbfsvm", "RBF-kernel SVM: random Fourier features + one-vs-rest linear SVM"),
    CNN("cnn", "convolutional network on log-mel patches (needs extract --neural-inputs)"),
    LSTM("lstm", "LSTM network on MFCC sequences (needs extract --neural-inputs)"),
    ENSEMBLE("ensemble", "mean of the class probabilities of the --ensemble-size best probabilistic models above");

    /**
     * What {@code --models} means when not given: every model but MLlib's one-vs-rest GBT, the ensemble last (it
     * needs the others). gbm is the same method done in one multinomial booster: 74.6 % against gbt's 66.3 % on
     * GTZAN at a tenth of the CPU (docs/benchmarks.md), so gbt is trained only when named.
     */
    public static final String DEFAULT_LIST = "lr,rf,gbm,svc,mlp,dt,knn,rbfsvm,ensemble";

    private final String cliName;
    private final String description;

    ModelKind(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Whether the model gives class probabilities of its own (and so can join the ensemble). */
    public boolean probabilistic() {
        return switch (this) {
            case LR, RF, GBM, MLP, DT, KNN, RBFSVM, CNN, LSTM -> true;
            case GBT, SVC, ENSEMBLE -> false;
        };
    }

    /** Whether the model is a neural network reading the stored neural inputs rather than the features. */
    public boolean neural() {
        return this == CNN || this == LSTM;
    }

    /** Parses a name such as {@code rbfsvm} (any case); an unknown name lists the known ones. */
    public static ModelKind of(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ModelKind kind : values()) {
            if (kind.cliName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known models: " + names());
    }

    /** Parses a comma-separated list, keeping its order and dropping repeats; the ensemble always goes last. */
    public static List<ModelKind> listOf(String commaSeparated) {
        List<ModelKind> kinds = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            ModelKind kind = of(part);
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("no model named; known models: " + names());
        }
        if (kinds.remove(ENSEMBLE)) {
            if (kinds.stream().filter(ModelKind::probabilistic).count() < 2) {
                throw new IllegalArgumentException("the ensemble averages other models: name at least two of "
                        + Arrays.stream(values()).filter(ModelKind::probabilistic).map(ModelKind::cliName)
                                .collect(Collectors.joining(",")) + " with it");
            }
            kinds.add(ENSEMBLE);
        }
        return kinds;
    }

    /** The known names, comma-separated. */
    public static String names() {
        return Arrays.stream(values()).map(ModelKind::cliName).collect(Collectors.joining(", "));
    }
}
