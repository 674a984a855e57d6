package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.jobs.LocalSpark;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genrelake show} of a local Delta table: read in this JVM by Delta Kernel, with no Spark started, and printed
 * as Spark's reading prints it — table, CSV and JSON ({@code --master} asks for Spark).
 */
class ShowCommandDeltaTest {

    @TempDir
    static Path dir;
    static String table;

    @BeforeAll
    static void write() {
        SparkSession spark = LocalSpark.start();
        table = dir.resolve("current").toString();
        StructType schema = new StructType().add("track_id", DataTypes.StringType).add("genre", DataTypes.StringType)
                .add("confidence", DataTypes.DoubleType)
                .add("probabilities", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
                .add("top_genres", DataTypes.createArrayType(DataTypes.StringType))
                .add("classified_at", DataTypes.TimestampType).add("status", DataTypes.StringType)
                .add("run_date", DataTypes.DateType);
        List<Row> rows = new ArrayList<>();
        String[] genres = {"rock", "jazz", "pop", "metal", "blues"};
        for (int i = 0; i < 12; i++) {
            String g = genres[i % 5];
            rows.add(RowFactory.create("t" + i, g, 0.5 + i / 40.0,
                    scala.jdk.javaapi.CollectionConverters.asScala(Map.of(g, 0.5 + i / 40.0, "other", 0.25)),
                    scala.jdk.javaapi.CollectionConverters.asScala(List.of(g, "other")).toSeq(),
                    Timestamp.valueOf("2026-12-0" + (1 + i % 3) + " 03:00:00"), i % 4 == 0 ? "uncertain" : "ok",
                    Date.valueOf("2026-12-0" + (1 + i % 3))));
        }
        spark.createDataFrame(rows, schema).repartition(3).write().format("delta").partitionBy("run_date").save(table);
        // No session left for show to borrow: each run with --master starts (and stops) its own, and one without
        // must start none.
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    /** The output's header lines, then its rows sorted: which rows come first is no part of a read. */
    private static List<String> linesSorted(String out, int header) {
        List<String> lines = List.of(out.split("\n"));
        List<String> result = new ArrayList<>(lines.subList(0, header));
        result.addAll(lines.subList(header, lines.size()).stream().sorted().toList());
        return result;
    }

    @Test
    void aLocalTablePrintsAsSparkPrintsItWithoutStartingSpark() {
        List<String[]> asks = List.of(new String[] {"--limit", "100"},
                new String[] {"--limit", "100", "--format", "csv"},
                new String[] {"--limit", "100", "--columns", "Genre,track_id,probabilities", "--format", "csv"},
                new String[] {"--limit", "100", "--format", "json"});
        for (String[] ask : asks) {
            assertEquals(12, printedAlike(ask), String.join(" ", ask));
        }
    }

    @Test
    void aFilterOfComparisonsIsEvaluatedWithoutStartingSpark() {
        // rows 0–11: genre rock, jazz, pop, metal, blues in turn; confidence 0.5 + i/40; uncertain when i % 4 == 0;
        // run_date 2026-12-01 + i % 3
        assertEquals(2, printedAlike("--where", "genre = 'rock' AND confidence > 0.6"));
        assertEquals(6, printedAlike("--where", "status = 'uncertain' OR run_date = '2026-12-02'", "--format", "csv"));
        assertEquals(3, printedAlike("--where", "GENRE in ('jazz', 'pop') AND NOT run_date <=> DATE '2026-12-03'",
                "--columns", "track_id,genre", "--format", "json"));
        assertEquals(12, printedAlike("--where", "top_genres IS NOT NULL AND (confidence >= 0.5 OR genre IS NULL)"));
        System.setProperty("spark.master", "no-spark-here://0");
        try {
            CliRun none = CliRun.of("show", table, "--where", "genre = 'polka'");
            assertEquals(0, none.exitCode(), none.transcript());
            assertEquals("show: no rows where genre = 'polka'\n", none.err(), none.transcript());
        } finally {
            System.clearProperty("spark.master");
        }
    }

    @Test
    void aFilterBeyondComparisonsIsSparks() throws Exception {
        CliRun like = CliRun.of("show", table, "--where", "genre LIKE 'r%' AND confidence > 0.6", "--format", "csv");
        assertEquals(0, like.exitCode(), like.transcript());
        assertEquals(3, like.out().split("\n").length, like.transcript()); // the header and rows 5 and 10
        CliRun unknown = CliRun.of("show", table, "--where", "mood = 'calm'");
        assertEquals(1, unknown.exitCode(), unknown.transcript()); // Spark's analysis names the column
        assertTrue(unknown.err().contains("mood"), unknown.transcript());
        Path ansiOff = dir.resolve("ansi-off.properties"); // changes how Spark casts a filter's literals
        java.nio.file.Files.writeString(ansiOff, "spark.sql.ansi.enabled=false\n");
        Path shipped = dir.resolve("shipped.properties"); // settings of the shipped conf files change no filter
        java.nio.file.Files.writeString(shipped, "spark.sql.shuffle.partitions=8\nspark.sql.sources.commitProtocolClass="
                + "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol\n");
        System.setProperty("spark.master", "no-spark-here://0");
        try {
            CliRun sql = CliRun.of("show", table, "--where", "genre = 'rock'", "--conf", ansiOff.toString());
            assertNotEquals(0, sql.exitCode(), sql.transcript()); // Spark was asked for, and could not start
            CliRun kernel = CliRun.of("show", table, "--where", "genre = 'rock'", "--conf", shipped.toString());
            assertEquals(0, kernel.exitCode(), kernel.transcript());
            assertEquals(2 + 3, kernel.out().split("\n").length, kernel.transcript()); // rows 0, 5 and 10
        } finally {
            System.clearProperty("spark.master");
        }
    }

    /**
     * Runs {@code show} with {@code ask} both ways, Spark forbidden for the Kernel run, and checks that both print the
     * same (rows sorted): the number of rows printed.
     */
    private static int printedAlike(String... ask) {
        List<String> args = new ArrayList<>(List.of("show", table));
        args.addAll(List.of(ask));
        CliRun withSpark = CliRun.of(withMaster(args));
        CliRun kernel;
        System.setProperty("spark.master", "no-spark-here://0"); // any SparkSession started now fails
        try {
            kernel = CliRun.of(args.toArray(new String[0]));
        } finally {
            System.clearProperty("spark.master");
        }
        assertEquals(0, kernel.exitCode(), kernel.transcript());
        assertEquals(0, withSpark.exitCode(), withSpark.transcript());
        int header = List.of(ask).contains("csv") ? 1 : List.of(ask).contains("json") ? 0 : 2;
        assertEquals(linesSorted(withSpark.out(), header), linesSorted(kernel.out(), header), String.join(" ", ask));
        return kernel.out().split("\n").length - header;
    }

    private static String[] withMaster(List<String> args) {
        List<String> spark = new ArrayList<>(args);
        spark.addAll(List.of("--master", "local[1]"));
        return spark.toArray(new String[0]);
    }

    @Test
    void theSettingThatStopsSparkWouldStopASparkRead() { // so that the test above can fail
        System.setProperty("spark.master", "no-spark-here://0");
        try {
            CliRun filtered = CliRun.of("show", table, "--where", "genre LIKE 'r%'");
            assertNotEquals(0, filtered.exitCode(), filtered.transcript());
        } finally {
            System.clearProperty("spark.master");
        }
    }

    @Test
    void aMissingColumnOrTableIsAnErrorNamingIt() {
        CliRun column = CliRun.of("show", table, "--columns", "track_id,mood");
        assertEquals(1, column.exitCode(), column.transcript());
        assertTrue(column.err().contains("'mood'") && column.err().contains("probabilities"), column.transcript());
        CliRun nothing = CliRun.of("show", dir.resolve("nothing").toString());
        assertEquals(1, nothing.exitCode(), nothing.transcript());
        assertTrue(nothing.err().contains("nothing is there"), nothing.transcript());
    }

    @Test
    void aSettingThatChangesWhatSparkGivesBackSendsTheReadToSpark() throws Exception {
        Path caseSensitive = dir.resolve("case-sensitive.properties");
        java.nio.file.Files.writeString(caseSensitive, "spark.sql.caseSensitive=true\n");
        CliRun anyCase = CliRun.of("show", table, "--columns", "GENRE", "--limit", "1");
        assertEquals(0, anyCase.exitCode(), anyCase.transcript());
        CliRun exactCase = CliRun.of("show", table, "--columns", "GENRE", "--limit", "1", "--conf",
                caseSensitive.toString());
        assertEquals(1, exactCase.exitCode(), exactCase.transcript()); // Spark's rule: no column GENRE
        assertTrue(exactCase.err().contains("GENRE"), exactCase.transcript());
        Path kathmandu = dir.resolve("kathmandu.properties"); // +05:45: a zone no test machine is likely to be in
        java.nio.file.Files.writeString(kathmandu, "spark.sql.session.timeZone=Asia/Kathmandu\n");
        CliRun json = CliRun.of("show", table, "--format", "json", "--columns", "classified_at", "--limit", "1",
                "--conf", kathmandu.toString());
        assertEquals(0, json.exitCode(), json.transcript());
        assertTrue(json.out().matches("\\{\"classified_at\":\"2026-12-0[1-3]T\\d\\d:\\d\\d:00\\.000\\+05:45\"}\n"),
                json.transcript()); // Spark's session zone, not this JVM's
    }

    @Test
    void aLimitAndAnEarlierVersion() {
        CliRun three = CliRun.of("show", table, "--limit", "3", "--columns", "track_id");
        assertEquals(0, three.exitCode(), three.transcript());
        assertEquals(2 + 3, three.out().split("\n").length, three.transcript());
        CliRun none = CliRun.of("show", table, "--as-of-version", "0", "--limit", "0");
        assertEquals(0, none.exitCode(), none.transcript());
        assertEquals(2, none.out().split("\n").length, none.transcript()); // the header and its rule
        CliRun later = CliRun.of("show", table, "--as-of-version", "5", "--limit", "1");
        assertEquals(1, later.exitCode(), later.transcript()); // Kernel has no version 5: Spark says so
        assertTrue(later.err().contains("version"), later.transcript());
    }
}
