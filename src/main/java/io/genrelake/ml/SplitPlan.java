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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Where every row goes: the hold-out test set or a cross-validation fold of the training set. Rows are
 * placed by unit: the track under {@link Protocol#TRACKS}, the single segment under
 * {@link Protocol#LEAKY_SEGMENTS}. Adds {@link #UNIT} (the group whose rows are scored together) and
 * {@link #FOLD} (int, 0 … k-1; -1 in the test set).
 *
 * @param train      training rows, with their fold
 * @param test       held-out rows (empty when the test fraction is 0)
 * @param trainUnits number of units (tracks or segments) in training
 * @param testUnits  number held out
 */
public record SplitPlan(Dataset<Row> train, Dataset<Row> test, long trainUnits, long testUnits) {

    public static final String UNIT = "unit_id";
    public static final String FOLD = "fold";

    public static SplitPlan of(SparkSession spark, Dataset<Row> rows, Protocol protocol, int folds,
            double testFraction, long seed) {
        Dataset<Row> withUnit = rows.withColumn(UNIT, protocol == Protocol.TRACKS ? col(TrainingTable.TRACK_ID)
                : concat(col(TrainingTable.TRACK_ID), lit("#"), col(TrainingTable.WINDOW).cast("string")));
        List<GroupedFolds.Unit> units = new ArrayList<>();
        for (Row r : withUnit.select(UNIT, TrainingTable.LABEL).distinct().collectAsList()) {
            units.add(new GroupedFolds.Unit(r.getString(0), r.getString(1)));
        }
        Set<String> test = new HashSet<>(GroupedFolds.holdOut(units, testFraction, seed));
        List<GroupedFolds.Unit> trainUnits = units.stream().filter(u -> !test.contains(u.id())).toList();
        Map<String, Integer> foldOf = GroupedFolds.assign(trainUnits, folds, seed);
        List<Row> assignment = new ArrayList<>(units.size());
        for (GroupedFolds.Unit u : units) {
            assignment.add(RowFactory.create(u.id(), test.contains(u.id()) ? -1 : foldOf.get(u.id())));
        }
        StructType schema = new StructType().add(UNIT, DataTypes.StringType, false)
                .add(FOLD, DataTypes.IntegerType, false);
        Dataset<Row> placed = withUnit.join(broadcast(spark.createDataFrame(assignment, schema)), UNIT);
        return new SplitPlan(placed.filter(col(FOLD).geq(0)), placed.filter(col(FOLD).lt(0)),
                trainUnits.size(), test.size());
    }
}
