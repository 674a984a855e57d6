package io.genrelake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * An S3 endpoint in this JVM: S3Proxy over jclouds' in-memory blob store, on a free port of 127.0.0.1, with
 * one bucket and a made-up credential (AWS signature v2 or v4). Shared by the tests that reach S3 from other
 * JVMs (spark-submit, executors).
 */
public final class InProcessS3 implements AutoCloseable {

    private static final String SPARK_HADOOP = "spark.hadoop.";

    private final BlobStoreContext blobs;
    private final S3Proxy proxy;
    private final String bucket;
    private final String identity;
    private final String secret;

    private InProcessS3(BlobStoreContext blobs, S3Proxy proxy, String bucket, String identity, String secret) {
        this.blobs = blobs;
        this.proxy = proxy;
        this.bucket = bucket;
        this.identity = identity;
        this.secret = secret;
    }

    /** Starts S3Proxy with an empty {@code bucket}. */
    public static InProcessS3 start(String bucket) throws Exception {
        String identity = "test-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        BlobStoreContext blobs = ContextBuilder.newBuilder("transient").credentials(identity, secret)
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, identity, secret).build();
        proxy.start();
        for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
            Thread.sleep(10);
        }
        if (!"STARTED".equals(proxy.getState())) {
            proxy.stop();
            blobs.close();
            throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
        }
        blobs.getBlobStore().createContainerInLocation(null, bucket);
        return new InProcessS3(blobs, proxy, bucket, identity, secret);
    }

    public String bucket() {
        return bucket;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** The access key id of the made-up credential. */
    public String accessKey() {
        return identity;
    }

    public String secretKey() {
        return secret;
    }

    /**
     * The s3a settings a Spark application needs to reach this endpoint (as spark.hadoop.* properties), with
     * the credential given directly (SimpleAWSCredentialsProvider): for a properties file, never a command line.
     */
    public Properties sparkProperties() {
        Properties p = new Properties();
        p.setProperty("spark.hadoop.fs.s3a.endpoint", endpoint());
        p.setProperty("spark.hadoop.fs.s3a.endpoint.region", "us-east-1");
        p.setProperty("spark.hadoop.fs.s3a.path.style.access", "true");
        p.setProperty("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        p.setProperty("spark.hadoop.fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        p.setProperty("spark.hadoop.fs.s3a.access.key", identity);
        p.setProperty("spark.hadoop.fs.s3a.secret.key", secret);
        return p;
    }

    /**
     * Points a Hadoop configuration (a local Spark's, this JVM's) at this endpoint: {@link #sparkProperties()} without
     * their {@code spark.hadoop.} prefix, as Spark would copy them.
     */
    public void configure(Configuration conf) {
        sparkProperties().forEach((key, value) ->
                conf.set(((String) key).substring(SPARK_HADOOP.length()), (String) value));
    }

    public void put(String key, byte[] bytes) {
        BlobStore store = blobs.getBlobStore();
        store.putBlob(bucket, store.blobBuilder(key).payload(bytes).build());
    }

    public void put(String key, Path file) throws IOException {
        put(key, Files.readAllBytes(file));
    }

    public void remove(String key) {
        blobs.getBlobStore().removeBlob(bucket, key);
    }

    public boolean exists(String key) {
        return blobs.getBlobStore().blobExists(bucket, key);
    }

    /** The object's bytes, or null when there is none. */
    public byte[] get(String key) throws IOException {
        Blob blob = blobs.getBlobStore().getBlob(bucket, key);
        if (blob == null) {
            return null;
        }
        try (InputStream in = blob.getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    /** Keys of the objects under {@code prefix} (every depth), sorted. */
    public List<String> list(String prefix) {
        List<String> keys = new ArrayList<>();
        ListContainerOptions options = ListContainerOptions.Builder.prefix(prefix).recursive();
        BlobStore store = blobs.getBlobStore();
        String marker = null;
        do {
            var page = store.list(bucket, marker == null ? options : options.afterMarker(marker));
            for (StorageMetadata m : page) {
                if (m.getType() == StorageType.BLOB) {
                    keys.add(m.getName());
                }
            }
            marker = page.getNextMarker();
        } while (marker != null);
        keys.sort(null);
        return keys;
    }

    /** Copies every object under {@code from} to the same name under {@code to}; returns how many. */
    public int copyPrefix(String from, String to) throws IOException {
        int n = 0;
        for (String key : list(from)) {
            put(to + key.substring(from.length()), get(key));
            n++;
        }
        return n;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobs.close();
        }
    }
}
