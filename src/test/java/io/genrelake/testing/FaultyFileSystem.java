package io.genrelake.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.TaskContext;

/**
 * The local file system under the {@code faulty://} scheme ({@code faulty:///tmp/x} is /tmp/x), failing reads, writes,
 * listings and renames now and then, as a flaky object store or a failing disk does. Register it with
 * {@link #register}.
 *
 * <p>Which operations fail is seeded and repeatable: an operation of kind K on path P fails when a hash of (seed, K,
 * P) falls below the rate, and only the first time (a read fails in the middle of the stream, a write when the stream
 * is closed); the same operation again succeeds, as it would after a transient fault. P is the path with its UUIDs
 * and numbers blanked out (temporary folders, Spark's job and attempt ids), so the faults do not depend on the run
 * and a task's next attempt, writing to a path of its own, counts as the same operation. So a job whose operations
 * are retried (Spark's task attempts) gets through, and one that does not retry an operation fails there. Deletes
 * never fail: they are how a failed job cleans up, and this file system tests the jobs, not their cleanup's cleanup.
 *
 * <p>Hadoop's own test file systems (RawLocalFileSystem subclasses in hadoop-common's tests) are not in the shaded
 * client Spark uses, hence this one.
 */
public final class FaultyFileSystem extends RawLocalFileSystem {

    /** The kinds of operation that fail. */
    public enum Kind { READ, WRITE, LIST, RENAME }

    public static final String SCHEME = "faulty";
    /** Probability, 0..1, that an operation of an enabled kind on a path fails the first time. */
    public static final String RATE = "fs.faulty.rate";
    public static final String SEED = "fs.faulty.seed";
    /** Comma-separated kinds that fail: read, write, list, rename. */
    public static final String KINDS = "fs.faulty.kinds";
    /** true: only operations inside Spark tasks fail (the ones Spark retries), not the driver's. */
    public static final String TASKS_ONLY = "fs.faulty.tasks-only";

    /** Run-specific parts of a path (temporary folders, job and attempt ids, UUIDs), left out of the draw. */
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBERS = Pattern.compile("[0-9]+");
    private static final Map<Kind, AtomicLong> INJECTED = new EnumMap<>(Kind.class);
    /** Operations already failed once, by kind and path: in this JVM, across instances (Spark makes several). */
    private static final Map<String, Boolean> FAILED_ONCE = new ConcurrentHashMap<>();

    static {
        for (Kind k : Kind.values()) {
            INJECTED.put(k, new AtomicLong());
        }
    }

    private double rate;
    private long seed;
    private boolean tasksOnly;
    private final EnumMap<Kind, Boolean> enabled = new EnumMap<>(Kind.class);

    /** Spark/Hadoop settings that make {@code faulty://} this file system with these faults. */
    public static Map<String, String> settings(double rate, long seed, boolean tasksOnly, Kind... kinds) {
        StringBuilder names = new StringBuilder();
        for (Kind k : kinds) {
            names.append(names.length() == 0 ? "" : ",").append(k.name().toLowerCase(Locale.ROOT));
        }
        return Map.of("fs." + SCHEME + ".impl", FaultyFileSystem.class.getName(),
                "fs." + SCHEME + ".impl.disable.cache", "true", // each job sees the settings it was started with
                RATE, Double.toString(rate), SEED, Long.toString(seed), KINDS, names.toString(),
                TASKS_ONLY, Boolean.toString(tasksOnly));
    }

    /** Puts {@link #settings} into {@code conf} (e.g. a SparkContext's Hadoop configuration). */
    public static void register(Configuration conf, double rate, long seed, boolean tasksOnly, Kind... kinds) {
        conf.unset(KINDS);
        settings(rate, seed, tasksOnly, kinds).forEach(conf::set);
    }

    /** Faults injected so far in this JVM. */
    public static long injected(Kind kind) {
        return INJECTED.get(kind).get();
    }

    /** Forgets which operations failed, so that a new run draws afresh; counts restart at 0. */
    public static void reset() {
        FAILED_ONCE.clear();
        INJECTED.values().forEach(c -> c.set(0));
    }

    /** {@code faulty://} + the absolute local path. */
    public static String uri(java.nio.file.Path local) {
        return SCHEME + "://" + local.toAbsolutePath().toUri().getPath();
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        rate = conf.getDouble(RATE, 0);
        seed = conf.getLong(SEED, 0);
        tasksOnly = conf.getBoolean(TASKS_ONLY, false);
        for (String k : conf.getTrimmedStringCollection(KINDS)) {
            enabled.put(Kind.valueOf(k.toUpperCase(Locale.ROOT)), true);
        }
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** True (and counted) when this operation on this path is one that fails, the first time it is asked. */
    private boolean fails(Kind kind, Path path) {
        if (!enabled.containsKey(kind) || tasksOnly && TaskContext.get() == null) {
            return false;
        }
        String key = kind + " " + NUMBERS.matcher(UUIDS.matcher(path.toUri().getPath()).replaceAll("U")).replaceAll("#");
        if (draw(key) >= rate || FAILED_ONCE.putIfAbsent(key, Boolean.TRUE) != null) {
            return false;
        }
        INJECTED.get(kind).incrementAndGet();
        return true;
    }

    /** A uniform number in [0, 1) from the seed and the key (64-bit FNV-1a, then SplitMix64's finaliser). */
    private double draw(String key) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return (h >>> 11) * 0x1.0p-53;
    }

    private static IOException fault(Kind kind, Path path) {
        return new IOException("injected " + kind.name().toLowerCase(Locale.ROOT) + " fault: " + path);
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        FSDataInputStream in = super.open(f, bufferSize);
        if (!fails(Kind.READ, f)) {
            return in;
        }
        long failAt = Math.max(1, getFileStatus(f).getLen() / 2);
        return new FSDataInputStream(new FailingInput(in, failAt, f));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
            short replication, long blockSize, Progressable progress) throws IOException {
        FSDataOutputStream out = super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
        return fails(Kind.WRITE, f) ? new FSDataOutputStream(new FailingOutput(out, f), null) : out;
    }

    @Override
    public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize,
            Progressable progress) throws IOException {
        return create(f, FsPermission.getFileDefault(), overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        if (fails(Kind.LIST, f)) {
            throw fault(Kind.LIST, f);
        }
        FileStatus[] statuses = super.listStatus(f);
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = plain(statuses[i]);
        }
        return statuses;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    /**
     * A plain copy of a local status: RawLocalFileSystem's own reads its permissions lazily through
     * {@code new File(uri)}, which takes file: URIs only. Permissions are the defaults (the jobs never ask).
     */
    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), s.getReplication(), s.getBlockSize(),
                s.getModificationTime(), s.getAccessTime(),
                s.isDirectory() ? FsPermission.getDirDefault() : FsPermission.getFileDefault(), "", "", s.getPath());
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        if (fails(Kind.RENAME, src)) {
            throw fault(Kind.RENAME, src);
        }
        return super.rename(src, dst);
    }

    /** A stream that fails once its position reaches {@code failAt}. */
    private static final class FailingInput extends FSInputStream {
        private final FSDataInputStream in;
        private final long failAt;
        private final Path path;

        FailingInput(FSDataInputStream in, long failAt, Path path) {
            this.in = in;
            this.failAt = failAt;
            this.path = path;
        }

        private void check(long upTo) throws IOException {
            if (upTo > failAt) {
                throw fault(Kind.READ, path);
            }
        }

        @Override
        public int read() throws IOException {
            check(in.getPos() + 1);
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check(in.getPos() + len);
            return in.read(b, off, len);
        }

        @Override
        public void seek(long pos) throws IOException {
            in.seek(pos);
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public boolean seekToNewSource(long targetPos) {
            return false;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A stream whose close fails (after the bytes were written: the file is there but the writer was told no). */
    private static final class FailingOutput extends OutputStream {
        private final FSDataOutputStream out;
        private final Path path;

        FailingOutput(FSDataOutputStream out, Path path) {
            this.out = out;
            this.path = path;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
            throw fault(Kind.WRITE, path);
        }
    }
}
