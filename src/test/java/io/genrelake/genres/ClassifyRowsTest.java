package io.genrelake.genres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.ml.ModelCard;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import scala.collection.Seq;

/** The genre table's rows, built without Spark: scores, top genres, model ids, error and deleted rows. */
class ClassifyRowsTest {

    private static final ModelIdentity MODEL = new ModelIdentity("lr@2026-01-01T00:00:00Z#abc", List.of("blues",
            "jazz", "metal", "pop"), "mean");

    @Test
    void topGenresAreTheMostProbableInOrderWithTiesInModelOrder() {
        GenreScores s = new GenreScores(MODEL.genres(), new double[] {0.1, 0.4, 0.1, 0.4});
        assertEquals(List.of(new GenreScores.Ranked("jazz", 0.4), new GenreScores.Ranked("pop", 0.4),
                new GenreScores.Ranked("blues", 0.1)), s.top(3));
        assertEquals("jazz", s.genre(), "MLlib's arg-max takes the first of equal probabilities");
        assertEquals(0.4, s.confidence());
        assertEquals(List.of("blues", "jazz", "metal", "pop"), List.copyOf(s.asMap().keySet()));
        assertEquals(2, new GenreScores(List.of("a", "b"), new double[] {0.3, 0.7}).top(3).size());
        assertThrows(IllegalArgumentException.class, () -> new GenreScores(List.of("a"), new double[] {0.5, 0.5}));
    }

    @Test
    void anOkRowCarriesEveryColumnOfTheSchemaInOrder() {
        Row r = new GenreRows(MODEL, 1_000L, "2026-02-01").ok("t1", "file:/m/a.wav", 3, "0.1.0",
                new double[] {0.7, 0.1, 0.15, 0.05});
        assertEquals(GenreTable.SCHEMA.size(), r.size());
        assertEquals("metal", ((Row) ((Seq<?>) r.get(4)).apply(1)).getString(0));
        assertEquals(List.of("t1", "file:/m/a.wav", "blues", 0.7), List.of(r.get(0), r.get(1), r.get(2), r.get(3)));
        assertEquals(3, r.get(6));
        assertEquals(MODEL.id(), r.get(7));
        assertEquals("ok", r.get(10));
        assertNull(r.get(11));
        assertNull(r.get(12)); // no tag genre
        assertEquals(false, r.get(13));
        assertEquals("2026-02-01", r.get(14).toString());
    }

    @Test
    void theTagIsDisputedOnlyWhereTheModelIsConfidentInAnotherGenreItKnows() {
        GenreRows rows = new GenreRows(MODEL, 1_000L, "2026-02-01");
        double[] bluesSure = {0.7, 0.1, 0.15, 0.05};
        int tag = GenreTable.SCHEMA.fieldIndex(GenreTable.TAG_GENRE);
        int disputed = GenreTable.SCHEMA.fieldIndex(GenreTable.TAG_DISAGREES);
        Row agrees = rows.ok("t1", "p", 1, "v", bluesSure, "blues");
        assertEquals(List.of("blues", false), List.of(agrees.get(tag), agrees.get(disputed)));
        Row disagrees = rows.ok("t1", "p", 1, "v", bluesSure, "pop");
        assertEquals(List.of("pop", true), List.of(disagrees.get(tag), disagrees.get(disputed)));
        assertEquals(false, rows.ok("t1", "p", 1, "v", bluesSure, "world").get(disputed)); // a genre it cannot say
        assertEquals(false, rows.ok("t1", "p", 1, "v", bluesSure, null).get(disputed));
        // Below the calibrated threshold the model is not confident: uncertain, and no dispute.
        GenreRows calibrated = new GenreRows(ModelIdentity.of(ModelCard.parse("{\"genres\":[\"blues\",\"jazz\","
                + "\"metal\",\"pop\"],\"best_model\":\"lr\",\"created_at\":\"2026-01-05T10:00:00Z\","
                + "\"training_data_sha256\":\"3f2a9c01b7de55aa\",\"calibration\":{\"threshold\":0.8}}"), "m"),
                1_000L, "2026-02-01");
        Row unsure = calibrated.ok("t1", "p", 1, "v", bluesSure, "pop");
        assertEquals(List.of(GenreTable.STATUS_UNCERTAIN, false), List.of(unsure.get(10), unsure.get(disputed)));
        assertEquals(true, calibrated.ok("t1", "p", 1, "v", new double[] {0.9, 0.05, 0.03, 0.02}, "pop")
                .get(disputed));
        Row error = rows.error("t2", "p", "v", "truncated: x", "jazz");
        assertEquals("jazz", error.get(tag));
        assertNull(error.get(disputed));
    }

    @Test
    void errorAndDeletedRowsHaveNoGenre() {
        GenreRows rows = new GenreRows(MODEL, 1_000L, "2026-02-01");
        Row error = rows.error("t2", "file:/m/b.wav", "0.1.0", "truncated: data ends at byte 44");
        assertEquals(List.of("error", "truncated: data ends at byte 44"), List.of(error.get(10), error.get(11)));
        assertNull(error.get(2));
        Row deleted = rows.deleted("t3", "file:/m/c.wav");
        assertEquals("deleted", deleted.get(10));
        assertNull(deleted.get(3));
        assertEquals(0, deleted.get(6));
    }

    @Test
    void theModelIdNamesTheModelItsCreationAndItsTrainingData() {
        var card = ModelCard.parse("{\"genres\":[\"a\",\"b\"],\"best_model\":\"rf\",\"created_at\":\"2026-01-05T10:00:00Z\","
                + "\"training_data_sha256\":\"3f2a9c01b7de55aa\",\"aggregation\":\"vote\"}");
        ModelIdentity id = ModelIdentity.of(card, "m");
        assertEquals("rf@2026-01-05T10:00:00Z#3f2a9c01b7de", id.id());
        assertEquals(List.of("a", "b"), id.genres());
        assertEquals("vote", id.aggregation());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelIdentity.of(ModelCard.parse("{\"best_model\":\"rf\"}"), "s3a://m/model"));
        assertTrue(e.getMessage().contains("s3a://m/model"), e.getMessage());
    }

    @Test
    void runDatesAreIsoDates() {
        assertEquals("2026-02-01", RunDate.orToday("2026-02-01"));
        assertThrows(IllegalArgumentException.class, () -> RunDate.parse("01/02/2026"));
        assertEquals(10, RunDate.orToday(null).length());
    }
}
