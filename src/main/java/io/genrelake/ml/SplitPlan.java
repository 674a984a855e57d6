package io.genrelake.ml;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where every row goes: the hold-out test set or a cross-validation fold of the training set. Rows are
 * placed by unit: the track under {@link Protocol#TRACKS}, the single segment under
 * {@link Protocol#LEAKY_SEGMENTS}; units of one group (a {@link Grouping}: track, artist, album) share a
 * fold and a side of the test split. Or, from a {@link FixedSplit}: its train and valid tracks are folds 0
 * and 1, its test tracks the test set. Adds {@link #UNIT} (the group whose rows are scored together) and
 * {@link #FOLD} (int, 0 … k-1; -1 in the test set).
 *
 * @param train      training rows, with their fold
 * @param test       held-out rows (empty when the test fraction is 0)
 * @param trainUnits number of units (tracks or segments) in training
 * @param testUnits  number held out
 * @param folds      number of cross-validation folds
 * @param leftOut    tracks a fixed split does not name, left out of training and test (0 otherwise)
 * @param warnings   what the caller should tell the user about the folds (genres with too few groups)
 */
public record SplitPlan(Dataset<Row> train, Dataset<Row> test, long trainUnits, long testUnits, int folds,
        long leftOut, List<String> warnings) {

    public static final String UNIT = "unit_id";
    public static final String FOLD = "fold";

    public SplitPlan {
        warnings = List.copyOf(warnings);
    }

    /** A plan with nothing left out and nothing to warn of (its fold count unknown: 0). */
    public SplitPlan(Dataset<Row> train, Dataset<Row> test, long trainUnits, long testUnits) {
        this(train, test, trainUnits, testUnits, 0, 0, List.of());
    }

    /** Folds and test split grouped by track (segment under the leaky protocol). */
    public static SplitPlan of(SparkSession spark, Dataset<Row> rows, Protocol protocol, int folds,
            double testFraction, long seed) {
        return of(spark, rows, protocol, Grouping.TRACK, folds, testFraction, seed);
    }

    /** Folds and test split stratified by genre and grouped by {@code grouping} (which must be set on every row). */
    public static SplitPlan of(SparkSession spark, Dataset<Row> rows, Protocol protocol, Grouping grouping, int folds,
            double testFraction, long seed) {
        Dataset<Row> withUnit = rows.withColumn(UNIT, protocol == Protocol.TRACKS ? col(TrainingTable.TRACK_ID)
                : concat(col(TrainingTable.TRACK_ID), lit("#"), col(TrainingTable.WINDOW).cast("string")));
        boolean grouped = protocol == Protocol.TRACKS && grouping != Grouping.TRACK;
        List<GroupedFolds.Unit> units = new ArrayList<>();
        for (Row r : withUnit.select(col(UNIT), col(TrainingTable.LABEL), col(grouping.column())).distinct()
                .collectAsList()) {
            units.add(grouped ? new GroupedFolds.Unit(r.getString(0), r.getString(1), r.getString(2))
                    : new GroupedFolds.Unit(r.getString(0), r.getString(1)));
        }
        Set<String> test = new HashSet<>(GroupedFolds.holdOut(units, testFraction, seed));
        List<GroupedFolds.Unit> trainUnits = units.stream().filter(u -> !test.contains(u.id())).toList();
        Map<String, Integer> foldOf = GroupedFolds.assign(trainUnits, folds, seed);
        List<String> warnings = new ArrayList<>();
        List<String> sparse = GroupedFolds.genresWithFewerGroups(trainUnits, folds);
        if (grouped && !sparse.isEmpty()) {
            warnings.add("genres with fewer " + grouping.cliName() + "s than folds (" + folds + "), so some folds "
                    + "validate none of them: " + String.join(", ", sparse));
        }
        List<Row> assignment = new ArrayList<>(units.size());
        for (GroupedFolds.Unit u : units) {
            assignment.add(RowFactory.create(u.id(), test.contains(u.id()) ? -1 : foldOf.get(u.id())));
        }
        Dataset<Row> placed = withUnit.join(broadcast(spark.createDataFrame(assignment, assignmentSchema())), UNIT);
        return new SplitPlan(placed.filter(col(FOLD).geq(0)), placed.filter(col(FOLD).lt(0)),
                trainUnits.size(), test.size(), folds, 0, warnings);
    }

    /**
     * The plan of a fixed split: its train tracks are fold 0, its valid tracks fold 1 (so cross-validation
     * fits on one and scores the other, both ways round), its test tracks the test set; tracks it does not
     * name are left out and counted.
     */
    public static SplitPlan fixed(SparkSession spark, Dataset<Row> rows, FixedSplit split) {
        Dataset<Row> withUnit = rows.withColumn(UNIT, col(TrainingTable.TRACK_ID));
        List<Row> assignment = new ArrayList<>();
        Map<String, int[]> perGenre = new TreeMap<>(); // tracks in fold 0, fold 1
        long train = 0;
        long test = 0;
        long leftOut = 0;
        for (Row r : withUnit.select(UNIT, TrainingTable.NAME, TrainingTable.LABEL).distinct().collectAsList()) {
            String part = split.splitOf().get(r.getString(1));
            if (part == null) {
                leftOut++;
                continue;
            }
            int fold = switch (part) {
                case FixedSplit.TRAIN -> 0;
                case FixedSplit.VALID -> 1;
                default -> -1;
            };
            assignment.add(RowFactory.create(r.getString(0), fold));
            if (fold >= 0) {
                train++;
                perGenre.computeIfAbsent(r.getString(2), g -> new int[2])[fold]++;
            } else {
                test++;
            }
        }
        if (train == 0 || test == 0) {
            throw new TrainingDataException(split.uri() + " names " + train + " training and " + test + " test tracks "
                    + "of the feature table (" + leftOut + " tracks not named); it names tracks by file name, e.g. "
                    + split.splitOf().keySet().iterator().next());
        }
        List<String> warnings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        perGenre.forEach((genre, n) -> {
            if (n[0] == 0 || n[1] == 0) {
                missing.add(genre + " (train " + n[0] + ", valid " + n[1] + ")");
            }
        });
        if (!missing.isEmpty()) {
            warnings.add("genres missing from the split's train or valid part, so one CV direction never sees "
                    + "them: " + String.join(", ", missing));
        }
        Dataset<Row> placed = withUnit.join(broadcast(spark.createDataFrame(assignment, assignmentSchema())), UNIT);
        return new SplitPlan(placed.filter(col(FOLD).geq(0)), placed.filter(col(FOLD).lt(0)), train, test, 2,
                leftOut, warnings);
    }

    /**
     * The same training and test rows with the training tracks dealt afresh into {@code folds} folds grouped by
     * track only: the comparison figure beside a grouped evaluation.
     */
    public SplitPlan regroupedByTrack(SparkSession spark, int folds, long seed) {
        return refolded(spark, Grouping.TRACK, folds, seed);
    }

    /**
     * The same training units in {@code folds} folds assigned again with {@code seed}, stratified by genre and
     * grouped by {@code grouping} (whose column the training rows carry); the test set is kept. Another seed
     * gives another assignment: {@code train --fold-repeats} cross-validates the chosen model on several.
     */
    public SplitPlan refolded(SparkSession spark, Grouping grouping, int folds, long seed) {
        boolean grouped = grouping != Grouping.TRACK;
        List<GroupedFolds.Unit> units = new ArrayList<>();
        Dataset<Row> keys = grouped ? train.select(col(UNIT), col(TrainingTable.LABEL), col(grouping.column()))
                : train.select(col(UNIT), col(TrainingTable.LABEL));
        for (Row r : keys.distinct().collectAsList()) {
            units.add(grouped ? new GroupedFolds.Unit(r.getString(0), r.getString(1), r.getString(2))
                    : new GroupedFolds.Unit(r.getString(0), r.getString(1)));
        }
        Map<String, Integer> foldOf = GroupedFolds.assign(units, folds, seed);
        List<Row> assignment = new ArrayList<>(units.size());
        foldOf.forEach((unit, fold) -> assignment.add(RowFactory.create(unit, fold)));
        Dataset<Row> regrouped = train.drop(FOLD)
                .join(broadcast(spark.createDataFrame(assignment, assignmentSchema())), UNIT);
        return new SplitPlan(regrouped, test, trainUnits, testUnits, folds, leftOut, List.of());
    }

    private static StructType assignmentSchema() {
        return new StructType().add(UNIT, DataTypes.StringType, false).add(FOLD, DataTypes.IntegerType, false);
    }
}
