package io.genrelake.jobs;

import io.genrelake.features.ExtractorVersion;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.genres.GenreTable;
import io.genrelake.genres.ModelIdentity;
import io.genrelake.genres.RunRecord;
import io.genrelake.genres.StateStore;
import io.genrelake.jobs.NightlyJob.NightlyRefusal;
import io.genrelake.ml.FeatureCompatibility;
import io.genrelake.ml.ModelCard;
import io.genrelake.ml.ModelStore;
import io.genrelake.tables.GenreTables;
import io.genrelake.tables.NightlyState;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a nightly run will do, decided before it lists anything: the model and the run's record, the previous
 * run it compares with, whether the model or the extractor changed since (reclassify from the feature store;
 * extract everything again), and whether it retries a killed attempt of its date. Refuses, changing nothing,
 * a model the nightly run cannot serve, a date before the latest run, or settings another state was made with.
 *
 * @param previous     the date of the run compared with, empty for a first run
 * @param modelChanged the previous run used another model: unchanged tracks are reclassified from stored features
 * @param reextract    the stored features are of another extractor version: every file is extracted again
 * @param retry        genre rows of this date exist without a finished run: a killed attempt, replaced
 */
record NightlyPlan(ModelIdentity model, RunRecord record, Optional<String> previous, boolean modelChanged,
        boolean reextract, boolean retry) {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyPlan.class);

    static NightlyPlan decide(SparkSession spark, NightlyOptions options, String runDate, NightlyState state,
            GenreTables out) throws IOException, NightlyRefusal {
        com.fasterxml.jackson.databind.JsonNode card = ModelCard.parse(ModelStore.readCard(spark, options.model()));
        ModelIdentity model = ModelIdentity.of(card, options.model());
        if (model.featureSet() != FeatureSetKind.GTZAN) {
            // its feature store holds one set; a rich store (and a switch between sets) is not built yet
            throw new NightlyRefusal("the model needs the " + model.featureSet() + " feature set and the nightly "
                    + "run extracts the gtzan set only: classify with genrelake classify, which extracts the "
                    + "model's set");
        }
        if (io.genrelake.ml.NeuralStages.present(ModelStore.loadModel(options.model()))) {
            // the feature store keeps no neural inputs yet (they would add ~210 kB per window to it)
            throw new NightlyRefusal("the model holds a neural network (cnn, lstm), whose inputs the nightly "
                    + "feature store does not keep: classify with genrelake classify, which extracts them");
        }
        String versionMismatch = FeatureCompatibility.mismatchWithThisBuild(card);
        if (versionMismatch != null) {
            throw new NightlyRefusal(versionMismatch);
        }
        RunRecord record = new RunRecord(runDate, model.id(), ExtractorVersion.CURRENT, options.windowSeconds(),
                options.minLastWindowSeconds());
        List<String> dates = state.runDates();
        if (!dates.isEmpty() && dates.get(dates.size() - 1).compareTo(runDate) > 0) {
            throw new NightlyRefusal("run date " + runDate + " is before the latest run, "
                    + dates.get(dates.size() - 1) + ": nightly runs go forward (rerun the latest date, or start "
                    + "a new --state)");
        }
        Optional<String> previous = StateStore.previous(dates, runDate);
        boolean modelChanged = false;
        boolean reextract = false;
        if (previous.isPresent()) {
            RunRecord before = state.record(previous.get());
            // Another extractor's stored features are extracted again (below); other windows need a new state.
            String why = before.incompatibility(new RunRecord(runDate, model.id(), before.extractorVersion(),
                    options.windowSeconds(), options.minLastWindowSeconds()));
            if (why != null) {
                throw new NightlyRefusal(why + ": start a new --state (a full run) for these settings");
            }
            modelChanged = !before.modelId().equals(model.id());
            reextract = !before.extractorVersion().equals(ExtractorVersion.CURRENT);
            if (reextract) {
                LOG.warn("nightly {}: the stored features are of extractor {}, this build's is {}: every file is "
                        + "extracted again", runDate, before.extractorVersion(), ExtractorVersion.CURRENT);
            }
        }
        // A date with genre rows but no finished run: an attempt killed midway, which this run replaces.
        boolean retry = !dates.contains(runDate) && out.genres().exists()
                && !out.genres().read().where(GenreTable.RUN_DATE + " = DATE'" + runDate + "'").isEmpty();

        return new NightlyPlan(model, record, previous, modelChanged, reextract, retry);
    }
}
