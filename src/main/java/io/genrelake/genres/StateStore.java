package io.genrelake.genres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The earlier plain-Parquet layout of a nightly state location (now Delta tables: {@code
 * io.genrelake.tables.NightlyState}, which converts this one in place), and the date arithmetic the nightly run
 * still uses ({@link #previous}, {@link #expired}):
 * <pre>
 *   &lt;state&gt;/catalogue/run_date=D/     snapshot of the catalogue after run D (Parquet) + _run.json
 *   &lt;state&gt;/features/run_date=D/      features extracted by run D (the feature table's layout)
 *   &lt;state&gt;/_staging/&lt;D&gt;-&lt;run id&gt;/   a run in progress
 *   &lt;state&gt;/_publish.json             the journal of a publication in progress
 * </pre>
 * A snapshot folder exists only once its run has published everything: it is the last move.
 */
public final class StateStore {

    private final FileSystem fs;
    private final Path root;

    public StateStore(Configuration conf, String state) throws IOException {
        Path p = new Path(state);
        this.fs = p.getFileSystem(conf);
        this.root = fs.makeQualified(p);
    }

    public Path root() {
        return root;
    }

    public Path snapshot(String runDate) {
        return new Path(new Path(root, CatalogueState.CATALOGUE_DIR), GenreTable.partitionName(runDate));
    }

    public Path features() {
        return new Path(root, CatalogueState.FEATURES_DIR);
    }

    public Path features(String runDate) {
        return new Path(features(), GenreTable.partitionName(runDate));
    }

    public Path staging(String runDate, String runId) {
        return new Path(root, "_staging/" + runDate + "-" + runId);
    }

    public String journal() {
        return new Path(root, "_publish.json").toString();
    }

    /** Dates of the published snapshots, oldest first. */
    public List<String> snapshotDates() throws IOException {
        Path dir = new Path(root, CatalogueState.CATALOGUE_DIR);
        List<String> dates = new ArrayList<>();
        if (!fs.exists(dir)) {
            return dates;
        }
        String prefix = GenreTable.RUN_DATE + "=";
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.startsWith(prefix)) {
                try {
                    dates.add(RunDate.parse(name.substring(prefix.length())).toString());
                } catch (IllegalArgumentException e) {
                    // not a snapshot of ours: ignored
                }
            }
        }
        dates.sort(null); // ISO dates sort as text
        return dates;
    }

    /** The newest snapshot strictly before {@code runDate}: what a run on that date compares with. */
    public static Optional<String> previous(List<String> dates, String runDate) {
        String best = null;
        for (String d : dates) {
            if (d.compareTo(runDate) < 0) {
                best = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Snapshots beyond the newest {@code keep}: safe to delete after a run. */
    public static List<String> expired(List<String> dates, int keep) {
        return dates.size() <= keep ? List.of() : dates.subList(0, dates.size() - keep);
    }

    public RunRecord readRecord(String runDate) throws IOException {
        try (InputStream in = fs.open(new Path(snapshot(runDate), CatalogueState.RUN_FILE))) {
            return RunRecord.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public void writeText(Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    public void delete(Path p) throws IOException {
        fs.delete(p, true);
    }
}
