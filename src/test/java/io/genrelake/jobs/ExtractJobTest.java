package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genrelake.audio.WavWriter;
import io.genrelake.catalogue.ErrorReason;
import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.catalogue.TrackId;
import io.genrelake.features.ExtractorVersion;
import io.genrelake.features.FeatureSet;
import io.genrelake.features.FeatureSetKind;
import io.genrelake.features.KaggleCsv;
import io.genrelake.features.KaggleRow;
import io.genrelake.features.RichFeatureSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The extract job on local files in Spark local[2]: every kind of input, the summary, reruns, Kaggle tables. */
class ExtractJobTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path library;
    static Map<String, TestLibrary.Expected> expected;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start();
        library = dir.resolve("library");
        expected = TestLibrary.writeAll(library);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static ExtractOptions options(String output, String... inputs) {
        return new ExtractOptions().inputs(List.of(inputs)).output(output)
                .windowSeconds(1).minLastWindowSeconds(0.5).partitions(3);
    }

    @Test
    void goodFilesGetAllTheirWindowsAndEveryBadFileOneErrorRow() throws Exception {
        Path work = Files.createDirectories(dir.resolve("all"));
        Path lib = work.resolve("library");
        Map<String, TestLibrary.Expected> files = TestLibrary.writeAll(lib);
        String doomed = TestLibrary.writeDoomed(lib);
        String out = work.resolve("table").toString();

        ExtractSummary summary = ExtractJob.run(spark, options(out, lib.toString()), listing -> {
            assertTrue(listing.audioFiles().stream().anyMatch(f -> f.path().endsWith(doomed)), "listed");
            try {
                Files.delete(lib.resolve(doomed)); // gone between listing and reading
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });

        Map<String, List<Row>> byFile = TableRows.read(spark, out).byRelativePath("file:" + lib);
        assertEquals(files.size() + 1, byFile.size(), byFile.keySet().toString());
        int windows = 0;
        for (Map.Entry<String, TestLibrary.Expected> e : files.entrySet()) {
            List<Row> rows = byFile.get(e.getKey());
            String name = e.getKey();
            if (e.getValue().errorKind() == null) {
                windows += e.getValue().windows();
                assertEquals(e.getValue().windows(), rows.size(), name);
                for (int k = 0; k < rows.size(); k++) {
                    Row r = rows.get(k);
                    assertEquals("ok", r.getAs(FeatureTable.STATUS), name);
                    assertEquals(k, (int) r.getAs(FeatureTable.WINDOW), name);
                    assertEquals(k * 1.0, (double) r.getAs(FeatureTable.START_S), 1e-9, name);
                    assertNull(r.getAs(FeatureTable.ERROR));
                    assertEquals(name.substring(0, name.indexOf('/')), r.getAs(FeatureTable.LABEL));
                    for (String feature : FeatureSet.NAMES) {
                        assertTrue(Double.isFinite(r.<Double>getAs(feature)), name + " " + feature);
                    }
                }
            } else {
                assertEquals(1, rows.size(), name);
                Row r = rows.get(0);
                assertEquals("error", r.getAs(FeatureTable.STATUS), name);
                assertEquals(e.getValue().errorKind(), ErrorReason.kindOf(r.getAs(FeatureTable.ERROR)), name);
                assertNull(r.getAs(FeatureTable.WINDOW));
                assertNull(r.getAs("tempo"));
            }
        }
        List<Row> gone = byFile.get(doomed);
        assertEquals(1, gone.size());
        assertEquals(ErrorReason.NOT_FOUND, ErrorReason.kindOf(gone.get(0).getAs(FeatureTable.ERROR)));

        // the summary counts what the table holds
        long bad = files.values().stream().filter(x -> x.errorKind() != null).count() + 1;
        assertEquals(files.size() + 1, summary.filesListed());
        assertEquals(files.size() + 1 - bad, summary.filesOk());
        assertEquals(bad, summary.filesError());
        assertEquals(windows, summary.windowsOk());
        assertEquals(2, summary.filesSkipped()); // cover.jpg and the hidden AppleDouble file
        assertEquals(Map.of("unsupported format", 2L, "empty file", 1L, "zero duration", 1L, "too short", 1L,
                "truncated", 1L, "corrupt", 1L, "not found", 1L), summary.errorsByReason());
        assertEquals((2.6 + 2.3 + 0.4 + 2.0 + 1.5 + 1.2) / 3600, summary.hoursOfAudio(), 1e-6);
        assertEquals(3, summary.partitions());
        assertTrue(summary.clipsPerMinute() > 0);
        assertTrue(summary.tasks().decodeSeconds() > 0 && summary.tasks().featureSeconds() > 0);

        // ... and is written inside the table for schedulers
        JsonNode json = new ObjectMapper().readTree(work.resolve("table/_summary.json").toFile());
        assertEquals(summary.filesOk(), json.get("files_ok").asLong());
        assertEquals(0, json.get("decoder_fallbacks").asLong());
        assertEquals(bad, json.get("files_error").asLong());
        assertEquals(2, json.get("errors_by_reason").get("unsupported format").asInt());
        assertEquals(windows, json.get("windows_ok").asLong());
        assertEquals(ExtractorVersion.CURRENT, json.get("extractor_version").asText());
        // and nothing of the run is left beside the table
        try (Stream<Path> siblings = Files.list(work)) {
            assertEquals(List.of("library", "table"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void rowsIdentifyTheirFileAndRun() throws Exception {
        String out = dir.resolve("ids").toString();
        long before = System.currentTimeMillis();
        String log;
        List<String> descriptions = new CopyOnWriteArrayList<>();
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart job) {
                descriptions.add(String.valueOf(job.properties().getProperty("spark.job.description")));
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try (LogCapture capture = new LogCapture()) {
            ExtractJob.run(spark, options(out, library.resolve("blues").toString()));
            log = capture.text();
            // Listener events arrive asynchronously: deliver every queued one before the listener goes (a
            // polling loop here raced with the removal, which drops the events still queued).
            spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        // Spark's UI says what runs
        assertTrue(descriptions.stream().anyMatch(d -> d.matches(
                "genrelake extract: 1 audio files \\(0 MB\\) in 1 partitions, 1.0-s windows → file:.*/ids")),
                descriptions.toString());
        assertTrue(descriptions.stream().anyMatch(d -> d.startsWith("genrelake extract: counting rows of file:")),
                descriptions.toString());
        // one progress line per partition, and the summary
        assertTrue(log.matches("(?s).*PartitionExtraction: extract partition 0: 1 files, 3 windows, 0 errors, "
                + "0 decoder fallbacks, [0-9.]+ s \\(decode [0-9.]+ s, features [0-9.]+ s, tags [0-9.]+ s\\).*"), log);
        assertTrue(log.matches("(?s).*ExtractJob: extract: wrote file:.*/ids \\(version 0\\): 3 windows of 1 files, 0 files with errors.*"),
                log);
        List<Row> rows = TableRows.read(spark, out).rows();
        assertEquals(3, rows.size());
        Path tone = library.resolve("blues/tone.wav");
        for (Row r : rows) {
            assertEquals("file:" + tone, r.getAs(FeatureTable.PATH));
            assertEquals(TrackId.of("file:" + tone), r.getAs(FeatureTable.TRACK_ID));
            assertEquals(Files.size(tone), (long) r.getAs(FeatureTable.SIZE));
            assertEquals(Files.getLastModifiedTime(tone).toMillis(), ((Timestamp) r.getAs(FeatureTable.MODIFIED)).getTime());
            assertEquals(2.6, (double) r.getAs(FeatureTable.DURATION_S), 1e-4);
            assertEquals("pcm_s16le", r.getAs(FeatureTable.CODEC));
            assertEquals("wav", r.getAs(FeatureTable.DECODER));
            assertEquals(22050, (int) r.getAs(FeatureTable.SAMPLE_RATE_IN));
            assertEquals(1, (int) r.getAs(FeatureTable.CHANNELS_IN));
            assertEquals(ExtractorVersion.CURRENT, r.getAs(FeatureTable.EXTRACTOR_VERSION));
            long at = ((Timestamp) r.getAs(FeatureTable.EXTRACTED_AT)).getTime();
            assertTrue(at >= before - 1000 && at <= System.currentTimeMillis(), "extracted_at " + at);
        }
        Row last = rows.stream().filter(r -> TableRows.window(r) == 2).findFirst().orElseThrow();
        assertEquals(2.0, (double) last.getAs(FeatureTable.START_S), 1e-9);
        assertEquals(2.6, (double) last.getAs(FeatureTable.END_S), 1e-4);
    }

    @Test
    void aRerunReplacesTheTableInsteadOfAddingRows() throws Exception {
        String out = dir.resolve("rerun").toString();
        ExtractOptions opts = options(out, library.resolve("jazz").toString(), library.resolve("rock").toString());
        ExtractJob.run(spark, opts);
        List<Row> first = TableRows.read(spark, out).rows();
        Timestamp firstRun = first.get(0).getAs(FeatureTable.EXTRACTED_AT);
        Thread.sleep(5);
        ExtractJob.run(spark, opts);
        List<Row> second = TableRows.read(spark, out).rows();
        assertEquals(3, second.size()); // jazz/short.wav: 1 window, rock/noise.WAV: 2
        assertEquals(first.size(), second.size());
        assertEquals(second.size(), second.stream()
                .map(r -> r.getAs(FeatureTable.TRACK_ID) + "#" + r.getAs(FeatureTable.WINDOW)).distinct().count());
        assertTrue(second.stream().allMatch(r -> !firstRun.equals(r.getAs(FeatureTable.EXTRACTED_AT))),
                "every row is from the second run");
    }

    @Test
    void defaultWindowsAreThirtySecondsAndThreeSecondWindowsGiveTheThreeSecondLayout() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("long/pop"));
        WavWriter.writePcm16(lib.resolve("song.wav"), TestLibrary.music(61, 262, 9), 22050);   // 30 + 30, 1 dropped
        WavWriter.writePcm16(lib.resolve("clip.wav"), TestLibrary.music(5, 392, 10), 22050);   // the only window
        String out30 = dir.resolve("long30").toString();
        ExtractJob.run(spark, new ExtractOptions().inputs(List.of(lib.toString())).output(out30));
        Map<String, List<Row>> w30 = TableRows.read(spark, out30).byRelativePath("file:" + lib);
        assertEquals(List.of(0.0, 30.0), starts(w30.get("song.wav")));
        assertEquals(List.of(30.0, 60.0), ends(w30.get("song.wav")));
        assertEquals(List.of(5.0), ends(w30.get("clip.wav")));

        Path three = Files.createDirectories(dir.resolve("three/pop"));
        WavWriter.writePcm16(three.resolve("seven.wav"), TestLibrary.music(7, 262, 11), 22050);
        String out3 = dir.resolve("table3").toString();
        ExtractJob.run(spark, new ExtractOptions().inputs(List.of(three + "/seven.wav")).output(out3).windowSeconds(3));
        List<Row> w3 = TableRows.read(spark, out3).byRelativePath("file:" + three).get("seven.wav");
        assertEquals(List.of(0.0, 3.0), starts(w3)); // the 1-s rest is under the 10-s minimum
        assertEquals(List.of(3.0, 6.0), ends(w3));
    }

    private static List<Double> starts(List<Row> rows) {
        return rows.stream().map(r -> Math.round((double) r.getAs(FeatureTable.START_S) * 1e6) / 1e6).toList();
    }

    private static List<Double> ends(List<Row> rows) {
        return rows.stream().map(r -> Math.round((double) r.getAs(FeatureTable.END_S) * 1e6) / 1e6).toList();
    }

    @Test
    void ingestsAKaggleTableBesideTheAudio() throws Exception {
        Path csv = dir.resolve("kaggle/features_30_sec.csv");
        Files.createDirectories(csv.getParent());
        double[] values = new double[FeatureSet.SIZE];
        Arrays.setAll(values, i -> i * 0.5);
        try (KaggleCsv.Writer w = KaggleCsv.create(csv)) {
            w.write(new KaggleRow("blues.00000.wav", 661794, values, "blues"));
            w.write(new KaggleRow("jazz.00001.wav", 661504, values, "jazz"));
        }
        String out = dir.resolve("with-kaggle").toString();
        ExtractSummary summary = ExtractJob.run(spark, options(out, csv.toString(), library.resolve("jazz").toString()));
        List<Row> rows = TableRows.read(spark, out).rows();
        List<Row> kaggle = rows.stream().filter(r -> "kaggle-csv".equals(r.getAs(FeatureTable.CODEC))).toList();
        assertEquals(2, kaggle.size());
        assertEquals(3, rows.size()); // plus jazz/short.wav
        Row blues = kaggle.stream().filter(r -> "blues".equals(r.getAs(FeatureTable.LABEL))).findFirst().orElseThrow();
        assertEquals("file:" + csv + "#blues.00000.wav", blues.getAs(FeatureTable.PATH));
        assertEquals(0, (int) blues.getAs(FeatureTable.WINDOW));
        assertEquals("ok", blues.getAs(FeatureTable.STATUS));
        assertEquals(661794 / 22050.0, (double) blues.getAs(FeatureTable.DURATION_S), 1e-12);
        assertEquals(8.0, (double) blues.getAs("tempo")); // index 16 × 0.5
        assertEquals(2, summary.kaggleRows());
        assertEquals(1, summary.filesOk());
        assertEquals(0.4 / 3600, summary.hoursOfAudio(), 1e-9); // Kaggle rows are not audio read here
    }

    @Test
    void aLabelsTableReplacesFolderNames() throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.csv"), "path,label\ntone.wav,delta blues\n");
        String out = dir.resolve("labelled").toString();
        ExtractJob.run(spark, options(out, library.resolve("blues").toString()).labels(labels.toString()));
        assertTrue(TableRows.read(spark, out).rows().stream()
                .allMatch(r -> "delta blues".equals(r.getAs(FeatureTable.LABEL))));
    }

    @Test
    void aLabelsTableWithArtistAndAlbumFillsThoseColumns() throws Exception {
        Path labels = Files.writeString(dir.resolve("tagged.csv"),
                "path,genre,artist,album,tag_genre\ntone.wav,blues,Son House,\"Delta, Vol. 2\",Blues\n");
        String out = dir.resolve("tagged").toString();
        ExtractJob.run(spark, options(out, library.resolve("blues").toString()).labels(labels.toString()));
        List<Row> rows = TableRows.read(spark, out).rows();
        assertFalse(rows.isEmpty());
        for (Row r : rows) {
            assertEquals("blues", r.getAs(FeatureTable.LABEL));
            assertEquals("Son House", r.getAs(FeatureTable.ARTIST));
            assertEquals("Delta, Vol. 2", r.getAs(FeatureTable.ALBUM));
        }
    }

    @Test
    void theSparkSubmitEntryPointTakesTheCommandsOptions() throws Exception {
        String out = dir.resolve("submitted").toString();
        int code = new CommandLine(new ExtractJob()).execute("--input", library.resolve("jazz").toString(),
                "--output", out, "--window-seconds", "1", "--min-last-window-seconds", "0.5");
        assertEquals(0, code);
        assertEquals(1, TableRows.read(spark, out).rows().size()); // jazz/short.wav, its only window
        assertEquals(2, new CommandLine(new ExtractJob()).execute("--input", "x")); // no --output: usage error
        assertTrue(!spark.sparkContext().isStopped(), "a session the job joined is left running");
    }

    @Test
    void theRichFeatureSetAddsItsColumnsAndSaysSoKeepingTheFiftySevenBitForBit() throws Exception {
        String rich = dir.resolve("rich").toString();
        String gtzan = dir.resolve("gtzan").toString();
        String[] common = {"--input", library.resolve("blues").toString(), "--window-seconds", "1",
            "--min-last-window-seconds", "0.5"};
        assertEquals(0, new CommandLine(new ExtractJob()).execute(concat(common, "--output", rich, "--feature-set", "rich")));
        assertEquals(0, new CommandLine(new ExtractJob()).execute(concat(common, "--output", gtzan)));

        List<String> columns = Arrays.asList(io.genrelake.tables.Table.readAny(spark, rich).columns());
        assertEquals(Arrays.asList(FeatureTable.schema(FeatureSetKind.RICH).fieldNames()), columns);
        assertEquals(298, columns.stream().filter(RichFeatureSet.NAMES::contains).count());
        assertEquals(columns.indexOf(FeatureTable.EXTRACTOR_VERSION) + 1, columns.indexOf(FeatureTable.FEATURE_SET));

        Map<String, Row> richRows = byWindow(TableRows.read(spark, rich).rows());
        Map<String, Row> gtzanRows = byWindow(TableRows.read(spark, gtzan).rows());
        assertEquals(gtzanRows.keySet(), richRows.keySet());
        assertFalse(richRows.isEmpty());
        for (Map.Entry<String, Row> e : richRows.entrySet()) {
            Row r = e.getValue();
            Row g = gtzanRows.get(e.getKey());
            assertEquals("rich", r.getAs(FeatureTable.FEATURE_SET));
            assertEquals("gtzan", g.getAs(FeatureTable.FEATURE_SET));
            assertEquals(ExtractorVersion.CURRENT, r.getAs(FeatureTable.EXTRACTOR_VERSION));
            if (!"ok".equals(r.getAs(FeatureTable.STATUS))) {
                continue;
            }
            for (String feature : RichFeatureSet.NAMES) {
                assertTrue(Double.isFinite(r.<Double>getAs(feature)), e.getKey() + " " + feature);
            }
            for (String feature : FeatureSet.NAMES) {
                assertEquals(g.<Double>getAs(feature), r.<Double>getAs(feature), e.getKey() + " " + feature);
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Map<String, Row> byWindow(List<Row> rows) {
        Map<String, Row> out = new java.util.TreeMap<>();
        for (Row r : rows) {
            out.put(r.getAs(FeatureTable.PATH) + "#" + r.getAs(FeatureTable.WINDOW), r);
        }
        return out;
    }

    @Test
    void inputsWithNothingToExtractWriteNoTable() {
        String out = dir.resolve("nothing").toString();
        NoInputException e = assertThrows(NoInputException.class,
                () -> ExtractJob.run(spark, options(out, dir.resolve("no-such-dir").toString())));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertFalse(Files.exists(Path.of(out)));
        assertNotEquals(null, e.getMessage());
    }
}
