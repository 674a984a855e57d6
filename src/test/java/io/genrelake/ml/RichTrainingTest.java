package io.genrelake.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.RichFeatureSet;
import io.genrelake.genres.ModelIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on a small rich feature table: every one of its 298 columns reaches the model, the card says the model
 * needs the rich set, and a classify of a gtzan table with that model is refused.
 */
class RichTrainingTest {

    private static SparkSession spark;
    private static final SyntheticFeatures DATA = new SyntheticFeatures(List.of("blues", "jazz", "metal"), 8, 2, 11);

    @TempDir
    static Path dir;

    private static String table;
    private static TrainingOutcome outcome;
    private static String modelDir;

    @BeforeAll
    static void train() {
        spark = SparkTestSession.start("RichTrainingTest");
        table = dir.resolve("rich-table").toString();
        richTable().write().parquet(table);
        TrainOptions options = new TrainOptions(table, dir.resolve("model").toString(), ModelKind.listOf("lr"), 2,
                new PipelineSettings(0, true, 7, 2), Protocol.TRACKS, 0.25, Aggregation.MEAN, 2, true);
        outcome = new Trainer(spark, line -> { }).train(options);
        modelDir = options.modelOut();
        ModelStore.save(spark, outcome, modelDir);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /**
     * The synthetic 57 of each window, then the 241 rich columns: a genre-dependent value plus noise (std and
     * onset_rate columns positive, as real ones are), laid out as the extract job writes a rich table.
     */
    private static Dataset<Row> richTable() {
        StructType schema = new StructType().add("track_id", DataTypes.StringType).add("path", DataTypes.StringType)
                .add("window", DataTypes.IntegerType);
        for (String name : RichFeatureSet.NAMES) {
            schema = schema.add(name, DataTypes.DoubleType);
        }
        schema = schema.add("label", DataTypes.StringType).add("status", DataTypes.StringType)
                .add("extractor_version", DataTypes.StringType).add("feature_set", DataTypes.StringType);
        Random random = new Random(3);
        List<Row> rows = new ArrayList<>();
        for (SyntheticFeatures.Window w : DATA.windows()) {
            Object[] f = new Object[3 + RichFeatureSet.SIZE + 4];
            f[0] = w.trackId();
            f[1] = "file:///music/" + w.genre() + "/" + w.trackId() + ".wav";
            f[2] = w.window();
            for (int i = 0; i < FeatureSet.SIZE; i++) {
                f[3 + i] = w.values()[i];
            }
            int genre = DATA.genres.indexOf(w.genre());
            for (int i = 0; i < RichFeatureSet.EXTRA.size(); i++) {
                double v = genre * ((i % 5) - 2) + 0.5 * random.nextGaussian();
                f[3 + FeatureSet.SIZE + i] = RichFeatureSet.EXTRA.get(i).endsWith("_mean") ? v : Math.exp(v);
            }
            int at = 3 + RichFeatureSet.SIZE;
            f[at] = w.genre();
            f[at + 1] = "ok";
            f[at + 2] = "test-extractor-1";
            f[at + 3] = "rich";
            rows.add(RowFactory.create(f));
        }
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void theModelReadsAllTheRichColumnsAndItsCardSaysSo() throws Exception {
        assertEquals(FeatureSetKind.RICH, outcome.table().featureSet());
        JsonNode card = ModelCard.parse(Files.readString(Path.of(modelDir, ModelCard.FILE_NAME)));
        assertEquals("rich", card.get("feature_set").asText());
        assertEquals(298, card.get("feature_columns").size());
        assertEquals("onset_rate", card.get("feature_columns").get(297).asText());
        assertEquals(FeatureSetKind.RICH, ModelIdentity.of(card, modelDir).featureSet());

        PipelineModel model = ModelStore.loadModel(modelDir);
        VectorAssembler assembler = Arrays.stream(model.stages()).filter(VectorAssembler.class::isInstance)
                .map(VectorAssembler.class::cast).findFirst().orElseThrow();
        List<String> inputs = Arrays.asList(assembler.getInputCols());
        assertEquals(298, inputs.size());
        // the log of variances applies to the _var columns only; _std and the rest go in as they are
        assertTrue(inputs.contains("log_mfcc1_var") && inputs.contains("mel1_std") && inputs.contains("onset_rate"));
        assertEquals(20, inputs.stream().filter(c -> c.startsWith("log_mfcc")).count());
        assertTrue(inputs.stream().noneMatch(c -> c.startsWith("log_") && c.endsWith("_std")));

        assertEquals(DATA.genres.size() * DATA.tracksPerGenre * DATA.windowsPerTrack,
                model.transform(io.genrelake.tables.Table.readAny(spark, table)).count());
    }

    @Test
    void evaluatingARichModelOnAGtzanTableSaysWhatToExtract() throws Exception {
        Path gtzan = DATA.writeCsv(dir.resolve("gtzan.csv"));
        TrainingDataException e = assertThrows(TrainingDataException.class,
                () -> new ModelEvaluation(spark).evaluate(modelDir, gtzan.toString(), null));
        assertTrue(e.getMessage().contains("--feature-set rich"), e.getMessage());
    }

    @Test
    void aGtzanTableIsRefusedByARichModel() {
        ModelIdentity identity = ModelIdentity.of(ModelCard.parse(ModelStore.readCard(spark, modelDir)), modelDir);
        Dataset<Row> gtzan = DATA.extractTable(spark);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new io.genrelake.genres.GenrePredictor(spark, ModelStore.loadModel(modelDir),
                        ModelStore.loadCalibration(spark, modelDir), new io.genrelake.genres.GenreRows(identity, 0L, "2026-01-01")).classify(gtzan));
        assertTrue(e.getMessage().contains("--feature-set rich"), e.getMessage());
    }
}
