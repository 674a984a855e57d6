package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ensemble assembled from its members' cross-validation folds is the ensemble that refitting on each
 * fold gives: same fold accuracies, same probabilities from the model refit on all training rows.
 */
class EnsembleAssemblyTest {

    private static final int FOLDS = 3;
    private static SparkSession spark;
    private static TrainingTable table;
    private static PipelineFactory factory;
    private static SplitPlan split;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        spark = SparkTestSession.start("EnsembleAssemblyTest");
        SyntheticFeatures data = new SyntheticFeatures(List.of("blues", "jazz", "metal", "pop"), 10, 2, 11);
        table = new FeatureTableReader(spark).read(data.writeCsv(dir.resolve("segments.csv")).toString());
        split = SplitPlan.of(spark, table.rows(), Protocol.TRACKS, FOLDS, 0.2, 5);
        StringIndexerModel labels = new StringIndexer().setInputCol(TrainingTable.LABEL)
                .setOutputCol(PipelineFactory.LABEL_INDEX).setStringOrderType("alphabetAsc").fit(table.rows());
        factory = new PipelineFactory(labels, new PipelineSettings(0, true, 3, 2));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void assembledEnsembleEqualsTheEnsembleRefitOnEveryFold() {
        try (ModelSelection selection = new ModelSelection(factory, split, FOLDS, Aggregation.MEAN, false, true,
                true)) {
            ModelResult lr = selection.run(ModelKind.LR);
            ModelResult knn = selection.run(ModelKind.KNN);
            ModelResult rf = selection.run(ModelKind.RF);
            List<ModelResult> members = List.of(knn, lr, rf);
            ModelResult assembled = selection.runEnsemble(members);

            ProbabilityEnsemble refitStage = factory.ensemble(members.stream().map(ModelResult::name).toList(),
                    members.stream().<Estimator<?>>map(m -> (Estimator<?>) m.classifier().copy(m.bestParams())).toList());
            ModelResult refit = selection.crossValidate("ensemble", refitStage, new ParamMap[] {ParamMap.empty()});

            assertArrayEquals(refit.foldAccuracies(), assembled.foldAccuracies(), 0.0);
            assertArrayEquals(refit.foldMacroF1(), assembled.foldMacroF1(), 0.0);
            assertEquals(refit.trainAccuracy(), assembled.trainAccuracy(), 0.0);
            assertEquals(refit.params(), assembled.params());

            List<Row> a = assembled.model().transform(table.rows()).select("probability").collectAsList();
            List<Row> b = refit.model().transform(table.rows()).select("probability").collectAsList();
            assertEquals(b.size(), a.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(((Vector) b.get(i).get(0)).toArray(), ((Vector) a.get(i).get(0)).toArray(), 1e-12,
                        "row " + i);
            }
        }
    }

    @Test
    void anEnsembleIsCrossValidatedAgainWithItsMembersOnAnotherAssignment() {
        ModelResult lr;
        ModelResult knn;
        ModelResult ensemble;
        try (ModelSelection selection = new ModelSelection(factory, split, FOLDS, Aggregation.MEAN, false, true,
                true)) {
            lr = selection.run(ModelKind.LR);
            knn = selection.run(ModelKind.KNN);
            ensemble = selection.runEnsemble(List.of(lr, knn));
        }
        SplitPlan other = split.refolded(spark, Grouping.TRACK, FOLDS, 6);
        try (ModelSelection selection = new ModelSelection(factory, other, FOLDS, Aggregation.MEAN, false, true,
                true)) {
            ModelResult again = Trainer.rerun(ensemble, List.of(lr, knn, ensemble), selection);
            assertEquals("ensemble", again.name());
            assertEquals(ensemble.params(), again.params(), "the same members");
            assertEquals(ensemble.cvConfusion().total(), again.cvConfusion().total(), "every training track scored");
            ModelResult lrAgain = Trainer.rerun(lr, List.of(lr, knn, ensemble), selection);
            assertEquals(lr.params(), lrAgain.params(), "at its chosen grid point");
            assertEquals(1, lrAgain.gridSize());
        }
    }

    @Test
    void anEnsembleOfModelsWhoseFoldsWereNotKeptIsRefused() {
        try (ModelSelection selection = new ModelSelection(factory, split, FOLDS, Aggregation.MEAN, false, true,
                false)) {
            ModelResult lr = selection.run(ModelKind.LR);
            ModelResult knn = selection.run(ModelKind.KNN);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> selection.runEnsemble(List.of(lr, knn)));
            assertEquals("ensemble member lr was not cross-validated by this selection with its folds kept",
                    e.getMessage());
        }
    }
}
