package io.genrelake.cli;

import io.genrelake.catalogue.AudioExtensions;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The audio files a command was pointed at: directories are walked recursively for audio extensions
 * ({@link AudioExtensions#AUDIO}), skipping hidden files and folders, as {@code extract} lists them; files named
 * explicitly are taken whatever their name (the decoder judges them by content). The result is sorted by path and free of duplicates, so output
 * order does not depend on the file system's listing order or on the order of the arguments.
 */
final class AudioInputs {

    /**
     * One file to process.
     *
     * @param path    the path as given or as found under a given directory
     * @param display the short name for progress lines: relative to the walked directory, or as given
     */
    record Input(Path path, String display) {}

    /** A directory (or file under one) that could not be listed, and why. */
    record WalkFailure(Path path, String reason) {}

    /** Everything found: files in path order, and the places the walk could not enter. */
    record Found(List<Input> files, List<WalkFailure> failures) {}

    private AudioInputs() {}

    static Found collect(List<Path> arguments) {
        List<Input> files = new ArrayList<>();
        List<WalkFailure> failures = new ArrayList<>();
        for (Path arg : arguments) {
            if (Files.isDirectory(arg)) {
                walk(arg, files, failures);
            } else {
                // A missing file is kept: it is reported with the other unusable files, and the run goes on.
                files.add(new Input(arg, arg.toString()));
            }
        }
        files.sort(Comparator.comparing(Input::path));
        Set<Path> seen = new HashSet<>();
        files.removeIf(f -> !seen.add(f.path().toAbsolutePath().normalize()));
        return new Found(List.copyOf(files), List.copyOf(failures));
    }

    /** A name starting with a dot: macOS's {@code ._song.mp3} beside every copied file, {@code .Trash} … */
    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static void walk(Path root, List<Input> files, List<WalkFailure> failures) {
        FileVisitor<Path> visitor = new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // as extract's listing does (catalogue.CatalogueLister): hidden folders are not walked
                return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !isHidden(file) && AudioExtensions.isAudio(name)) {
                    files.add(new Input(file, root.relativize(file).toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                failures.add(new WalkFailure(file, "cannot list: " + FailureReason.of(e)));
                return FileVisitResult.CONTINUE;
            }
        };
        try {
            // Links are followed: libraries are often assembled from symlinks; a loop is reported, not walked.
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, visitor);
        } catch (IOException e) {
            failures.add(new WalkFailure(root, "cannot list: " + FailureReason.of(e)));
        }
    }
}
