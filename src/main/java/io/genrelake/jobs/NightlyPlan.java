package io.genrelake.jobs;

import io.genrelake.catalogue.WindowChoice;
import io.genrelake.catalogue.WindowPlan;
import io.genrelake.features.ExtractorVersion;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import io.genrelake.genres.RunRecord;
import io.genrelake.genres.StateStore;
import io.genrelake.jobs.NightlyJob.NightlyRefusal;
import io.genrelake.ml.FeatureCompatibility;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelStore;
import io.genrelake.ml.NeuralStages;
import io.genrelake.tables.GenreTables;
import io.genrelake.tables.NightlyState;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a nightly run will do, decided before it lists anything: the model and the run's record, the previous
 * run it compares with, whether the model or the extractor changed since (reclassify from the feature store;
 * extract everything again), and whether it retries a killed attempt of its date. Refuses, changing nothing,
 * a model the nightly run cannot serve, a date before the latest run, or settings another state was made with.
 *
 * <p>The run extracts the feature set its model needs ({@code gtzan}, or {@code rich}: the 57 columns and more).
 * When the previous run stored a set without the model's columns (gtzan rows for a rich model), every file is
 * extracted again; rich rows serve a gtzan model as they are. As for the neural inputs below, a run after a gtzan
 * run re-extracts even tracks an earlier rich run stored, rather than read which rows have which set.
 *
 * <p>A model holding a neural network (cnn, lstm, or an ensemble with one) needs each window's inputs, which
 * the feature store keeps only for runs of such a model ({@link RunRecord#neuralInputs}): the run extracts with
 * inputs, and when the previous run's model was not neural its stored rows lack them, so every file is extracted
 * again, as for another extractor version. That re-extracts more than strictly needed after a feature model
 * that kept earlier neural rows, but knowing which rows have inputs would mean reading the store's largest
 * columns; the switch is rare and costs one full night.
 *
 * @param pipeline     the model's MLlib pipeline, loaded once here for the run (a load is a Spark job per stage)
 * @param previous     the date of the run compared with, empty for a first run
 * @param modelChanged the previous run used another model: unchanged tracks are reclassified from stored features
 * @param reextract    the stored features are of another extractor version, or lack the columns (a feature
 *                     set's, the neural inputs) the model needs: every file is extracted again
 * @param neuralInputs the model holds a neural network: files are extracted with its inputs
 * @param retry        genre rows of this date exist without a finished run: a killed attempt, replaced
 */
record NightlyPlan(ModelIdentity model, PipelineModel pipeline, RunRecord record, Optional<String> previous,
        boolean modelChanged, boolean reextract, boolean neuralInputs, boolean retry) {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyPlan.class);

    static NightlyPlan decide(SparkSession spark, NightlyOptions options, String runDate, NightlyState state,
            GenreTables out) throws IOException, NightlyRefusal {
        com.fasterxml.jackson.databind.JsonNode card = ModelCard.parse(ModelStore.readCard(spark, options.model()));
        ModelIdentity model = ModelIdentity.of(card, options.model());
        PipelineModel pipeline = ModelStore.loadModel(options.model());
        boolean neural = NeuralStages.present(pipeline);
        String versionMismatch = FeatureCompatibility.mismatchWithThisBuild(card);
        if (versionMismatch != null) {
            throw new NightlyRefusal(versionMismatch);
        }
        WindowChoice windows = WindowChoice.of(options.askedWindowSeconds(), model.windowSeconds());
        if (windows.warning() != null) {
            LOG.warn("nightly {}: {}", runDate, windows.warning());
        }
        LOG.info("nightly {}: {}", runDate, windows.describe());
        List<String> dates = state.runDates();
        if (!dates.isEmpty() && dates.get(dates.size() - 1).compareTo(runDate) > 0) {
            throw new NightlyRefusal("run date " + runDate + " is before the latest run, "
                    + dates.get(dates.size() - 1) + ": nightly runs go forward (rerun the latest date, or start "
                    + "a new --state)");
        }
        Optional<String> previous = StateStore.previous(dates, runDate);
        RunRecord before = previous.isPresent() ? state.record(previous.get()) : null;
        double minLast = minLastWindowSeconds(options.askedMinLastWindowSeconds(), windows.seconds(), before);
        RunRecord record = new RunRecord(runDate, model.id(), ExtractorVersion.CURRENT, windows.seconds(), minLast,
                neural, model.featureSet());
        boolean modelChanged = false;
        boolean reextract = false;
        if (before != null) {
            // Another extractor's stored features are extracted again (below); other windows need a new state.
            String why = before.incompatibility(new RunRecord(runDate, model.id(), before.extractorVersion(),
                    windows.seconds(), minLast));
            if (why != null) {
                // name where this run's windows came from: a new model can change them without any option
                throw new NightlyRefusal(why + "; this run's length comes from " + windows.origin()
                        + ": start a new --state (a full run) for these settings");
            }
            modelChanged = !before.modelId().equals(model.id());
            reextract = !before.extractorVersion().equals(ExtractorVersion.CURRENT);
            if (reextract) {
                LOG.warn("nightly {}: the stored features are of extractor {}, this build's is {}: every file is "
                        + "extracted again", runDate, before.extractorVersion(), ExtractorVersion.CURRENT);
            } else if (neural && !before.neuralInputs()) {
                reextract = true;
                LOG.warn("nightly {}: model {} holds a neural network and the features stored by {} carry no "
                        + "neural inputs: every file is extracted again, with them", runDate, model.id(),
                        previous.get());
            } else if (!before.featureSet().columns().containsAll(model.featureSet().columns())) {
                reextract = true;
                LOG.warn("nightly {}: model {} needs the {} feature set and the features stored by {} are the {} "
                        + "set: every file is extracted again, with it", runDate, model.id(), model.featureSet(),
                        previous.get(), before.featureSet());
            }
        }
        // A date with genre rows but no finished run: an attempt killed midway, which this run replaces.
        boolean retry = !dates.contains(runDate) && out.genres().exists()
                && !out.genres().read().where(GenreTable.RUN_DATE + " = DATE'" + runDate + "'").isEmpty();

        return new NightlyPlan(model, pipeline, record, previous, modelChanged, reextract, neural, retry);
    }

    /**
     * The minimum final window of this run: the one asked for; else, for a state that goes on in windows of the same
     * length, the state's own (a state made when the default was another stays consistent); else the default for
     * these windows ({@link WindowPlan#defaultMinLastSeconds}).
     */
    static double minLastWindowSeconds(Double asked, double windowSeconds, RunRecord before) {
        if (asked != null) {
            return asked;
        }
        if (before != null && before.windowSeconds() == windowSeconds) {
            return before.minLastWindowSeconds();
        }
        return WindowPlan.defaultMinLastSeconds(windowSeconds);
    }
}
