package io.genrelake.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time on an output: {@code <folder>/_writer.lock}, created only if absent, names its holder
 * (host, process, run, command) and is refreshed every {@link #HEARTBEAT_MS}; it is deleted on close. A second
 * writer finds it and stops with {@link HeldException}, having touched nothing. A lock whose holder is gone —
 * a process of this host that no longer runs, or a heartbeat older than {@code staleAfterMs} (a driver killed on
 * another host) — is taken over, so a killed run never blocks the next night.
 *
 * <p>Our own because Delta's optimistic concurrency checks each commit, not a run of several commits over
 * several tables. Creating a file only if absent is atomic on HDFS and local disks; S3A checks then writes,
 * so two drivers started within the same second on S3 are not told apart — with Delta's single-driver S3 log
 * store (conf/) a table on S3 must have one writing cluster anyway: schedule one nightly per output.
 */
public final class WriterLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String FILE_NAME = "_writer.lock";
    /** How often the holder refreshes the lock. */
    public static final long HEARTBEAT_MS = 30_000;
    /** A lock not refreshed for this long belongs to a dead driver (default of --lock-timeout-minutes). */
    public static final long DEFAULT_STALE_AFTER_MS = 10 * 60_000;

    /** Another live writer holds the output. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    private final FileSystem fs;
    private final Path file;
    private final String content;
    private final Thread heartbeat;

    private WriterLock(FileSystem fs, Path file, String content) {
        this.fs = fs;
        this.file = file;
        this.content = content;
        this.heartbeat = new Thread(this::beat, "genrelake writer lock " + file);
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    /** Takes the lock of {@code folder} for {@code command}, or throws {@link HeldException} naming its holder. */
    public static WriterLock acquire(Configuration conf, String folder, String command, long staleAfterMs)
            throws IOException, HeldException {
        Path dir = new Path(folder);
        FileSystem fs = dir.getFileSystem(conf);
        Path file = new Path(fs.makeQualified(dir), FILE_NAME);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("host", host());
        me.put("pid", ProcessHandle.current().pid());
        me.put("run", UUID.randomUUID().toString());
        me.put("command", command);
        me.put("since", java.time.Instant.now().toString());
        String content = JSON.writeValueAsString(me);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (create(fs, file, content)) {
                return new WriterLock(fs, file, content);
            }
            String held = read(fs, file);
            String why = stale(fs, file, held, staleAfterMs);
            if (why == null) {
                throw new HeldException(folder + " is being written by another run (" + held + "; lock " + file
                        + "): wait for it to finish; if it is dead, the lock is taken over after "
                        + staleAfterMs / 60_000 + " minutes without a heartbeat");
            }
            LOG.warn("taking over the writer lock {}: {} ({})", file, why, held);
            fs.delete(file, false);
        }
        throw new HeldException("another run took the writer lock " + file + " at the same time");
    }

    private static boolean create(FileSystem fs, Path file, String content) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) { // some file systems say so with a plain IOException
                return false;
            }
            throw e;
        }
    }

    /** Why the lock's holder is gone, or null while it may be alive. */
    private static String stale(FileSystem fs, Path file, String held, long staleAfterMs) throws IOException {
        FileStatus st;
        try {
            st = fs.getFileStatus(file);
        } catch (java.io.FileNotFoundException e) {
            return "released meanwhile";
        }
        long age = System.currentTimeMillis() - st.getModificationTime();
        if (age > staleAfterMs) {
            return "no heartbeat for " + age / 1000 + " s";
        }
        try {
            JsonNode n = JSON.readTree(held);
            if (n.path("host").asText().equals(host())) {
                long pid = n.path("pid").asLong();
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                    return "its process " + pid + " on this host has ended";
                }
            }
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
        return null;
    }

    private static String read(FileSystem fs, Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.FileNotFoundException e) {
            return "{}";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void beat() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(HEARTBEAT_MS);
                try (OutputStream out = fs.create(file, true)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warn("could not refresh the writer lock {}: {}", file, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        heartbeat.interrupt();
        try {
            heartbeat.join(5_000);
            fs.delete(file, false);
        } catch (IOException e) {
            LOG.warn("could not release the writer lock {}: {}", file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
