package io.genrelake.scoring;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model that ships with genrelake ({@code models/default/} of the checkout: logistic regression trained on the
 * public GTZAN table by {@code bin/train-default-model}; its card says how well it does), used by {@code identify},
 * {@code serve} and {@code classify} when {@code --model} is not given. {@code bin/genrelake} tells the JVM where
 * the checkout is ({@code -Dgenrelake.home}); without it, {@code models/default} under the working directory.
 */
public final class DefaultModel {

    /** The folder, relative to the checkout. */
    public static final String FOLDER = "models/default";
    /** The system property naming the checkout, set by bin/genrelake. */
    public static final String HOME_PROPERTY = "genrelake.home";

    private DefaultModel() {}

    /** The default model's folder, or null when there is none to find. */
    public static Path folder() {
        String home = System.getProperty(HOME_PROPERTY);
        Path folder = (home == null ? Path.of("") : Path.of(home)).resolve(FOLDER).toAbsolutePath();
        return Files.isDirectory(folder) ? folder : null;
    }

    /** {@code --model}'s value, or the default model's folder; a reason when neither is there. */
    public static String orDefault(String model) {
        if (model != null && !model.isBlank()) {
            return model;
        }
        Path folder = folder();
        if (folder == null) {
            throw new IllegalArgumentException("--model: no model given and no default model found (" + FOLDER
                    + " of the checkout, which bin/genrelake names with -D" + HOME_PROPERTY + ")");
        }
        return folder.toString();
    }
}
