package io.genrelake.catalogue;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The one spelling of a file's path that the table stores and track ids are made from: fully qualified
 * by its Hadoop file system (scheme and authority filled in, relative paths made absolute, {@code .},
 * {@code ..} and doubled slashes removed), with the scheme and host in lower case. So {@code /m/a.wav},
 * {@code file:///m/./a.wav} and {@code FILE:/m//a.wav} are all {@code file:/m/a.wav}.
 */
public final class CataloguePath {

    private CataloguePath() {}

    /** Normalises a path the user typed, qualifying it with the file system of its scheme. */
    public static String normalise(String path, Configuration conf) throws IOException {
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        return normalise(fs.makeQualified(p));
    }

    /** Normalises an already qualified path (as file systems return in listings). */
    public static String normalise(Path qualified) {
        URI uri = qualified.toUri();
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("not a qualified path: " + qualified);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getAuthority();
        if (authority != null) {
            int at = authority.lastIndexOf('@'); // user info keeps its case; the host does not have one
            authority = authority.substring(0, at + 1) + authority.substring(at + 1).toLowerCase(Locale.ROOT);
        }
        return new Path(scheme, authority, uri.getPath()).toString();
    }
}
