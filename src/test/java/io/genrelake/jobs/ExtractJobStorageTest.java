package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.catalogue.TrackId;
import io.genrelake.testing.InProcessHdfs;
import io.genrelake.testing.InProcessS3;
import io.genrelake.testing.Prerequisite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same library read from S3 (S3Proxy in this JVM, through hadoop-aws's s3a://) and from HDFS (a
 * MiniDFSCluster) gives the same rows as from local disk, with the table written to the same store.
 */
class ExtractJobStorageTest {

    private static final String BUCKET = "music";

    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path library;
    static Map<String, List<Row>> local;
    static Set<String> compressed;
    static InProcessS3 s3;
    static MiniDFSCluster hdfs;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start();
        library = dir.resolve("library");
        TestLibrary.writeAll(library);
        // MP3, FLAC, M4A (index after the audio: decoding seeks back in the S3 or HDFS stream), Ogg, Opus
        compressed = TestLibrary.writeCompressed(library).keySet();
        String out = dir.resolve("local-table").toString();
        ExtractJob.run(spark, options(library.toString(), out));
        local = TableRows.read(spark, out).byRelativePath("file:" + library);
        startS3();
        startHdfs();
    }

    /** S3Proxy on a free port of 127.0.0.1 holding the library; Spark's Hadoop configuration points at it. */
    private static void startS3() throws Exception {
        s3 = InProcessS3.start(BUCKET);
        for (Path file : files(library)) {
            s3.put("library/" + library.relativize(file).toString().replace('\\', '/'), file);
        }
        // Credentials go only into the Hadoop configuration (SimpleAWSCredentialsProvider's keys), never a log.
        s3.configure(spark.sparkContext().hadoopConfiguration());
    }

    private static void startHdfs() throws IOException {
        hdfs = InProcessHdfs.start(dir.resolve("hdfs"));
        FileSystem fs = hdfs.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(library.toUri()), new org.apache.hadoop.fs.Path("/library"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hdfs != null) {
            hdfs.shutdown();
        }
        if (s3 != null) {
            s3.close();
        }
        spark.stop();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ExtractOptions options(String input, String output) {
        return new ExtractOptions().inputs(List.of(input)).output(output).windowSeconds(1).minLastWindowSeconds(0.5);
    }

    @Test
    void s3GivesTheSameRowsAsLocalDisk() throws Exception {
        String root = "s3a://" + BUCKET + "/library";
        ExtractSummary summary = ExtractJob.run(spark, options(root, "s3a://" + BUCKET + "/tables/features"));
        assertEquals("s3a://" + BUCKET + "/tables/features", summary.output());
        assertSameAsLocal(TableRows.read(spark, "s3a://" + BUCKET + "/tables/features").byRelativePath(root));
        assertTrue(s3.exists("tables/features/_summary.json"));
    }

    @Test
    void hdfsGivesTheSameRowsAsLocalDisk() throws Exception {
        String root = hdfs.getFileSystem().getUri() + "/library";
        String table = hdfs.getFileSystem().getUri() + "/tables/features";
        ExtractJob.run(spark, options(root, table));
        assertSameAsLocal(TableRows.read(spark, table).byRelativePath(root));
        assertTrue(hdfs.getFileSystem().exists(new org.apache.hadoop.fs.Path("/tables/features/_summary.json")));
    }

    @Test
    void globsWorkOnObjectStores() throws Exception {
        String out = dir.resolve("s3-glob").toString();
        ExtractSummary summary = ExtractJob.run(spark, options("s3a://" + BUCKET + "/library/{blues,jazz}/*.wav", out));
        assertEquals(2, summary.filesListed()); // blues/tone.wav, jazz/short.wav; not blues/._tone.wav
        assertEquals(4, summary.windowsOk());
    }

    @Test
    void compressedFilesAreAmongTheComparedRowsWhenFfmpegCouldMakeThem() {
        // .ci/run installs the ffmpeg tool: under CI its absence fails here instead of skipping
        Prerequisite.require(!compressed.isEmpty(),
                "the ffmpeg tool is not installed: no compressed files in the library");
        for (String name : compressed) {
            assertTrue(local.get(name).stream().allMatch(r -> "ok".equals(r.getAs(FeatureTable.STATUS))),
                    name + ": " + local.get(name));
        }
    }

    /** Every column but the ones naming the store (path, track id, modification time, run time) matches. */
    private static void assertSameAsLocal(Map<String, List<Row>> remote) {
        assertEquals(local.keySet(), remote.keySet());
        List<String> columns = List.of(FeatureTable.SCHEMA.fieldNames());
        for (Map.Entry<String, List<Row>> e : local.entrySet()) {
            List<Row> expected = e.getValue();
            List<Row> actual = remote.get(e.getKey());
            assertEquals(expected.size(), actual.size(), e.getKey());
            for (int i = 0; i < expected.size(); i++) {
                for (String c : columns) {
                    if (List.of(FeatureTable.TRACK_ID, FeatureTable.PATH, FeatureTable.MODIFIED,
                            FeatureTable.EXTRACTED_AT).contains(c)) {
                        continue;
                    }
                    Object want = expected.get(i).getAs(c);
                    Object got = actual.get(i).getAs(c);
                    assertEquals(want, got, e.getKey() + " " + c); // features bit for bit
                }
                Row r = actual.get(i);
                assertEquals(TrackId.of(r.getAs(FeatureTable.PATH)), r.getAs(FeatureTable.TRACK_ID));
            }
        }
    }
}
