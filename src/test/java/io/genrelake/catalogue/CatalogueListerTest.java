package io.genrelake.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueListerTest {

    @TempDir
    Path root;

    private final CatalogueLister lister = new CatalogueLister(new Configuration());

    @BeforeEach
    void library() throws IOException {
        for (String name : List.of("blues/a.wav", "blues/b.MP3", "blues/deep/c.flac", "rock/d.Opus", "rock/e.m4a",
                "rock/f.aiff", "rock/g.au", "rock/h.ogg", "jazz/i.AAC", "jazz/j.oga", "jazz/k.snd", "jazz/l.aif",
                "jazz/m.aifc", "blues/cover.jpg", "blues/notes.txt", "blues/.hidden.wav", ".cache/n.wav",
                "blues/noext", "tables/features.csv")) {
            Path p = root.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[name.length()]);
        }
    }

    private String uri(String relative) {
        return "file:" + root.resolve(relative);
    }

    private static List<String> relatives(Listing listing) {
        return listing.audioFiles().stream().map(CatalogueFile::relativePath).toList();
    }

    @Test
    void walksDirectoriesRecursivelyForEveryAudioExtensionInAnyCase() {
        Listing listing = lister.list(List.of(root.toString()));
        assertEquals(List.of("blues/a.wav", "blues/b.MP3", "blues/deep/c.flac", "jazz/i.AAC", "jazz/j.oga",
                "jazz/k.snd", "jazz/l.aif", "jazz/m.aifc", "rock/d.Opus", "rock/e.m4a", "rock/f.aiff", "rock/g.au",
                "rock/h.ogg"), relatives(listing));
        // jpg, txt, no extension, the csv inside a walked folder, and the two hidden ones
        assertEquals(6, listing.skipped());
        assertEquals(List.of(), listing.kaggleTables());
        assertEquals(List.of(), listing.problems());
    }

    @Test
    void recordsNormalisedPathSizeAndModificationTime() throws IOException {
        Files.setLastModifiedTime(root.resolve("blues/a.wav"), FileTime.fromMillis(1_600_000_000_000L));
        CatalogueFile a = lister.list(List.of(root.resolve("blues").toString())).audioFiles().get(0);
        assertEquals(uri("blues/a.wav"), a.path());
        assertEquals("a.wav", a.relativePath());
        assertEquals("blues/a.wav".length(), a.size());
        assertEquals(1_600_000_000_000L, a.modified());
        assertEquals(null, a.label());
    }

    @Test
    void globsMatchFilesByExtensionAndWalkMatchedDirectories() {
        Listing files = lister.list(List.of(root + "/*/*.wav"));
        assertEquals(List.of(uri("blues/a.wav")), files.audioFiles().stream().map(CatalogueFile::path).toList());

        Listing dirs = lister.list(List.of(root + "/{jazz,rock}"));
        assertEquals(10, dirs.audioFiles().size());
        assertTrue(dirs.audioFiles().stream().allMatch(f -> f.path().contains("/jazz/") || f.path().contains("/rock/")));

        // a glob picks audio extensions only: the jpg and txt it matches are skipped, and hidden names;
        // a matched directory is walked, its files named relative to it
        Listing mixed = lister.list(List.of("file:" + root + "/blues/*"));
        assertEquals(List.of("a.wav", "b.MP3", "c.flac"), relatives(mixed).stream().sorted().toList());
        assertEquals(4, mixed.skipped()); // cover.jpg, notes.txt, noext, .hidden.wav

        Listing hidden = lister.list(List.of(root + "/*/*.wav"));
        assertEquals(1, hidden.audioFiles().size()); // not .cache/n.wav nor blues/.hidden.wav
    }

    @Test
    void aFileNamedDirectlyIsTakenWhateverItsExtensionAndACsvIsAKaggleTable() {
        Listing listing = lister.list(List.of(root.resolve("blues/noext").toString(),
                root.resolve("tables/features.csv").toString()));
        assertEquals(List.of(uri("blues/noext")), listing.audioFiles().stream().map(CatalogueFile::path).toList());
        assertEquals("noext", listing.audioFiles().get(0).relativePath());
        assertEquals(List.of(uri("tables/features.csv")), listing.kaggleTables());
    }

    @Test
    void overlappingInputsListEachFileOnceInPathOrder() {
        Listing listing = lister.list(List.of(root.resolve("rock").toString(), root.toString(),
                "file://" + root + "/rock/d.Opus"));
        List<String> paths = listing.audioFiles().stream().map(CatalogueFile::path).toList();
        assertEquals(13, paths.size());
        assertEquals(paths.stream().sorted().toList(), paths);
    }

    @Test
    void missingInputsAndEmptyGlobsAreProblemsNotFailures() {
        Listing listing = lister.list(List.of(root.resolve("nowhere").toString(), root + "/*.nothing",
                root.resolve("jazz").toString()));
        assertEquals(5, listing.audioFiles().size());
        assertEquals(2, listing.problems().size());
        assertEquals("not found", listing.problems().get(0).reason());
        assertEquals("matched no file", listing.problems().get(1).reason());
    }

    @Test
    void anUnknownSchemeIsAProblem() {
        Listing listing = lister.list(List.of("nosuchfs://x/y"));
        assertTrue(listing.audioFiles().isEmpty());
        assertTrue(listing.problems().get(0).reason().startsWith("cannot list"), listing.problems().toString());
    }

    @Test
    void extensionsAndGlobsAreRecognised() {
        assertTrue(AudioExtensions.isAudio("x.FLAC"));
        assertFalse(AudioExtensions.isAudio("wav"));
        assertFalse(AudioExtensions.isAudio(".wav"));
        assertTrue(AudioExtensions.isKaggleTable("features_30_sec.CSV"));
        assertTrue(CatalogueLister.isGlob("/m/*.wav"));
        assertTrue(CatalogueLister.isGlob("/m/{a,b}"));
        assertFalse(CatalogueLister.isGlob("/m/a\\*.wav"));
        assertTrue(CatalogueLister.isHidden("a/.b/c.wav"));
        assertFalse(CatalogueLister.isHidden("a/b.c/d.wav"));
    }
}
