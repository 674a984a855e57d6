package io.genrelake.cli;

import io.genrelake.catalogue.WindowChoice;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.ml.ModelCard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The windows {@code identify} and {@code serve} cut a file into: {@code --window-seconds}, else the model's training
 * window length from the {@code model-card.json} beside its portable form, else 30 s ({@link WindowChoice}); the
 * default minimum final window for that length ({@link WindowPlan#defaultMinLastSeconds}).
 */
final class ModelWindows {

    private ModelWindows() {}

    /** The plan for the model in {@code folder}; a length other than the model's is warned about on {@code err}. */
    static WindowPlan choose(String folder, Double asked, PrintWriter err) throws IOException {
        Path card = Path.of(folder, ModelCard.FILE_NAME);
        Double trained = Files.exists(card) ? ModelCard.windowSeconds(ModelCard.parse(Files.readString(card))) : null;
        WindowChoice choice = WindowChoice.of(asked, trained);
        if (choice.warning() != null) {
            err.println("warning: " + choice.warning());
            err.flush();
        }
        return WindowPlan.ofSeconds(choice.seconds());
    }
}
