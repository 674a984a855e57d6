package io.genrelake.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * SHA-256 of a training input, for the model card: of a file, its bytes; of a folder (a Parquet
 * table), the bytes of its data files in path order, leaving out Hadoop's side files
 * ({@code _SUCCESS}, {@code .crc}, names starting with {@code _} or {@code .}). Read through Hadoop's
 * FileSystem, so it works for file://, hdfs:// and s3a:// alike.
 */
public final class InputFingerprint {

    private InputFingerprint() {}

    public static String sha256(String uri, Configuration conf) {
        try {
            Path root = new Path(uri);
            FileSystem fs = root.getFileSystem(conf);
            List<Path> files = new ArrayList<>();
            FileStatus status = fs.getFileStatus(root);
            if (status.isDirectory()) {
                RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
                while (it.hasNext()) {
                    Path p = it.next().getPath();
                    String name = p.getName();
                    if (!name.startsWith("_") && !name.startsWith(".") && !name.endsWith(".crc")) {
                        files.add(p);
                    }
                }
                files.sort(null);
            } else {
                files.add(root);
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                try (InputStream in = fs.open(file)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }
}
