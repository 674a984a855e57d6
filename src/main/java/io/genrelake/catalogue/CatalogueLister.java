package io.genrelake.catalogue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the job's inputs on the driver, on whatever Hadoop file system each one names ({@code file:},
 * {@code hdfs:}, {@code s3a:}, or a plain local path):
 * <ul>
 *   <li>a directory is walked recursively for files with an audio extension ({@link AudioExtensions});
 *       hidden files and folders (name starting with a dot, like macOS's {@code ._song.mp3}) are skipped;</li>
 *   <li>a glob ({@code *}, {@code ?}, {@code [...]}, <code>{a,b}</code>) is expanded: directories it matches
 *       are walked, files are kept when they have an audio extension, hidden names are skipped;</li>
 *   <li>a file named directly is a Kaggle feature table when it ends in {@code .csv}, otherwise audio
 *       whatever its extension (the decoder judges it by its bytes).</li>
 * </ul>
 * Nothing here throws for a bad input: an input that does not exist, matches nothing or cannot be read
 * becomes a {@link Listing.Problem} and the other inputs are still listed.
 */
public final class CatalogueLister {

    private final Configuration conf;

    public CatalogueLister(Configuration conf) {
        this.conf = conf;
    }

    public Listing list(List<String> inputs) {
        Map<String, CatalogueFile> files = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        List<Listing.Problem> problems = new ArrayList<>();
        long[] skipped = {0};
        for (String input : inputs) {
            if (UriCredentials.present(input)) {
                problems.add(new Listing.Problem(UriCredentials.redact(input), UriCredentials.refusal(input)));
                continue;
            }
            try {
                listOne(input, files, tables, problems, skipped);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(new Listing.Problem(input, "cannot list: " + ErrorReason.messageOf(e)));
            }
        }
        List<CatalogueFile> sorted = new ArrayList<>(files.values());
        sorted.sort(Comparator.comparing(CatalogueFile::path));
        return new Listing(sorted, tables.stream().distinct().sorted().toList(), problems, skipped[0]);
    }

    private void listOne(String input, Map<String, CatalogueFile> files, List<String> tables,
            List<Listing.Problem> problems, long[] skipped) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        boolean glob = isGlob(input);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
            problems.add(new Listing.Problem(input, glob ? "matched no file" : "not found"));
            return;
        }
        int globbed = glob ? globbedComponents(path) : 0;
        for (FileStatus match : matches) {
            String name = match.getPath().getName();
            if (hiddenIn(match.getPath(), globbed)) {
                skipped[0]++; // as in a shell, a glob does not pick hidden files and folders
            } else if (match.isDirectory()) {
                walk(fs, match.getPath(), input, files, problems, skipped);
            } else if (!glob && AudioExtensions.isKaggleTable(name)) {
                tables.add(CataloguePath.normalise(match.getPath()));
            } else if (!glob || AudioExtensions.isAudio(name)) {
                add(files, match, name);
            } else {
                skipped[0]++;
            }
        }
    }

    private static void walk(FileSystem fs, Path root, String input, Map<String, CatalogueFile> files,
            List<Listing.Problem> problems, long[] skipped) {
        String rootPath = root.toUri().getPath();
        String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        try {
            if ("file".equals(fs.getScheme())) {
                // Hadoop's recursive listFiles builds a LocatedFileStatus per file, which on the local file system
                // asks for the owner and permissions: without Hadoop's native library that forks `ls` once per
                // file (5 s for 1000 files). A walk with listStatus reads only names, sizes and times.
                walkLocal(fs, root, prefix, files, skipped);
                return;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                consider(it.next(), prefix, files, skipped);
            }
        } catch (IOException e) {
            // What was listed before the failure is kept; the rest of this root is reported.
            problems.add(new Listing.Problem(input, "cannot list " + root + ": " + ErrorReason.messageOf(e)));
        }
    }

    /** Every file below dir, depth first, as {@link #consider}ed by the recursive listing. */
    private static void walkLocal(FileSystem fs, Path dir, String prefix, Map<String, CatalogueFile> files,
            long[] skipped) throws IOException {
        for (FileStatus status : fs.listStatus(dir)) {
            if (status.isDirectory()) {
                walkLocal(fs, status.getPath(), prefix, files, skipped);
            } else {
                consider(status, prefix, files, skipped);
            }
        }
    }

    /** Adds a listed file below the root (whose path ends in prefix), or counts it as skipped. */
    private static void consider(FileStatus status, String prefix, Map<String, CatalogueFile> files,
            long[] skipped) {
        String filePath = status.getPath().toUri().getPath();
        String relative = filePath.startsWith(prefix) ? filePath.substring(prefix.length()) : status.getPath().getName();
        if (isHidden(relative) || !AudioExtensions.isAudio(status.getPath().getName())) {
            skipped[0]++;
        } else {
            add(files, status, relative);
        }
    }

    private static void add(Map<String, CatalogueFile> files, FileStatus status, String relative) {
        String path = CataloguePath.normalise(status.getPath());
        files.putIfAbsent(path, new CatalogueFile(path, relative, status.getLen(), status.getModificationTime(), null));
    }

    /** A path with a dot-file or dot-folder in it, below the listed root. */
    static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** How many trailing components of a glob pattern the globber expands (from the first with a glob). */
    static int globbedComponents(Path pattern) {
        String[] parts = pattern.toUri().getPath().split("/");
        for (int i = 0; i < parts.length; i++) {
            if (isGlob(parts[i])) {
                return parts.length - i;
            }
        }
        return 0;
    }

    /** Whether one of the last {@code components} names of {@code path} is hidden. */
    static boolean hiddenIn(Path path, int components) {
        Path p = path;
        for (int i = 0; i < components && p != null; i++, p = p.getParent()) {
            if (p.getName().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Whether Hadoop's globber would expand this input (an unescaped glob character). */
    static boolean isGlob(String input) {
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c == '\\') {
                i++; // escaped
            } else if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }
}
