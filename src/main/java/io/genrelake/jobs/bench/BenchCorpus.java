package io.genrelake.jobs.bench;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A benchmark corpus made from the shared GTZAN clips ({@code shared/gtzan/audio/<genre>/<clip>.wav}):
 * N clips in genre folders, taken round-robin from the sources. Copies are hard links where the file
 * system allows (1000 clips would otherwise take 1.3 GB); each is a distinct path to the job. A corpus
 * already built (its directory's name carries the count) is reused.
 */
final class BenchCorpus {

    private BenchCorpus() {}

    /** The shared clips, sorted by path; empty when the folder is absent. */
    static List<Path> sourceClips(Path sharedAudio) throws IOException {
        if (!Files.isDirectory(sharedAudio)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sharedAudio)) {
            return walk.filter(p -> p.toString().endsWith(".wav") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /** {@code count} clips under {@code dir}, named {@code <genre>/<genre>.<n>.<ext>}, made from {@code sources}. */
    static Path build(List<Path> sources, int count, Path dir) throws IOException {
        Path done = dir.resolveSibling(dir.getFileName() + ".complete"); // outside: the job would list it
        if (Files.exists(done)) {
            return dir;
        }
        for (int i = 0; i < count; i++) {
            Path source = sources.get(i % sources.size());
            String genre = source.getParent().getFileName().toString();
            String name = source.getFileName().toString();
            String ext = name.substring(name.lastIndexOf('.'));
            Path target = dir.resolve(genre).resolve(String.format("%s.%05d%s", genre, i, ext));
            Files.createDirectories(target.getParent());
            link(source, target);
        }
        Files.createFile(done);
        return dir;
    }

    private static void link(Path source, Path target) throws IOException {
        Files.deleteIfExists(target);
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | FileAlreadyExistsException | SecurityException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) { // another file system, say
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The shared clips re-encoded as 44.1-kHz stereo MP3, once, in {@code dir/<genre>/}. */
    static List<Path> encodeMp3(FfmpegTool ffmpeg, List<Path> sources, Path dir) throws IOException {
        List<Path> encoded = new ArrayList<>();
        for (Path source : sources) {
            String genre = source.getParent().getFileName().toString();
            String name = source.getFileName().toString();
            Path target = dir.resolve(genre).resolve(name.substring(0, name.lastIndexOf('.')) + ".mp3");
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                ffmpeg.toMp3(source, target);
            }
            encoded.add(target);
        }
        return encoded;
    }
}
