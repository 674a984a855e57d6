package io.genrelake.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genrelake.catalogue.FeatureTable;
import io.genrelake.catalogue.TestLibrary;
import io.genrelake.catalogue.TrackId;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
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
    static BlobStoreContext blobs;
    static S3Proxy s3;
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

    /** S3Proxy over an in-memory blob store on a free port of 127.0.0.1, with a credential made up here. */
    private static void startS3() throws Exception {
        String identity = "test-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        blobs = ContextBuilder.newBuilder("transient").credentials(identity, secret).overrides(new Properties())
                .build(BlobStoreContext.class);
        s3 = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, secret).build();
        s3.start();
        for (int i = 0; i < 500 && !"STARTED".equals(s3.getState()); i++) {
            Thread.sleep(10);
        }
        assertEquals("STARTED", s3.getState());
        BlobStore store = blobs.getBlobStore();
        store.createContainerInLocation(null, BUCKET);
        for (Path file : files(library)) {
            String key = "library/" + library.relativize(file).toString().replace('\\', '/');
            store.putBlob(BUCKET, store.blobBuilder(key).payload(Files.readAllBytes(file)).build());
        }
        // Credentials go only into the Hadoop configuration (SimpleAWSCredentialsProvider's keys), never a log.
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + s3.getPort());
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", identity);
        conf.set("fs.s3a.secret.key", secret);
    }

    private static void startHdfs() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        FileSystem fs = hdfs.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(library.toUri()), new org.apache.hadoop.fs.Path("/library"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (hdfs != null) {
            hdfs.shutdown();
        }
        if (s3 != null) {
            s3.stop();
        }
        if (blobs != null) {
            blobs.close();
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
        assertTrue(blobs.getBlobStore().blobExists(BUCKET, "tables/features/_summary.json"));
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
        assumeTrue(!compressed.isEmpty(), "the ffmpeg tool is not installed: no compressed files in the library");
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
