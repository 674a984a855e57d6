package io.genrelake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioInputsTest {

    @TempDir
    Path dir;

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }

    private static List<String> displays(AudioInputs.Found found) {
        return found.files().stream().map(AudioInputs.Input::display).toList();
    }

    @Test
    void walksRecursivelyForAudioExtensionsInAnyCaseSortedByPath() throws IOException {
        for (String f : new String[] {"rock/b.WAV", "rock/a.wav", "blues/deep/x.aifc", "blues/y.Aiff",
                "blues/z.au", "jazz/k.snd", "jazz/l.wave", "jazz/m.aif", "pop/s.MP3", "pop/t.flac", "pop/u.m4a",
                "pop/v.opus", "pop/w.ogg", "notes.txt", "rock/cover.jpg", "rock/a.wav.bak", "rock/noext",
                "rock/.wav", "pop/._s.MP3", ".Trash/old.wav", "rock/.sync/c.wav"}) {
            touch(f);
        }
        AudioInputs.Found found = AudioInputs.collect(List.of(dir));
        assertEquals(List.of("blues/deep/x.aifc", "blues/y.Aiff", "blues/z.au", "jazz/k.snd", "jazz/l.wave",
                "jazz/m.aif", "pop/s.MP3", "pop/t.flac", "pop/u.m4a", "pop/v.opus", "pop/w.ogg", "rock/a.wav",
                "rock/b.WAV"), displays(found)); // hidden files and folders skipped, as extract's listing does
        assertTrue(found.failures().isEmpty());
        assertEquals(dir.resolve("rock/a.wav"), found.files().get(11).path());
    }

    @Test
    void namedFilesAreTakenWhateverTheirExtensionAndMergedInPathOrder() throws IOException {
        Path txt = touch("b/notes.txt");
        touch("a/1.wav");
        touch("c/2.wav");
        Path missing = dir.resolve("b/missing.mp3");
        AudioInputs.Found found = AudioInputs.collect(List.of(dir.resolve("c"), txt, missing, dir.resolve("a")));
        assertEquals(List.of(dir.resolve("a/1.wav"), dir.resolve("b/missing.mp3"), dir.resolve("b/notes.txt"),
                dir.resolve("c/2.wav")), found.files().stream().map(AudioInputs.Input::path).toList());
        // Named files keep the name they were given; walked ones are shown relative to their folder.
        assertEquals(List.of("1.wav", missing.toString(), txt.toString(), "2.wav"), displays(found));
    }

    @Test
    void aHiddenFolderOrFileNamedOnTheCommandLineIsRead() throws IOException {
        Path named = touch(".music/._a.wav");
        touch(".music/b.wav");
        AudioInputs.Found found = AudioInputs.collect(List.of(dir.resolve(".music"), named));
        assertEquals(List.of(named.toString(), "b.wav"), displays(found));
    }

    @Test
    void aFileReachedTwiceIsTakenOnce() throws IOException {
        Path a = touch("g/a.wav");
        AudioInputs.Found found = AudioInputs.collect(List.of(dir.resolve("g"), a, dir.resolve("g/../g/a.wav"), dir));
        assertEquals(1, found.files().size(), found.toString());
    }

    @Test
    void symlinkedFilesAreFollowedAndLoopsReported() throws IOException {
        Path real = touch("store/track.wav");
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createSymbolicLink(lib.resolve("linked.wav"), real);
        Files.createSymbolicLink(lib.resolve("loop"), lib);
        AudioInputs.Found found = AudioInputs.collect(List.of(lib));
        assertEquals(List.of("linked.wav"), displays(found));
        assertEquals(1, found.failures().size(), found.toString());
        assertTrue(found.failures().get(0).reason().startsWith("cannot list"), found.toString());
    }

    @Test
    void emptyDirectoryGivesNothing() throws IOException {
        AudioInputs.Found found = AudioInputs.collect(List.of(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(found.files().isEmpty());
        assertTrue(found.failures().isEmpty());
    }
}
